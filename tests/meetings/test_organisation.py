"""The coordinator keeps bodies, seats, seat holders over time, people and series in the portal."""

import datetime

from django.urls import reverse
from django.utils import timezone

from measures.versioning import version_of
from meetings.seats import seat_rows
from participants.models import Person, Position, SeatTerm


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_a_new_seat_holder_from_a_date_shows_on_every_later_meeting_and_not_before(
    coordinator_client, working_member, meetings
):
    series = meetings.meeting_series.get(key="arbeidsgruppe")
    seat = Position.objects.get(terms__person__user=working_member)
    ordered = list(series.meetings.order_by("starts_at"))
    change = timezone.localtime(ordered[2].starts_at).date()
    successor = Person.objects.create(name="Nina Ny", email="nina@example.org")
    response = coordinator_client.post(
        url("seat_term_new", seat.pk), {"person": successor.pk, "starts_on": change.isoformat()}
    )
    assert response.status_code == 302
    old = seat.terms.get(person__user=working_member)
    assert old.ends_on == change - datetime.timedelta(days=1)

    def holder(meeting):
        return next(row.holder for row in seat_rows(meeting) if row.position == seat)

    assert holder(ordered[1]).user == working_member
    assert all(holder(meeting) == successor for meeting in ordered[2:])
    page = coordinator_client.get(url("meeting_detail", ordered[3].pk)).content.decode()
    assert "Nina Ny" in page


def test_overlapping_terms_are_refused_with_a_form_error(coordinator_client, working_member, gjesdal):
    seat = Position.objects.get(terms__person__user=working_member)
    SeatTerm.objects.filter(position=seat).update(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    other = Person.objects.create(name="Overlapp")
    response = coordinator_client.post(
        url("seat_term_new", seat.pk), {"person": other.pk, "starts_on": "2026-06-01", "ends_on": "2026-08-01"}
    )
    assert response.status_code == 200 and "Setet er allerede besatt" in response.content.decode()


def test_two_coordinators_editing_a_person_never_lose_each_others_change(coordinator_client, working_member):
    person = working_member.person
    address = url("person_edit", person.pk)
    opened = version_of(person)
    base = {"name": person.name, "email": "", "phone": "", "organization": ""}
    assert coordinator_client.post(address, base | {"email": "first@example.org", "version": opened}).status_code == 302
    response = coordinator_client.post(address, base | {"email": "second@example.org", "version": opened})
    assert response.status_code == 200
    page = response.content.decode()
    assert "first@example.org" in page and "second@example.org" in page
    person.refresh_from_db()
    assert person.email == "first@example.org"
    assert "Historikk" in coordinator_client.get(address).content.decode()


def test_the_coordinator_sets_the_approval_flag_and_a_series_approval_rule(coordinator_client, working_meeting):
    series = working_meeting.series
    seat = series.bodies.get().positions.first()
    from meetings.org_forms import MeetingSeriesForm, PositionForm
    from tests.security.conftest import form_data

    data = form_data(PositionForm(instance=seat)) | {"approves_minutes": "on"}
    assert coordinator_client.post(url("seat_edit", seat.pk), data).status_code == 302
    seat.refresh_from_db()
    assert seat.approves_minutes
    data = form_data(MeetingSeriesForm(instance=series)) | {"minutes_approval": "godkjennere", "rrule": "tull"}
    response = coordinator_client.post(url("series_edit", series.pk), data)
    assert response.status_code == 200 and "FREQ=MONTHLY" in response.content.decode()
    data["rrule"] = series.rrule
    assert coordinator_client.post(url("series_edit", series.pk), data).status_code == 302
    series.refresh_from_db()
    assert series.minutes_approval == "godkjennere"


def test_only_the_coordinator_maintains_the_organisation(working_client, working_member):
    assert working_client.get(url("organisation")).status_code == 403
    seat = Position.objects.get(terms__person__user=working_member)
    assert working_client.post(url("seat_term_new", seat.pk), {"person": working_member.person.pk}).status_code == 403
