"""Load: gunicorn (4 workers) on PostgreSQL, 50 connections for 60 seconds with wrk.

Drives the dashboard, the measure list, a measure page and the plan PDF as a logged-in
coordinator, then prints requests per second, p50/p95/p99 latency and errors.

    python bench/load.py [--seconds 60] [--connections 50] [--workers 4]

Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432) and wrk
(Debian package `wrk`). Sends traffic to 127.0.0.1 only and stops by itself.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import fresh_database, gunicorn, manage, prepare, server_env, session_cookie  # noqa: E402

PAGES = {
    "dashboard": "/",
    "measure list": "/tiltak/",
    "measure page": "/tiltak/9/",
    "plan PDF": "/handlingsplan/pdf/",
}

WRK_SCRIPT = """
local paths = {%(paths)s}
local headers = {["Cookie"] = "%(cookie)s"%(extra)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %%d %%f %%f %%f %%f %%d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors))
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")

    env = server_env(fresh_database("slt_bench_load"))
    prepare(env)
    manage("shell", "-c", CREATE_COORDINATOR, env=env)
    cookie = session_cookie(env, "koordinator")

    with gunicorn(env, args.port, workers=args.workers) as base:
        for name, path in PAGES.items():  # every page answers before the load starts
            request = urllib.request.Request(base + path, headers={"Cookie": cookie})
            status = urllib.request.urlopen(request, timeout=60).status
            if status != 200:
                sys.exit(f"{name} {path} answered {status}")
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            paths = ", ".join(f'"{path}"' for path in PAGES.values())
            script.write(WRK_SCRIPT % {"paths": paths, "cookie": cookie, "extra": ""})
            script.flush()
            output = subprocess.run(
                ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s",
                 "-s", script.name, base],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
    match = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", output)
    requests, seconds, p50, p95, p99, errors = match.groups()
    print(f"gunicorn {args.workers} workers, PostgreSQL, {args.connections} connections, {args.seconds} s")
    print("pages: " + ", ".join(f"{name} ({path})" for name, path in PAGES.items()))
    print()
    print("| requests | requests/s | p50 ms | p95 ms | p99 ms | errors |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    rate = int(requests) / float(seconds)
    print(f"| {requests} | {rate:.1f} | {float(p50):.1f} | {float(p95):.1f} | {float(p99):.1f} | {errors} |")
    sys.exit(1 if int(errors) else 0)


CREATE_COORDINATOR = (
    "from django.contrib.auth.models import Group, User;"
    "from participants.models import Person, Position, SeatTerm;"
    "u = User.objects.create_user('koordinator', first_name='Kari', last_name='Solberg', is_staff=True);"
    "u.groups.add(Group.objects.get(name='SLT-koordinator'));"
    "p = Person.objects.create(name='Kari Solberg', user=u);"
    "SeatTerm.objects.bulk_create("
    "SeatTerm(position=s, person=p) for s in Position.objects.filter(title='SLT-koordinator'))"
)

if __name__ == "__main__":
    main()
