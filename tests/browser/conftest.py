import os
import shutil

import pytest
from django.utils import timezone

from meetings.services import meetings_create_for_year

ARTIFACTS = os.environ.get("TEST_ARTIFACTS", "test-artifacts")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _chromium_available():
    if not shutil.which(os.environ.get("CHROMIUM", "/usr/bin/chromium")):
        pytest.skip("Chromium is not installed")


@pytest.fixture
def working_group_meetings(gjesdal):
    """The working group's meetings for this year and the next, made from its rhythm."""
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    year = timezone.localdate().year
    for each in (year, year + 1):
        meetings_create_for_year(series=series, year=each)
    return series


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""

    def take(name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)

    return take


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()


@pytest.fixture(autouse=True)
def _no_csp_violations(page):
    """Fail a browser test whose page breaks the Content Security Policy."""
    refused = []
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    yield
    assert not refused, refused
