"""The main pages at phone and desktop width: screenshots to look at, and no sideways scrolling on a phone."""

import pytest
from django.utils import timezone

from meetings.services import meetings_create_for_year
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def next_meeting(gjesdal):
    year = timezone.localdate().year
    for series in gjesdal.meeting_series.all():
        for each in (year, year + 1):
            meetings_create_for_year(series=series, year=each)
    return gjesdal.meeting_series.get(key="arbeidsgruppe").meetings.order_by("starts_at").last()


def main_pages(gjesdal, meeting):
    measure = gjesdal.measures.get(number=9)
    return [
        ("dashboard", "/"),
        ("measure-list", "/tiltak/"),
        ("measure-page", "/tiltak/9/"),
        ("measure-edit", "/tiltak/9/endre/"),
        ("plan-texts", "/tiltak/plan/"),
        ("goal-form", f"/tiltak/plan/mal/{gjesdal.goals.first().pk}/"),
        ("plan-documents", "/handlingsplan/"),
        ("meeting-list", "/moter/"),
        ("meeting", f"/moter/{meeting.pk}/"),
        ("minutes-form", f"/moter/{meeting.pk}/referat/"),
        ("year-wheel", "/moter/arshjul/"),
        ("calendar-feeds", "/moter/kalender/"),
        ("follow-up", f"/moter/tiltak/{measure.pk}/oppfolging/"),
        ("password-change", "/konto/passord/"),
        ("public-plan", "/plan/"),
        ("accessibility-statement", "/tilgjengelighet/"),
        ("not-found", "/finnes-ikke/"),
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_main_pages_fit_the_screen_without_sideways_scrolling(
    page, live_server, gjesdal, coordinator, next_meeting, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/konto/login/")
    screenshot(f"page-login-{width}")
    assert page.evaluate(SIDEWAYS) <= 0, "the login page scrolls sideways"
    log_in(page, live_server, "koordinator", PASSWORD)
    too_wide = {}
    for name, path in main_pages(gjesdal, next_meeting):
        page.goto(f"{live_server.url}{path}")
        screenshot(f"page-{name}-{width}")
        overflow = page.evaluate(SIDEWAYS)
        if overflow > 0:
            too_wide[path] = overflow
    assert not too_wide, f"these pages scroll sideways at {width} px (by px): {too_wide}"


def test_the_main_pages_reflow_at_320_pixels_as_at_400_per_cent_zoom(
    page, live_server, gjesdal, coordinator, next_meeting
):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, live_server, "koordinator", PASSWORD)
    too_wide = {}
    for _name, path in main_pages(gjesdal, next_meeting):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate(SIDEWAYS)
        if overflow > 0:
            too_wide[path] = overflow
    assert not too_wide, f"these pages scroll sideways at 320 px (by px): {too_wide}"
