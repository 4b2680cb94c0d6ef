"""Mine oppgaver and the start page per role, walked in a real browser; every new page passes axe."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from measures.models import StatusUpdate
from meetings.models import ActionItem
from tests.browser.axe import assert_no_violations
from tests.conftest import PASSWORD

from .conftest import log_in


def test_a_working_group_member_ticks_off_an_action_item_from_my_tasks(
    page, live_server, working_member, working_group_meetings, gjesdal, screenshot
):
    item = ActionItem.objects.create(
        meeting=working_group_meetings.meetings.order_by("starts_at").first(),
        text="Invitere næringslivet til dialogmøte",
        responsible_person=working_member.person,
        due=timezone.localdate() + datetime.timedelta(days=5),
        measure=gjesdal.measures.get(number=6),
    )
    # Measure 1 was last followed up 100 days ago: it is on the list to update.
    StatusUpdate.objects.create(
        measure=gjesdal.measures.get(number=1), status="pagar", date=timezone.localdate() - datetime.timedelta(100)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=2)).to_be_visible()
    assert_no_violations(page)
    screenshot("start-page-working-group-1280")

    page.get_by_role("link", name="Mine oppgaver", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine oppgaver")
    expect(page.get_by_text("Invitere næringslivet til dialogmøte")).to_be_visible()
    expect(page.get_by_role("link", name="1. Livsmestring ungdomstrinn")).to_be_visible()
    assert_no_violations(page)
    screenshot("my-tasks-1280")

    page.get_by_role("button", name="Ikke utført – merk som utført").click()
    expect(page.get_by_role("status")).to_contain_text("Merket som utført.")
    expect(page.get_by_text("Du har ingen åpne oppfølgingspunkter.")).to_be_visible()
    item.refresh_from_db()
    assert item.done


def test_the_steering_group_member_has_the_plan_pdf_one_click_from_the_start_page(
    page, live_server, steering_member, gjesdal, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "styringsmedlem", PASSWORD)
    expect(page.get_by_role("heading", name="Neste møte i styringsgruppen")).to_be_visible()
    assert_no_violations(page)
    screenshot("start-page-steering-group-1280")
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned handlingsplanen (PDF)").click()
    assert download.value.suggested_filename == "slt-handlingsplan-gjesdal-2026-2027.pdf"


def test_the_coordinators_start_page_and_the_profile_page_pass_axe(
    page, live_server, coordinator, working_group_meetings, gjesdal, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "koordinator", PASSWORD)
    expect(page.get_by_role("heading", name="Tiltak som trenger oppfølging")).to_be_visible()
    expect(page.get_by_text("møter ble opprettet")).to_be_visible()
    assert_no_violations(page)
    screenshot("start-page-coordinator-1280")

    page.get_by_role("link", name="Koordinator").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    assert_no_violations(page)
    page.get_by_label("E-post", exact=True).fill("koordinator@gjesdal.example")
    page.get_by_label("Ukentlig oppsummering på e-post").uncheck()
    page.get_by_role("button", name="Lagre profil").click()
    expect(page.get_by_role("status")).to_contain_text("Profilen din er lagret.")
    screenshot("profile-1280")


def test_a_user_without_a_role_lands_on_the_public_plan(page, live_server, outsider, gjesdal):
    gjesdal.published = True
    gjesdal.save()
    log_in(page, live_server, "utenforstaende", PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/plan/2026-2027/")
    expect(page.get_by_role("heading", level=1)).to_have_text(gjesdal.title)
