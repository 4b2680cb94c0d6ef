"""axe-core on every page type, each as the role that uses it: 0 violations of WCAG 2.1 A and AA."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.services import meetings_create_for_year
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


@pytest.fixture
def meetings_next_year(gjesdal):
    year = timezone.localdate().year
    for series in gjesdal.meeting_series.all():
        for each in (year, year + 1):
            meetings_create_for_year(series=series, year=each)
    return gjesdal.meeting_series.get(key="arbeidsgruppe").meetings.order_by("starts_at").last()


def assert_pages_have_no_violations(page, live_server, paths):
    """Open each page in turn and collect every violation, so one run names them all."""
    found = {}
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 500, path
        violations = axe_violations(page)
        if violations:
            found[path] = describe(violations)
    assert not found, "\n\n".join(f"{path}:\n{text}" for path, text in found.items())


def test_public_pages_have_no_axe_violations(page, live_server, gjesdal):
    assert_pages_have_no_violations(
        page, live_server, ["/konto/login/", "/tilgjengelighet/", "/finnes-ikke/", "/plan/", "/plan/2026-2027/"]
    )


def test_the_coordinators_pages_have_no_axe_violations(page, live_server, coordinator, meetings_next_year):
    gjesdal = coordinator.person.positions.first().body.plan if False else None  # noqa: F841
    log_in(page, live_server, "koordinator", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    from measures.models import FocusArea, Goal, Link, Measure

    measure = Measure.objects.get(number=9)
    assert_pages_have_no_violations(
        page,
        live_server,
        [
            "/",
            "/tiltak/",
            "/tiltak/?q=natteravn",
            "/tiltak/9/",
            "/tiltak/9/status/",
            "/tiltak/9/endre/",
            "/tiltak/plan/",
            f"/tiltak/plan/mal/{Goal.objects.first().pk}/",
            "/tiltak/plan/mal/ny/",
            f"/tiltak/plan/satsingsomrade/{FocusArea.objects.first().pk}/",
            f"/tiltak/plan/lenke/{Link.objects.first().pk}/",
            "/handlingsplan/",
            "/moter/",
            f"/moter/{meetings_next_year.pk}/",
            f"/moter/{meetings_next_year.pk}/endre/",
            f"/moter/{meetings_next_year.pk}/referat/",
            f"/moter/arshjul/?year={timezone.localtime(meetings_next_year.starts_at).year}",
            "/moter/kalender/",
            f"/moter/tiltak/{measure.pk}/oppfolging/",
            "/konto/passord/",
        ],
    )
