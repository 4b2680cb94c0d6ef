import datetime
import io
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from meetings.models import ActionItem, CalendarToken, MeetingStatus


def test_the_minutes_pdf_has_the_minutes_the_decisions_and_the_date(working_client, working_meeting):
    working_meeting.minutes = "## Runde\n\nSkolene melder om rolig høst og godt oppmøte."
    working_meeting.save()
    ActionItem.objects.create(meeting=working_meeting, kind="vedtak", text="Arbeidsgruppa prioriterer tiltak 6.")
    ActionItem.objects.create(
        meeting=working_meeting, text="Invitere frivilligsentralen", due=datetime.date(2027, 3, 1)
    )
    response = working_client.get(reverse("meetings:minutes_pdf", args=[working_meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    assert "Skolene melder om rolig høst og godt oppmøte." in text
    assert "Arbeidsgruppa prioriterer tiltak 6." in text and "Vedtak" in text
    assert "Invitere frivilligsentralen" in text and "01.03.2027" in text
    assert timezone.localtime(working_meeting.starts_at).strftime("%d.%m.%Y") in text
    assert reader.metadata.title.startswith("Referat: SLT-arbeidsgruppe")
    assert reader.trailer["/Root"]["/Lang"] == "nb"


def test_the_minutes_pdf_refuses_post(working_client, working_meeting):
    assert working_client.post(reverse("meetings:minutes_pdf", args=[working_meeting.pk])).status_code == 405


def test_the_year_view_draws_every_meeting_with_a_legend_and_a_month_list(working_client, meetings):
    year = timezone.localdate().year
    response = working_client.get(reverse("meetings:year_view"), {"year": year})
    assert response.status_code == 200
    page = response.content.decode()
    svg = re.search(r"<svg[^>]*class=\"year-wheel\".*?</svg>", page, re.S).group(0)
    assert 'role="img" aria-labelledby="year-wheel-title"' in svg
    assert f'<title id="year-wheel-title">Årshjul {year}</title>' in svg and 'aria-describedby="year-wheel-desc"' in svg
    count = sum(s.meetings.in_year(year).count() for s in meetings.meeting_series.all())
    assert svg.count("<path ") == count == 3 + 3 + 11 + 1 + 1  # the operative group pauses in July
    assert all(month in svg for month in ("Jan", "Jun", "Des"))
    rings = response.context["rings"]  # a ring per series that meets this year (the weekly one has no meetings)
    assert len({ring.shape for ring in rings}) == len(rings) == 5
    assert "Per måned" in page and "Tegnforklaring" in page
    assert "year-wheel-print.css" in page


def test_the_year_view_marks_a_cancelled_meeting_as_hollow(working_client, working_meeting):
    working_meeting.status = MeetingStatus.CANCELLED
    working_meeting.save()
    year = timezone.localtime(working_meeting.starts_at).year
    page = working_client.get(reverse("meetings:year_view"), {"year": year}).content.decode()
    assert page.count('fill="#fff"') == 1
    assert "(avlyst)" in page


def test_the_year_view_refuses_post_and_outsiders(working_client, outsider, gjesdal):
    assert working_client.post(reverse("meetings:year_view")).status_code == 405
    client = Client()
    client.force_login(outsider)
    assert client.get(reverse("meetings:year_view")).status_code == 403


def make_token(client, series=None):
    """Make an address and read it off the page that shows it (once); returns its secret part."""
    data = {"series": series.pk} if series else {}
    assert client.post(reverse("meetings:calendar_token_new"), data).status_code == 302
    page = client.get(reverse("meetings:calendar_settings")).content.decode()
    return re.search(r"/moter/kalender/([A-Za-z0-9_-]+)\.ics", page).group(1)


def feed(client, token):
    response = client.get(reverse("meetings:calendar_feed", args=[token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_a_member_gets_a_personal_feed_of_the_meetings_they_attend(working_client, working_member, meetings):
    token = make_token(working_client)
    assert CalendarToken.objects.get(user=working_member, series=None)
    calendar = feed(Client(), token)
    events = calendar.walk("VEVENT")
    expected = {m.pk for m in meetings.meeting_series.get(key="arbeidsgruppe").meetings.all()} | {
        m.pk for m in meetings.meeting_series.get(key="fellesmote").meetings.all()
    }
    assert {int(str(e["uid"]).split("-")[1].split("@")[0]) for e in events} == expected
    assert {str(e["summary"]) for e in events} == {
        "SLT-arbeidsgruppe",
        "Fellesmøte for styringsgruppe og arbeidsgruppe",
    }
    first = events[0]
    assert first["dtstart"].dt.tzinfo is not None and first["dtstart"].params["TZID"] == "Europe/Oslo"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert calendar["version"] == "2.0" and calendar["prodid"]


def test_a_confidential_meeting_shows_only_a_neutral_title_in_a_feed(operative_client, operative_member, meetings):
    series = meetings.meeting_series.get(key="operativ")
    token = make_token(operative_client, series)
    assert CalendarToken.objects.get(user=operative_member, series=series)
    events = feed(Client(), token).walk("VEVENT")
    assert len(events) == series.meetings.count()
    assert {str(e["summary"]) for e in events} == {"Møte (konfidensielt)"}
    assert all("location" not in e and "description" not in e for e in events)


def test_a_new_address_replaces_the_old_and_revoking_turns_it_off(working_client, working_member, meetings):
    old = make_token(working_client)
    new = make_token(working_client)
    assert old != new
    assert CalendarToken.objects.filter(user=working_member).count() == 1
    assert Client().get(reverse("meetings:calendar_feed", args=[old])).status_code == 404
    assert Client().get(reverse("meetings:calendar_feed", args=[new])).status_code == 200
    assert working_client.post(reverse("meetings:calendar_token_revoke")).status_code == 302
    assert Client().get(reverse("meetings:calendar_feed", args=[new])).status_code == 404


def test_a_feed_stops_when_the_user_loses_their_role(working_client, working_member, meetings):
    token = make_token(working_client)
    working_member.groups.clear()
    assert Client().get(reverse("meetings:calendar_feed", args=[token])).status_code == 404


def test_calendar_addresses_need_a_role(outsider_client, gjesdal):
    assert outsider_client.post(reverse("meetings:calendar_token_new")).status_code == 403
    assert outsider_client.post(reverse("meetings:calendar_token_revoke")).status_code == 403
    assert not CalendarToken.objects.exists()


def test_an_unknown_series_for_an_address_is_404(working_client, gjesdal):
    assert working_client.post(reverse("meetings:calendar_token_new"), {"series": "999999"}).status_code == 404
    assert working_client.post(reverse("meetings:calendar_token_new"), {"series": "abc"}).status_code == 404


def test_the_minutes_pdf_is_a_tagged_moteprotokoll(working_client, working_meeting, working_member):
    from participants.models import Person, SeatTerm

    body = working_meeting.series.bodies.get()
    SeatTerm.objects.create(
        position=body.positions.get(title="barnevern"),
        person=Person.objects.create(name="Bente Barn"),
        deputy=Person.objects.create(name="Vera Vara"),
    )
    rows = {row.position.title: row for row in working_meeting.attendance.select_related("position")}
    rows["barnevern"].status = "forfall"
    rows["barnevern"].deputy = Person.objects.get(name="Vera Vara")
    rows["barnevern"].save()
    rows["helsestasjon"].status = "til_stede"
    rows["helsestasjon"].save()
    working_meeting.guests.create(name="Gro Gjest", organization="Frivilligsentralen")
    working_meeting.chair = working_member.person
    working_meeting.save()
    sak = working_meeting.agenda_items.order_by("order")[2]
    sak.decision = "Tas til orientering."
    sak.save()
    ActionItem.objects.create(
        meeting=working_meeting,
        agenda_item=sak,
        text="Lage årshjul",
        responsible_person=working_member.person,
        due=datetime.date(2027, 1, 15),
    )
    response = working_client.get(reverse("meetings:minutes_pdf", args=[working_meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    for expected in (
        "Møteprotokoll",
        "Arbeidsgruppe",
        "Forfall",
        "Vera Vara",
        "Gro Gjest (Frivilligsentralen)",
        f"Møteleder {working_member.person.name}",
        f"{sak.case_label} {sak.title}",
        "Tas til orientering.",
        "Lage årshjul",
        "15.01.2027",
        "Ikke godkjent ennå.",
    ):
        assert expected in text, expected
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
