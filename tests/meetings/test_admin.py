"""The admin keeps the portal's rules: approved minutes are locked, approvals and status updates not forged."""

from django.urls import reverse
from django.utils import timezone

from measures.models import Status, StatusUpdate
from measures.services import status_update_create
from meetings.models import MinutesStatus
from meetings.services import minutes_approve


def test_approved_minutes_are_read_only_in_the_admin(admin_client, admin_user, working_meeting):
    minutes_approve(meeting=working_meeting, user=admin_user)
    url = reverse("admin:meetings_meeting_change", args=[working_meeting.pk])
    assert admin_client.get(url).status_code == 200  # the view-only page
    response = admin_client.post(url, {"minutes": "Endret etter godkjenning", "location": "Et annet sted"})
    assert response.status_code == 403
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "" and working_meeting.minutes_status == MinutesStatus.APPROVED


def test_the_admin_cannot_forge_an_approval(admin_client, working_meeting):
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[working_meeting.pk])).content.decode()
    assert 'name="approved_by"' not in page and 'name="approved_at_0"' not in page
    assert 'name="minutes_status"' not in page


def test_status_updates_cannot_be_added_or_changed_in_the_admin(admin_client, admin_user, gjesdal):
    measure = gjesdal.measures.get(number=9)
    update = status_update_create(
        measure=measure, user=admin_user, status=Status.IN_PROGRESS, note="Start", date=timezone.localdate()
    )
    add = admin_client.post(
        reverse("admin:measures_statusupdate_add"),
        {"measure": measure.pk, "status": Status.COMPLETED, "date": "2026-03-02", "note": "Ferdig", "author": ""},
    )
    assert add.status_code == 403
    change_url = reverse("admin:measures_statusupdate_change", args=[update.pk])
    assert admin_client.post(change_url, {"date": "2020-01-01", "note": "Forfalsket"}).status_code == 403
    assert list(StatusUpdate.objects.values_list("note", flat=True)) == ["Start"]
