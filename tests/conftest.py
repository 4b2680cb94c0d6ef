"""Personas, logged-in clients and data shared by the whole suite."""

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import Client

from participants import roles
from participants.models import Body, Person, SeatTerm

# Playwright drives Chromium from an event loop; Django must allow its ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
GJESDAL_PLAN = ROOT / "plans" / "files" / "gjesdal-2026-2027.yaml"
PASSWORD = "test-password-123"


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Static files come from the source folders; production serves collected, hashed files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # One cache per test process that outlives each test's rolled-back transaction: an adopted plan
    # document identical to one already rendered (every test imports Gjesdal's) is rendered once.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.WHITENOISE_AUTOREFRESH = True
    settings.WHITENOISE_USE_FINDERS = True
    # The test client and the live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def gjesdal(db):
    """Gjesdal's adopted plan, imported through the real command."""
    call_command("import_plan", str(GJESDAL_PLAN), stdout=io.StringIO())
    from measures.models import ActionPlan

    return ActionPlan.objects.get(municipality="Gjesdal")


def make_user(username, role=None, body_key=None):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, first_name=username.title())
    if role:
        if not Group.objects.filter(name=role).exists():
            # A live-server test flushes the tables, roles included; migrating made them first.
            roles.sync_roles(Group, Permission)
        user.groups.add(Group.objects.get(name=role))
    person = Person.objects.create(name=username.title(), user=user)
    if body_key:
        seat = Body.objects.get(key=body_key).positions.exclude(terms__isnull=False).first()
        SeatTerm.objects.create(position=seat, person=person)
    return user


@pytest.fixture
def coordinator(gjesdal):
    return make_user("koordinator", roles.COORDINATOR, "arbeidsgruppe")


@pytest.fixture
def steering_member(gjesdal):
    return make_user("styringsmedlem", roles.STEERING_GROUP, "styringsgruppe")


@pytest.fixture
def working_member(gjesdal):
    return make_user("arbeidsmedlem", roles.WORKING_GROUP, "arbeidsgruppe")


@pytest.fixture
def operative_member(gjesdal):
    return make_user("operativmedlem", roles.OPERATIVE_GROUP, "operativ")


@pytest.fixture
def outsider(gjesdal):
    return make_user("utenforstaende")


def logged_in(user):
    """A client of its own, logged in as the user: several personas can act in one test."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator_client(coordinator):
    return logged_in(coordinator)


@pytest.fixture
def steering_client(steering_member):
    return logged_in(steering_member)


@pytest.fixture
def working_client(working_member):
    return logged_in(working_member)


@pytest.fixture
def operative_client(operative_member):
    return logged_in(operative_member)


@pytest.fixture
def outsider_client(outsider):
    return logged_in(outsider)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    }


def pytest_addoption(parser):
    parser.addoption(
        "--require-browser",
        action="store_true",
        help="fail the run when a browser test is skipped or none ran (CI sets it)",
    )


_browser_outcomes = []


def pytest_runtest_logreport(report):
    if "browser" in report.keywords and (report.when == "call" or report.skipped):
        _browser_outcomes.append(report.outcome)


def pytest_sessionfinish(session, exitstatus):
    if not session.config.getoption("--require-browser") or session.config.option.collectonly:
        return
    if hasattr(session.config, "workerinput"):
        return  # a parallel worker: the controller sees every worker's reports and decides
    if not _browser_outcomes or "skipped" in _browser_outcomes:
        skipped = _browser_outcomes.count("skipped")
        print(f"\n--require-browser: {len(_browser_outcomes)} browser tests, {skipped} skipped: failing the run.")
        session.exitstatus = 1


# Single sign-on: the portal set up for a provider, and the providers themselves (tests/sso.py).


@pytest.fixture
def sso(settings):
    """Turn single sign-on on for one test: `sso(provider.env)` or `sso({**provider.env, "PASSWORD_LOGIN": "off"})`."""
    from tests.sso import configure_sso, reload_urls

    yield lambda env: configure_sso(settings, env)
    settings.SSO_ENABLED = False
    reload_urls()


@pytest.fixture(scope="session")
def token_signer():
    from tests.sso import TokenSigner

    signer = TokenSigner()
    yield signer
    signer.stop()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """The real provider (django-oauth-toolkit), started once per session by the first test that needs it."""
    from tests.sso import RealProvider

    provider = RealProvider(tmp_path_factory.mktemp("oidc-provider"))
    yield provider
    provider.stop()


@pytest.fixture
def provider_browser():
    from tests.sso import ProviderBrowser

    browser = ProviderBrowser()
    yield browser
    browser.close()
