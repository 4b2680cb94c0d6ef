"""`make bench`: query counts, page cost against a bare page, and the cost of the plan PDF.

Builds two PostgreSQL databases, Gjesdal's plan at 1x and grown to 100x (bench/grow.py), and
prints one markdown table. Times on shared machines vary, so every goal is a ratio taken in
the same run: a page against a bare login-checked page, a render against WeasyPrint alone.

    python bench/run.py [--requests 200] [--warmup 20] [--keep]

Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (BENCH_PG_URL overrides).
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import CREATE_COORDINATOR, WRK_SCRIPT  # noqa: E402
from server import (  # noqa: E402
    PG_ADMIN_URL,
    PYTHON,
    ROOT,
    fresh_database,
    gunicorn,
    gunicorn_server,
    manage,
    prepare,
    server_env,
    session_cookie,
)

DATABASES = {1: "slt_bench_1x", 100: "slt_bench_100x"}
COST_GOAL = 3.0
THROUGHPUT_GOAL_1X = 3.0  # at 1x a page serves at least a third of the bare page's requests/s
FLAT_GOAL = 1.5  # at 100x a page costs at most 1.5x its own cost at 1x
UNCHANGED_DOCUMENT_GOAL = 1.5  # an unchanged PDF or public page at 100x, against the bare page
MEMORY_REQUESTS = 10_000  # mixed requests to one worker at 100x ...
MEMORY_GOAL_MIB = 50  # ... grow its resident memory by less than this (no leak)
# The public page as the public reads it, without a login (the query string only tells the runs apart).
PUBLIC_VISIT = "/plan/?offentlig"
BARE = "/bench/ok"


def build(factor):
    env = server_env(fresh_database(DATABASES[factor]))
    prepare(env, collectstatic=factor == 1)  # the static files are the same for both
    subprocess.run([PYTHON, "bench/grow.py", "--factor", str(factor)], cwd=ROOT, env=env, check=True,
                   capture_output=True)  # fmt: skip
    manage("shell", "-c", CREATE_COORDINATOR, env=env, capture=True)
    # Planner statistics as autovacuum keeps them on a running server: without them PostgreSQL plans the
    # grown tables as if they were empty.
    subprocess.run(["psql", env["DATABASE_URL"], "-qc", "VACUUM ANALYZE"], check=True, capture_output=True)
    return env


def inproc(env, *args):
    output = subprocess.run([PYTHON, "bench/inproc.py", *args], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def pages(env):
    meeting = manage(
        "shell", "-c",
        "import sys; sys.path.insert(0, 'bench'); from inproc import busiest_meeting; print(busiest_meeting().pk)",
        env=env, capture=True,
    ).strip().splitlines()[-1]  # fmt: skip
    return {
        "dashboard": "/",
        "measure list": "/tiltak/",
        "measure page": "/tiltak/9/",
        "meeting list": "/moter/",
        "meeting page": f"/moter/{meeting}/",
        "year view": "/moter/arshjul/",
        "public plan page": "/plan/",
        "public plan page, the public": PUBLIC_VISIT,
        "plan PDF": "/handlingsplan/pdf/",
    }


def cookie_for(path, cookie):
    """The coordinator's session cookie, but none for the public's visit: the public is not logged in."""
    return "" if path == PUBLIC_VISIT else cookie


def get(connection, path, cookie, etags=None):
    """Seconds to fetch the page; its ETag goes into `etags` when given."""
    start = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie_for(path, cookie)})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    if etags is not None and response.getheader("ETag"):
        etags[path] = response.getheader("ETag")
    if response.getheader("Connection", "").lower() == "close":
        connection.close()
    return elapsed


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def latencies(base, paths, cookie, requests, warmup):
    """One client, one request at a time, the pages taken in turn so drift hits them alike."""
    split = urlsplit(base)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=600)
    times = {path: [] for path in paths}
    for round_number in range(warmup + requests):
        for path in paths:
            elapsed = get(connection, path, cookie)
            if round_number >= warmup:
                times[path].append(elapsed)
    connection.close()
    return {path: (statistics.median(values), p95(values)) for path, values in times.items()}


def wrk(base, path, cookie, seconds, connections, mixed=(), etag=None):
    """requests/s, p50 and p99 (ms) and errors of one page under wrk; with `mixed`, of those paths in turn;
    with `etag`, asked as a browser that has the page asks (If-None-Match), answered 304."""
    paths = ", ".join(f'"{each}"' for each in mixed) if mixed else f'"{path}"'
    extra = f', ["If-None-Match"] = {json.dumps(etag)}' if etag else ""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % {"paths": paths, "cookie": cookie_for(path, cookie), "extra": extra})
        script.flush()
        output = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", script.name, base],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    match = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", output)
    requests, duration, p50, _p95, p99, errors = match.groups()
    return {
        "rps": int(requests) / float(duration),
        "p50": float(p50),
        "p99": float(p99),
        "errors": int(errors),
        "requests": int(requests),
    }


def memory_growth(env, port, paths, connections, chunk_seconds=15):
    """A worker's resident memory before and after MEMORY_REQUESTS mixed requests (every page in turn,
    as the coordinator), after a warm-up that has drawn each page many times. One worker, so it serves
    them all."""
    mixed = [path for path in paths if path != PUBLIC_VISIT]
    with gunicorn_server(env, port, workers=1) as server:
        warm = wrk(server.url, mixed[0], env["BENCH_COOKIE"], chunk_seconds, connections, mixed=mixed)
        (before,) = server.worker_rss_mib().values()
        served, errors = 0, warm["errors"]
        while served < MEMORY_REQUESTS:
            run = wrk(server.url, mixed[0], env["BENCH_COOKIE"], chunk_seconds, connections, mixed=mixed)
            served, errors = served + run["requests"], errors + run["errors"]
        (after,) = server.worker_rss_mib().values()
    return {"before": before, "after": after, "requests": served, "warmup": warm["requests"], "errors": errors}


def profiles(env, names):
    """Where the time goes on the pages that miss a goal: the top entries of cProfile, in process."""
    if not names:
        return []
    found = inproc(env, "profile", *names)
    lines = ["", "Where the time goes on the pages that miss a goal (cProfile, in process at 100x, ms per request):"]
    for name, entries in found.items():
        lines += ["", f"{name} ({entries['ms']:.1f} ms per request while profiled):", ""]
        lines += ["| the project's code | own ms | cumulative ms |", "| --- | ---: | ---: |"]
        lines += [f"| `{where}` | {own:.2f} | {total:.2f} |" for where, own, total in entries["project"]]
        lines += ["", "| most time of its own | own ms | cumulative ms |", "| --- | ---: | ---: |"]
        lines += [f"| `{where}` | {own:.2f} | {total:.2f} |" for where, own, total in entries["own_time"]]
    return lines


def throughput(env, port, workers, paths, seconds, connections):
    """Every page and the bare page under wrk in the same server run, the bare page first and last."""
    results, etags = {}, {}
    with gunicorn(env, port, workers=workers) as base:
        for path in [BARE, *paths]:  # each page answers (and the PDF is cached) before the load
            get(http.client.HTTPConnection("127.0.0.1", port, timeout=600), path, env["BENCH_COOKIE"], etags)
        for path in [BARE, *paths]:
            results[path] = wrk(base, path, env["BENCH_COOKIE"], seconds, connections)
        for path, etag in etags.items():  # the documents again, as a browser that has them asks
            results[revalidated(path)] = wrk(base, path, env["BENCH_COOKIE"], seconds, connections, etag=etag)
        again = wrk(base, BARE, env["BENCH_COOKIE"], seconds, connections)
    # The bare page's rate: the mean of the runs before and after, so drift hits every page alike.
    bare = results[BARE]
    results[BARE] = {**bare, "rps": (bare["rps"] + again["rps"]) / 2, "errors": bare["errors"] + again["errors"]}
    return results


def revalidated(path):
    return f"{path} (revalidated)"


def clear_cache(env):
    database = env["DATABASE_URL"]
    subprocess.run(["psql", database, "-qc", "DELETE FROM slt_cache"], check=True, capture_output=True)


def first_download(env, port, rounds=3):
    """Plan PDF on a freshly started worker against the same worker warm (cache cleared each time)."""
    cold, warm = [], []
    for _ in range(rounds):
        with gunicorn(env, port, workers=1) as base:
            split = urlsplit(base)
            cookie = env["BENCH_COOKIE"]
            for target in (cold, warm, warm):
                clear_cache(env)
                connection = http.client.HTTPConnection(split.hostname, split.port, timeout=300)
                target.append(get(connection, "/handlingsplan/utkast/pdf/", cookie))
                connection.close()
    return statistics.median(cold), statistics.median(warm)


def machine():
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    postgres = subprocess.run(["psql", f"{PG_ADMIN_URL}/postgres", "-tAc", "SHOW server_version"],
                              capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, PostgreSQL {postgres}"


def throughput_table(rates, paths, args, missed):
    """The throughput rows; adds the name of each page that misses a goal to `missed`."""
    bare = {factor: rates[factor][BARE] for factor in DATABASES}
    lines = [
        "",
        f"Throughput: wrk with {args.connections} connections for {args.seconds} s per page against "
        f"gunicorn ({args.workers} workers), every page and the bare page (`{BARE}`) in the same run per size. "
        f"Bare page: {bare[1]['rps']:.0f} requests/s at 1x, {bare[100]['rps']:.0f} at 100x. "
        "Cost = bare requests/s over the page's requests/s.",
        "",
        "| page | req/s 1x | cost 1x | p50/p99 ms 1x | req/s 100x | cost 100x | p50/p99 ms 100x | 100x / 1x | errors "
        "| goals |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    documents = ("plan PDF", "public plan page", "public plan page, the public")
    for name in paths[100]:
        one, hundred = rates[1][paths[1][name]], rates[100][paths[100][name]]
        cost_1, cost_100 = bare[1]["rps"] / one["rps"], bare[100]["rps"] / hundred["rps"]
        flat = cost_100 / cost_1
        errors = one["errors"] + hundred["errors"]
        goals = [f"1x {verdict(cost_1 <= THROUGHPUT_GOAL_1X)}", f"flat {verdict(flat <= FLAT_GOAL)}"]
        if name in documents:
            goals.append(f"unchanged document {verdict(cost_100 <= UNCHANGED_DOCUMENT_GOAL)}")
        goals.append(f"errors {verdict(errors == 0)}")
        if "not met" in "".join(goals):
            missed.add(name)
        lines.append(
            f"| {name} | {one['rps']:.0f} | {cost_1:.1f}x | {one['p50']:.0f}/{one['p99']:.0f} | "
            f"{hundred['rps']:.0f} | {cost_100:.1f}x | {hundred['p50']:.0f}/{hundred['p99']:.0f} | {flat:.2f}x | "
            f"{errors} | {', '.join(goals)} |"
        )
    for name in documents:
        path_1, path_100 = revalidated(paths[1][name]), revalidated(paths[100][name])
        if path_1 not in rates[1] or path_100 not in rates[100]:
            continue
        one, hundred = rates[1][path_1], rates[100][path_100]
        cost_1, cost_100 = bare[1]["rps"] / one["rps"], bare[100]["rps"] / hundred["rps"]
        ok = cost_100 <= UNCHANGED_DOCUMENT_GOAL and one["errors"] + hundred["errors"] == 0
        lines.append(
            f"| {name}, revalidated (304) | {one['rps']:.0f} | {cost_1:.1f}x | {one['p50']:.0f}/{one['p99']:.0f} | "
            f"{hundred['rps']:.0f} | {cost_100:.1f}x | {hundred['p50']:.0f}/{hundred['p99']:.0f} | "
            f"{cost_100 / cost_1:.2f}x | {one['errors'] + hundred['errors']} | unchanged document {verdict(ok)} |"
        )
    return lines


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--seconds", type=int, default=10, help="wrk seconds per page and size")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `make bench` installs it (Debian package wrk)")
    started = time.monotonic()

    def note(message):
        print(f"[{time.monotonic() - started:5.0f} s] {message}", file=sys.stderr, flush=True)

    envs, counts = {}, {}
    for factor in DATABASES:
        note(f"building the {factor}x database")
        envs[factor] = build(factor)
        envs[factor]["BENCH_COOKIE"] = session_cookie(envs[factor], "koordinator")
        note(f"counting queries at {factor}x")
        counts[factor] = inproc(envs[factor], "queries")
    big = envs[100]
    page_paths = pages(big)

    note(f"page latency at 100x: {args.requests} requests per page after {args.warmup} warm-up")
    clear_cache(big)
    with gunicorn(big, args.port, workers=args.workers) as base:
        timing = latencies(base, [BARE, *page_paths.values()], big["BENCH_COOKIE"], args.requests, args.warmup)
    bare_median, bare_p95 = timing[BARE]

    rates, paths = {}, {factor: pages(envs[factor]) for factor in DATABASES}
    for factor in DATABASES:
        note(f"throughput at {factor}x: wrk, {args.connections} connections, {args.seconds} s per page")
        rates[factor] = throughput(envs[factor], args.port + 2, args.workers, list(paths[factor].values()),
                                   args.seconds, args.connections)  # fmt: skip

    note("plan PDF timings")
    pdf = {factor: inproc(envs[factor], "pdf", "3" if factor == 1 else "1") for factor in DATABASES}
    for factor in DATABASES:
        counts[factor]["plan PDF"] = pdf[factor]["queries"]
    note("peak memory of the 100x plan")
    memory = inproc(big, "memory")
    note("first download on a fresh worker")
    cold, warm = first_download(envs[1], args.port + 1)
    note(f"memory of one worker over {MEMORY_REQUESTS} mixed requests at 100x")
    growth = memory_growth(big, args.port + 3, list(page_paths.values()), args.connections)
    note("done")

    missed = set()
    lines = [f"Machine: {machine()}; gunicorn {args.workers} sync workers, DEBUG off.", ""]
    lines += [
        f"Pages as the coordinator. Queries: one request, Django test client in process (the plan PDF: a fresh "
        f"render, cache cleared). Cost: median and p95 at "
        f"100x over those of a bare login-checked page (`{BARE}`: median {bare_median * 1000:.1f} ms, "
        f"p95 {bare_p95 * 1000:.1f} ms), {args.requests} sequential requests per page after {args.warmup} warm-up.",
        "",
        "| page | queries 1x | queries 100x | median ms 100x | p95 ms 100x | cost median | cost p95 | goals |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path in page_paths.items():
        one, hundred = counts[1][name], counts[100][name]
        median, tail = timing[path]
        cost_median, cost_p95 = median / bare_median, tail / bare_p95
        queries_ok = one == hundred
        cost_ok = cost_median <= COST_GOAL and cost_p95 <= COST_GOAL
        if not (cost_ok and queries_ok):
            missed.add(name)
        lines.append(
            f"| {name} (`{path}`) | {one} | {hundred} | {median * 1000:.1f} | {tail * 1000:.1f} | "
            f"{cost_median:.1f}x | {cost_p95:.1f}x | queries {verdict(queries_ok)}, cost {verdict(cost_ok)} |"
        )
    lines += throughput_table(rates, paths, args, missed)
    lines += [
        "",
        "The working draft's PDF (`/handlingsplan/utkast/pdf/`; the plan PDF above is the adopted version's "
        "archived bytes): a fresh render clears the cache:",
        "",
        "| measure | value | goal | |",
        "| --- | ---: | ---: | --- |",
    ]
    rows = [
        ("fresh render 1x / WeasyPrint alone on the same HTML", pdf[1]["fresh"] / pdf[1]["weasyprint"], "<= 1.1x",
         pdf[1]["fresh"] / pdf[1]["weasyprint"] <= 1.1),
        ("fresh render 100x / WeasyPrint alone on the same HTML (one each)", pdf[100]["fresh"] / pdf[100]["weasyprint"],
         "<= 1.1x", pdf[100]["fresh"] / pdf[100]["weasyprint"] <= 1.1),
        ("fresh render 1x / second download (cached) 1x", pdf[1]["fresh"] / pdf[1]["cached"], ">= 50x",
         pdf[1]["fresh"] / pdf[1]["cached"] >= 50),
        ("fresh render 100x / second download (cached) 100x", pdf[100]["fresh"] / pdf[100]["cached"], ">= 50x",
         pdf[100]["fresh"] / pdf[100]["cached"] >= 50),
        ("first download on a fresh worker / on a warm worker (1x, gunicorn)", cold / warm, "<= 1.2x",
         cold / warm <= 1.2),
        ("fresh render 100x / fresh render 1x", pdf[100]["fresh"] / pdf[1]["fresh"], "<= 100x",
         pdf[100]["fresh"] / pdf[1]["fresh"] <= 100),
    ]  # fmt: skip
    for label, value, goal, ok in rows:
        lines.append(f"| {label} | {value:.2f}x | {goal} | {verdict(ok)} |")
    lines.append(f"| peak memory rendering the 100x plan (above a process that only imports) | "
                 f"{memory['peak_mib']:.0f} MiB | < 512 MiB | {verdict(memory['peak_mib'] < 512)} |")  # fmt: skip
    lines += [
        "",
        "Times behind the ratios (seconds, medians): "
        + "; ".join(
            f"{factor}x fresh {pdf[factor]['fresh']:.3f}, WeasyPrint alone {pdf[factor]['weasyprint']:.3f}, "
            f"cached {pdf[factor]['cached']:.4f}"
            for factor in DATABASES
        )
        + f"; first download on a fresh worker {cold:.3f}, warm {warm:.3f}; "
        f"memory: importing {memory['baseline_mib']:.0f} MiB, rendering {memory['render_mib']:.0f} MiB. "
        f"Run took {time.monotonic() - started:.0f} s.",
    ]
    grown = growth["after"] - growth["before"]
    lines += [
        "",
        f"Memory: one gunicorn worker at 100x served {growth['requests']} mixed requests (every page above in "
        f"turn, {args.connections} connections) after {growth['warmup']} warm-up requests; its resident memory "
        f"went from {growth['before']:.0f} MiB to {growth['after']:.0f} MiB: {grown:+.1f} MiB (goal < "
        f"{MEMORY_GOAL_MIB} MiB: {verdict(grown < MEMORY_GOAL_MIB and growth['requests'] >= MEMORY_REQUESTS)}), "
        f"errors {growth['errors']} ({verdict(growth['errors'] == 0)}).",
    ]
    lines += profiles(big, [name for name in page_paths if name in missed])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
