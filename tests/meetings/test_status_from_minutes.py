"""Status updates written through the minutes: the measure's own permission check, and confidentiality."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from measures.models import Status, StatusUpdate
from measures.services import status_update_create
from meetings.services import agenda_item_add
from tests.conftest import logged_in

SECRET_NOTE = "Gutten i 8B ble fulgt opp hjemme."


def post_minutes(client, meeting, item, status=Status.IN_PROGRESS, note="I gang."):
    url = reverse("meetings:minutes_edit", args=[meeting.pk])
    version = client.get(url).context["form"]["version"].value()
    return client.post(
        url,
        {"minutes": "Referat.", "version": version, f"item-{item.pk}-status": status, f"item-{item.pk}-note": note},
    )


def test_the_service_refuses_a_member_a_measure_of_another_body(working_member, gjesdal):
    measure = gjesdal.measures.get(number=9)
    with pytest.raises(PermissionDenied):
        status_update_create(
            measure=measure, user=working_member, status=Status.IN_PROGRESS, note="", date=timezone.localdate()
        )
    assert not StatusUpdate.objects.exists()


def test_minutes_do_not_move_a_measure_of_another_body(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=9)
    item = agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
    response = post_minutes(working_client, working_meeting, item)
    assert response.status_code in (302, 403)
    measure.refresh_from_db()
    assert measure.status == Status.PLANNED
    assert not StatusUpdate.objects.exists()


def test_the_minutes_form_offers_no_status_for_a_measure_the_member_may_not_update(working_client, working_meeting):
    theirs = working_meeting.series.plan.measures.get(number=9)
    ours = working_meeting.series.plan.measures.get(number=6)
    agenda_item_add(meeting=working_meeting, title=str(theirs), measure=theirs)
    mine = agenda_item_add(meeting=working_meeting, title=str(ours), measure=ours)
    response = working_client.get(reverse("meetings:minutes_edit", args=[working_meeting.pk]))
    assert [form.item for form in response.context["status_forms"]] == [mine]


def test_a_note_from_confidential_minutes_stays_in_them(coordinator, operative_meeting, steering_member):
    measure = operative_meeting.series.plan.measures.get(number=9)
    item = agenda_item_add(meeting=operative_meeting, title=str(measure), measure=measure)
    response = post_minutes(logged_in(coordinator), operative_meeting, item, note=SECRET_NOTE)
    assert response.status_code == 302
    update = StatusUpdate.objects.get()
    assert update.status == Status.IN_PROGRESS and SECRET_NOTE not in update.note
    page = logged_in(steering_member).get(reverse("measures:measure_detail", args=[9])).content.decode()
    assert SECRET_NOTE not in page
    item.refresh_from_db()
    assert SECRET_NOTE in item.notes
    meeting_page = logged_in(coordinator).get(reverse("meetings:meeting_detail", args=[operative_meeting.pk]))
    assert SECRET_NOTE in meeting_page.content.decode()
