import os
import socket
import subprocess
import sys

from django.urls import reverse

from tests.conftest import ROOT


def test_healthz_answers_ok_without_login_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(tmp_path):
    # A separate process whose database is a PostgreSQL port where nothing listens.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "response = Client().get('/healthz');"
        "print(response.status_code, response.content.decode().strip())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "slt_portal.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/slt",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "503 database unavailable"


def test_healthz_refuses_post(client, db):
    assert client.post(reverse("healthz")).status_code == 405


def test_the_accessibility_statement_is_linked_from_every_page(client, db):
    statement = reverse("plans:accessibility")
    login_page = client.get(reverse("login")).content.decode()
    assert f'href="{statement}"' in login_page
    response = client.get(statement)
    assert response.status_code == 200
    assert "Tilgjengelighetserklæring" in response.content.decode()
    assert "WCAG 2.1" in response.content.decode()


def test_a_missing_page_answers_404_in_norwegian(client, db):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_healthz_answers_head(client, db):
    assert client.head(reverse("healthz")).status_code == 200


def run_with_postgres_at(port, script):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "slt_portal.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/slt",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    return subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )


def test_postgresql_connections_carry_connect_and_statement_timeouts():
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "options = settings.DATABASES['default']['OPTIONS'];"
        "print(options['connect_timeout'], options['options'])"
    )
    assert run_with_postgres_at(9, script).stdout.split() == ["3", "-c", "statement_timeout=20000"]


def test_healthz_answers_503_within_five_seconds_when_the_database_hangs():
    # A server that accepts the connection and never says a word: a hung database.
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(8)
        script = (
            "import django, time; django.setup(); from django.test import Client;"
            "started = time.monotonic(); response = Client().get('/healthz');"
            "print(response.status_code, time.monotonic() - started)"
        )
        status, seconds = run_with_postgres_at(hung.getsockname()[1], script).stdout.split()
    assert status == "503" and float(seconds) < 5


def test_the_public_plan_answers_head_where_it_answers_get(client, gjesdal):
    gjesdal.published = True
    gjesdal.save()
    assert client.head(reverse("plans:public_plan")).status_code == client.get(reverse("plans:public_plan")).status_code
