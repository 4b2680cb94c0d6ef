"""The working group's journey, as a new user would do it: attendance, three saker with a vedtak each, two
action items on measures, sent for approval in at most 15 clicks, rows added and saker moved without a page
load; the chair approves from the e-mail's link. Every page on the way passes axe."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import MinutesStatus
from participants import roles
from participants.models import Person, Position, SeatTerm
from tests.browser.axe import assert_no_violations
from tests.conftest import PASSWORD, make_user

from .conftest import log_in

MAX_CLICKS = 15


@pytest.fixture
def working_group(gjesdal, working_member, working_group_meetings):
    """The working group with its chair (with an e-mail address), two more members and a named deputy."""
    body = working_group_meetings.bodies.get()
    chair_user = make_user("leder", roles.WORKING_GROUP)
    chair = chair_user.person
    chair.name, chair.email = "Lise Leder", "lise@example.org"
    chair.save()
    seat = body.positions.get(title="familiesenter")
    seat.is_chair = True
    seat.save()
    SeatTerm.objects.create(position=seat, person=chair)
    SeatTerm.objects.create(
        position=body.positions.get(title="barnevern"), person=Person.objects.create(name="Bente Barn")
    )
    SeatTerm.objects.create(
        position=body.positions.get(title="ungdomshus"),
        person=Person.objects.create(name="Ulf Ungdom"),
        deputy=Person.objects.create(name="Vera Vara"),
    )
    return working_group_meetings


class Clicks:
    """Every click and every choice in a list counts as one click; typing does not."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def select(self, locator, **option):
        self.count += 1
        locator.select_option(**option)


def test_a_member_logs_a_meeting_and_the_chair_approves_it_from_the_email(page, live_server, working_group, screenshot):
    series = working_group
    meeting = series.meetings.filter(starts_at__lt=timezone.now()).order_by("starts_at").last()
    measures = list(series.plan.measures.filter(number__in=[1, 6]).order_by("number"))
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    clicks = Clicks()

    clicks.click(page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Møter", exact=True))
    if timezone.localtime(meeting.starts_at).year != timezone.localdate().year:
        clicks.click(page.get_by_role("link", name=re.compile(r"^← \d{4}$")))
    assert_no_violations(page)
    past = page.get_by_role("region", name=re.compile("^Tidligere møter"))
    clicks.click(past.get_by_role("link", name=re.compile("^SLT-arbeidsgruppe, ")).first)
    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-arbeidsgruppe")
    expect(page.locator(".meeting-facts")).to_contain_text(f"{timezone.localtime(meeting.starts_at):%d.%m.%Y}")
    assert_no_violations(page)

    # Move a sak down without a page load: the marker set on the page survives.
    page.evaluate("window.__samePage = true")
    round_title = "Runde: utfordringer og erfaringer fra avdelingene"
    clicks.click(page.get_by_role("button", name=f"Flytt ned: {round_title}"))
    expect(page.locator("#agenda .agenda > li").nth(3)).to_contain_text(round_title)
    assert page.evaluate("window.__samePage === true")

    clicks.click(page.get_by_role("link", name="Oppmøte og referat"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Referat")
    assert_no_violations(page)
    page.evaluate("window.__samePage = true")

    # Attendance: one forfall, and one forfall met by the seat's deputy.
    clicks.select(page.get_by_label("Oppmøte: barnevern"), value="forfall")
    clicks.select(page.get_by_label("Oppmøte: ungdomshus"), value="forfall")
    clicks.select(page.get_by_label("Vara for ungdomshus"), label="Vera Vara")

    # Three saker with a vedtak each: two on the agenda, one new.
    round_ = page.get_by_role("region", name=re.compile("Runde: utfordringer"))
    round_.get_by_label("Referat", exact=True).fill("Skolene melder om **rolig** høst.")
    round_.get_by_label("Vedtak", exact=True).fill("Tas til orientering.")
    status = page.get_by_role("region", name=re.compile("Status for tiltakene"))
    status.get_by_label("Vedtak", exact=True).fill("Arbeidsgruppen følger opp tiltak 1 og 6.")
    new = page.get_by_role("region", name="Ny sak")
    new.get_by_label("Tittel på den nye saken").fill("Ungdata-undersøkelsen 2026")
    new.get_by_label("Vedtak", exact=True).fill("Resultatene legges fram for styringsgruppen.")

    # Two action items on measures, each in a row added without a page load.
    for text, measure, due in (
        ("Lage årshjul for undervisningen", measures[0], "2027-01-15"),
        ("Invitere næringslivet til dialogmøte", measures[1], "2027-03-01"),
    ):
        clicks.click(status.get_by_role("button", name=re.compile("^Legg til oppfølgingspunkt")))
        row = status.locator("fieldset.action-row").last
        expect(row.get_by_label("Oppfølgingspunkt", exact=True)).to_be_focused()
        row.get_by_label("Oppfølgingspunkt", exact=True).fill(text)
        # The measure field suggests as the member types; picking a suggestion is one click.
        row.get_by_label("Tiltak").press_sequentially(str(measure.number))
        expect(row.get_by_role("button", name=str(measure))).to_be_visible()
        screenshot(f"minutes-measure-suggestions-{measure.number}")
        clicks.click(row.get_by_role("button", name=str(measure)))
        expect(row.get_by_label("Tiltak")).to_have_value(str(measure))
        row.get_by_label("Frist").fill(due)
    assert page.evaluate("window.__samePage === true")
    assert_no_violations(page)

    mail.outbox.clear()
    clicks.click(page.get_by_role("button", name="Lagre og send til godkjenning"))
    expect(page.get_by_role("status")).to_contain_text("sendt til godkjenning")
    expect(page.get_by_text("Møtelederen godkjenner referatet: Lise Leder.").first).to_be_visible()
    assert clicks.count <= MAX_CLICKS, clicks.count

    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.SUBMITTED
    saker = {item.title: item for item in meeting.agenda_items.all()}
    assert saker[round_title].decision == "Tas til orientering."
    assert saker["Ungdata-undersøkelsen 2026"].decision and saker["Ungdata-undersøkelsen 2026"].case_label
    actions = list(meeting.action_items.order_by("id"))
    assert [(a.text, a.measure) for a in actions] == [
        ("Lage årshjul for undervisningen", measures[0]),
        ("Invitere næringslivet til dialogmøte", measures[1]),
    ]
    rows = {row.position.title: row for row in meeting.attendance.select_related("position", "deputy")}
    assert rows["barnevern"].status == "forfall" and rows["ungdomshus"].deputy.name == "Vera Vara"
    assert rows["helsestasjon"].status == "til_stede"

    # The chair approves from the e-mail's link.
    (message,) = [m for m in mail.outbox if m.to == ["lise@example.org"]]
    link = re.search(r"http://\S+/referat/godkjenn/", message.body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_label("Brukernavn").fill("leder")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Godkjenn referat")
    expect(page.get_by_role("main")).to_contain_text("Resultatene legges fram for styringsgruppen.")
    assert_no_violations(page)
    page.get_by_role("button", name="Godkjenn og lås referatet").click()
    expect(page.get_by_role("status")).to_contain_text("Referatet ble godkjent")
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.approved_by == User.objects.get(username="leder")
    assert Position.objects.get(title="familiesenter", body__key="arbeidsgruppe").is_chair


def test_the_organisation_and_the_overview_pass_axe(page, live_server, coordinator, working_group):
    log_in(page, live_server, "koordinator", PASSWORD)
    for path in ("/moter/organisering/", "/moter/", f"/moter/serie/{working_group.pk}/endre/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_violations(page)
