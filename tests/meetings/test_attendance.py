"""Attendance on the minutes page: per seat on the meeting's date, forfall, vara; vacant seats stay vacant."""

from django.urls import reverse

from participants.models import Person, SeatTerm

from .conftest import minutes_data


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_a_member_records_forfall_and_a_deputy_on_the_minutes_page(working_client, working_meeting, working_member):
    seats = {row.position.title: row for row in working_meeting.attendance.select_related("position")}
    mine = working_meeting.attendance.get(person__user=working_member)
    deputy = Person.objects.create(name="Vara Varasen")
    SeatTerm.objects.create(position=seats["barnevern"].position, person=Person.objects.create(name="Bente Barnevern"))
    data = minutes_data(
        working_client,
        working_meeting,
        **{
            f"sete-{seats['barnevern'].position_id}-status": "forfall",
            f"sete-{seats['barnevern'].position_id}-deputy": str(deputy.pk),
        },
    )
    assert working_client.post(url("minutes_edit", working_meeting.pk), data).status_code == 302
    rows = {row.position.title: row for row in working_meeting.attendance.select_related("position", "person")}
    assert (rows["barnevern"].status, rows["barnevern"].deputy, rows["barnevern"].person.name) == (
        "forfall",
        deputy,
        "Bente Barnevern",
    )
    mine.refresh_from_db()
    assert mine.status == "til_stede"  # shown as present, saved as present
    # Vacant seats are vacant, never forfall.
    assert rows["ungdomshus"].person is None and rows["ungdomshus"].status == ""
    page = working_client.get(url("meeting_detail", working_meeting.pk)).content.decode()
    assert "Vara Varasen" in page and "Ledige seter" in page


def test_a_deputy_cannot_meet_for_a_present_holder(working_client, working_meeting, working_member):
    mine = working_meeting.attendance.get(person__user=working_member)
    deputy = Person.objects.create(name="Vara")
    data = minutes_data(working_client, working_meeting, **{f"sete-{mine.position_id}-deputy": str(deputy.pk)})
    response = working_client.post(url("minutes_edit", working_meeting.pk), data)
    assert response.status_code == 200 and "Vara møter bare" in response.content.decode()


def test_a_guest_count_beyond_the_limit_is_refused_without_building_the_forms(working_client, working_meeting):
    data = minutes_data(working_client, working_meeting, **{"gjest-TOTAL_FORMS": "1999"})
    response = working_client.post(url("minutes_edit", working_meeting.pk), data)
    assert response.status_code == 200  # the page again, with the form error
    assert "Send inn høyst 40 skjemaer." in response.content.decode()
    assert len(response.context["page"].guests.forms) <= 40
    assert not working_meeting.guests.exists()
