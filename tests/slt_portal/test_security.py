import os
import secrets
import subprocess
import sys

from django.urls import reverse

from tests.conftest import PASSWORD, ROOT


def production_env(**extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="slt_portal.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="slt.gjesdal.kommune.no",
        **extra,
    )
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_secret_key():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_pages_carry_the_security_headers(client, db):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_login_is_locked_for_a_username_after_five_failed_attempts(client, working_member):
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "arbeidsmedlem", "password": "feil"})
    response = client.post(reverse("login"), {"username": "arbeidsmedlem", "password": PASSWORD})
    assert response.status_code == 429
    page = response.content.decode()
    assert "sperret i 15 minutter" in page
    assert "_auth_user_id" not in client.session


def test_four_failed_attempts_do_not_lock(client, working_member):
    for _ in range(4):
        client.post(reverse("login"), {"username": "arbeidsmedlem", "password": "feil"})
    response = client.post(reverse("login"), {"username": "arbeidsmedlem", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(working_member.pk)
