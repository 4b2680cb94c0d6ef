"""axe-core on every page type, each as the role that uses it: 0 violations of WCAG 2.1 A and AA."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.services import meetings_create_for_year
from tests.browser.axe import assert_no_violations, axe_violations, describe
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


def test_the_coordinators_pages_have_no_axe_violations(page, live_server, gjesdal, coordinator, meetings_next_year):
    log_in(page, live_server, "koordinator", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    measure = gjesdal.measures.get(number=9)
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
            f"/tiltak/plan/mal/{gjesdal.goals.first().pk}/",
            "/tiltak/plan/mal/ny/",
            f"/tiltak/plan/satsingsomrade/{gjesdal.focus_areas.first().pk}/",
            f"/tiltak/plan/lenke/{gjesdal.links.first().pk}/",
            "/handlingsplan/",
            "/moter/",
            f"/moter/{meetings_next_year.pk}/",
            f"/moter/{meetings_next_year.pk}/endre/",
            f"/moter/{meetings_next_year.pk}/referat/",
            f"/moter/{meetings_next_year.pk}/saksliste/skjema/",
            f"/moter/{meetings_next_year.pk}/oppfolging/skjema/",
            f"/moter/{meetings_next_year.pk}/oppfolging/tidligere/",
            f"/moter/arshjul/?year={timezone.localtime(meetings_next_year.starts_at).year}",
            "/moter/kalender/",
            f"/moter/tiltak/{measure.pk}/oppfolging/",
            "/konto/passord/",
        ],
    )


def test_the_other_roles_pages_have_no_axe_violations(
    page, live_server, gjesdal, working_member, steering_member, outsider, meetings_next_year
):
    measure = gjesdal.measures.get(number=6)
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    assert_pages_have_no_violations(
        page,
        live_server,
        [
            "/",
            "/tiltak/",
            "/tiltak/6/",
            "/moter/",
            f"/moter/{meetings_next_year.pk}/",
            f"/moter/{meetings_next_year.pk}/referat/",
            "/moter/arshjul/",
            "/moter/kalender/",
            f"/moter/tiltak/{measure.pk}/oppfolging/",
        ],
    )
    page.context.clear_cookies()
    log_in(page, live_server, "styringsmedlem", PASSWORD)
    assert_pages_have_no_violations(page, live_server, ["/", "/handlingsplan/", "/tiltak/9/"])
    page.context.clear_cookies()
    log_in(page, live_server, "utenforstaende", PASSWORD)
    response = page.goto(f"{live_server.url}/tiltak/")
    assert response.status == 403
    assert_no_violations(page)


def test_pages_with_form_errors_have_no_axe_violations(page, live_server, coordinator, meetings_next_year):
    log_in(page, live_server, "feil", "feil-passord")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_violations(page)

    log_in(page, live_server, "koordinator", PASSWORD)
    page.goto(f"{live_server.url}/tiltak/9/")
    page.get_by_role("combobox", name="Ny status").select_option(label="Forsinket")
    page.get_by_role("button", name="Lagre statusoppdatering").click()
    expect(page.get_by_text("Skriv et notat")).to_be_visible()
    assert_no_violations(page)

    page.goto(f"{live_server.url}/tiltak/9/endre/")
    page.get_by_role("textbox", name="Tittel*").fill("")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_violations(page)

    page.goto(f"{live_server.url}/moter/{meetings_next_year.pk}/referat/")
    page.get_by_label("Frist").fill("2027-03-01")  # a due date without a text is refused
    page.get_by_role("button", name="Lagre referat").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_violations(page)

    page.goto(f"{live_server.url}/konto/passord/")
    page.get_by_role("button", name="Endre passord").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_violations(page)


def test_the_page_for_a_user_with_no_role_has_no_axe_violations(page, live_server, gjesdal, outsider):
    # With no published plan to send them to, a user with no role is told to ask the coordinator.
    gjesdal.published = False
    gjesdal.save(update_fields=["published"])
    log_in(page, live_server, "utenforstaende", PASSWORD)
    response = page.goto(f"{live_server.url}/")
    assert response.status == 200
    assert response.url == f"{live_server.url}/"
    expect(page.get_by_role("link", name="Mine oppgaver").last).to_be_visible()
    assert_no_violations(page)


def test_the_indicator_and_year_wheel_pages_have_no_axe_violations(page, live_server, gjesdal, coordinator):
    from measures.models import Indicator, IndicatorValue

    indicator = Indicator.objects.create(plan=gjesdal, name="Eksempel: antall", unit="antall")
    IndicatorValue.objects.create(indicator=indicator, year=2025, value=3)
    log_in(page, live_server, "koordinator", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_pages_have_no_violations(
        page,
        live_server,
        [
            "/tiltak/indikatorer/",
            "/tiltak/indikatorer/ny/",
            "/tiltak/indikatorer/last-opp/",
            f"/tiltak/indikatorer/{indicator.pk}/verdi/",
            f"/tiltak/indikatorer/{indicator.pk}/endre/",
            "/moter/arshjul/?year=2026&tiltak=1",
            "/moter/arshjul/?year=2026&malgruppe=x",
        ],
    )


@pytest.mark.parametrize("width", [375])
def test_phone_width_pages_have_no_axe_violations(page, live_server, coordinator, meetings_next_year, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "koordinator", PASSWORD)
    assert_pages_have_no_violations(
        page, live_server, ["/", "/tiltak/", "/tiltak/9/", "/moter/", f"/moter/{meetings_next_year.pk}/", "/plan/"]
    )
    page.goto(f"{live_server.url}/tiltak/")
    page.get_by_role("button", name="Vis meny").click()
    expect(page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Møter")).to_be_visible()
    assert_no_violations(page)
