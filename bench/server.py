"""A production-like portal for load and benchmark runs: PostgreSQL, gunicorn, DEBUG off.

Used by bench/load.py (and the benchmarks): builds a database, starts gunicorn on loopback
with N workers, and hands out a logged-in session cookie. Only loopback addresses are used.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")


def server_env(database_url, **extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_STATIC_ROOT=str(ROOT / "staticfiles"),
        DJANGO_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def manage(*args, env, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout if capture else None


def fresh_database(name):
    """Drop and create a PostgreSQL database; returns its URL."""
    admin = f"{PG_ADMIN_URL}/postgres"
    for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin, "-qc", statement], check=True, capture_output=True)
    return f"{PG_ADMIN_URL}/{name}"


def prepare(env, plan="plans/files/gjesdal-2026-2027.yaml", collectstatic=True):
    manage("migrate", "--noinput", "-v", "0", env=env)
    if collectstatic:
        manage("collectstatic", "--noinput", "-v", "0", env=env)
    manage("import_plan", plan, env=env, capture=True)


def session_cookie(env, username):
    """A logged-in session for an existing user, made the way Django's login makes one."""
    code = (
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        f"user = get_user_model().objects.get(username={username!r});"
        "s = SessionStore(); s[SESSION_KEY] = str(user.pk);"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    key = manage("shell", "-c", code, env=env, capture=True).strip().splitlines()[-1]
    return f"sessionid={key}"


class Server(NamedTuple):
    url: str
    process: subprocess.Popen

    def worker_rss_mib(self):
        """Resident memory (MiB) of each gunicorn worker, by pid (Linux: read from /proc)."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return {int(pid): _rss_mib(pid) for pid in children}


def _rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def gunicorn_server(env, port, workers=4):
    process = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "slt_portal.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers),
            "--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
            "--timeout", "600",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start:\n" + process.stderr.read()) from None
                time.sleep(0.3)
        yield Server(f"http://{HOST}:{port}", process)
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def gunicorn(env, port, workers=4):
    with gunicorn_server(env, port, workers) as server:
        yield server.url
