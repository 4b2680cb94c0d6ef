import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.services import meetings_create_for_year
from tests.conftest import PASSWORD

from .conftest import log_in


def test_a_working_group_member_writes_minutes_with_an_action_item_for_measure_6(
    page, live_server, working_member, working_group_meetings, gjesdal, screenshot
):
    measure = gjesdal.measures.get(number=6)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    page.get_by_role("link", name="Møter", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møter")
    screenshot("meetings-list-1280")

    page.get_by_role("link", name=re.compile("^SLT-arbeidsgruppe, ")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-arbeidsgruppe")
    expect(page.get_by_role("heading", name="Saksliste")).to_be_visible()
    screenshot("meeting-page-1280")

    page.get_by_role("link", name="Oppmøte og referat").click()
    expect(page.get_by_role("note").filter(has_text="Ikke skriv personopplysninger om enkeltungdommer")).to_be_visible()
    round_ = page.get_by_role("region", name=re.compile("Runde: utfordringer"))
    round_.get_by_label("Referat", exact=True).fill("## Runde\n\nSkolene melder om **rolig** høst.")
    round_.get_by_role("button", name=re.compile("^Legg til oppfølgingspunkt")).click()
    row = round_.locator("fieldset.action-row").last
    row.get_by_label("Oppfølgingspunkt", exact=True).fill("Invitere næringslivet til dialogmøte")
    row.get_by_label("Tiltak").fill(str(measure))
    row.get_by_label("Frist").fill("2027-03-01")
    screenshot("minutes-form-1280")
    page.get_by_role("button", name="Lagre referat").click()

    expect(page.get_by_role("status")).to_contain_text("Referatet ble lagret.")
    expect(page.locator("#agenda .minutes strong")).to_have_text("rolig")
    actions = page.get_by_role("region", name="Vedtak og oppfølgingspunkter")
    expect(actions).to_contain_text("Invitere næringslivet til dialogmøte")
    expect(actions).to_contain_text("01.03.2027")

    actions.get_by_role("link", name=str(measure)).click()
    expect(page).to_have_url(re.compile(rf"/moter/tiltak/{measure.pk}/oppfolging/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(measure.title)
    expect(page.get_by_role("table")).to_contain_text("Invitere næringslivet til dialogmøte")
    expect(page.get_by_role("table")).to_contain_text("SLT-arbeidsgruppe")

    # And on measure 6's own page, reached through the menu.
    page.get_by_role("navigation").get_by_role("link", name="Tiltak", exact=True).click()
    page.get_by_role("link", name=measure.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(measure))
    on_measure = page.get_by_role("region", name="Vedtak og oppfølgingspunkter fra møter")
    expect(on_measure).to_contain_text("Invitere næringslivet til dialogmøte")
    expect(on_measure).to_contain_text("01.03.2027")


def test_the_meeting_pages_forms_load_when_opened_and_add_an_item_and_a_decision(
    page, live_server, working_member, working_group_meetings, gjesdal
):
    meeting = working_group_meetings.meetings.order_by("starts_at").first()
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    page.goto(f"{live_server.url}/moter/{meeting.pk}/")
    expect(page.get_by_label("Tittel")).to_have_count(0)  # not drawn until opened
    page.get_by_text("Legg til en sak i sakslisten").click()
    page.get_by_label("Tittel").fill("Ungdata 2026")
    page.get_by_label("Tiltak").first.fill("6")
    page.get_by_role("button", name="Legg til sak").click()
    expect(page.get_by_role("button", name="Fjern Ungdata 2026")).to_be_visible()

    page.get_by_text("Legg til vedtak eller oppfølgingspunkt").click()
    page.get_by_label("Type").select_option(label="Vedtak")
    page.get_by_label("Tekst").fill("Ungdata gjennomføres i februar")
    page.get_by_role("button", name="Legg til", exact=True).click()
    expect(page.get_by_role("cell", name=re.compile("^Ungdata gjennomføres i februar"))).to_be_visible()
    assert meeting.agenda_items.get(title="Ungdata 2026").measure == gjesdal.measures.get(number=6)


@pytest.fixture
def all_meetings(gjesdal, working_group_meetings):
    year = timezone.localdate().year
    for series in gjesdal.meeting_series.exclude(pk=working_group_meetings.pk):
        meetings_create_for_year(series=series, year=year + 1)
    return working_group_meetings


def test_meeting_pages_at_phone_and_desktop_width(page, live_server, working_member, all_meetings, screenshot):
    meeting = all_meetings.meetings.order_by("starts_at").last()
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{live_server.url}/moter/")
        screenshot(f"meetings-list-{width}")
        page.goto(f"{live_server.url}/moter/{meeting.pk}/")
        expect(page.get_by_role("heading", name="Oppmøte")).to_be_visible()
        screenshot(f"meeting-page-{width}")
        page.goto(f"{live_server.url}/moter/{meeting.pk}/referat/")
        screenshot(f"minutes-form-{width}")
        page.goto(f"{live_server.url}/moter/arshjul/?year={timezone.localtime(meeting.starts_at).year}")
        expect(page.get_by_role("img", name=re.compile("^Årshjul"))).to_be_visible()
        screenshot(f"year-view-{width}")
        # no horizontal scrolling at any width
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.goto(f"{live_server.url}/moter/kalender/")
    page.get_by_role("region", name="Mine møter").get_by_role("button", name="Lag adresse").click()
    expect(page.get_by_label("Abonnementsadresse").first).to_have_value(re.compile(r"/moter/kalender/[\w-]+\.ics$"))
    screenshot("calendar-settings-375")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/moter/arshjul/?year={timezone.localtime(meeting.starts_at).year}")
    page.emulate_media(media="print")
    screenshot("year-view-print")
    expect(page.get_by_role("navigation", name="Hovedmeny")).to_be_hidden()
