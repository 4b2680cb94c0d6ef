"""Minutes approved while someone types them: the text comes back to them, nothing is saved."""

from django.urls import reverse

from meetings.services import minutes_approve


def test_minutes_typed_while_they_were_approved_are_shown_again(working_client, coordinator, working_meeting):
    url = reverse("meetings:minutes_edit", args=[working_meeting.pk])
    version = working_client.get(url).context["form"]["version"].value()
    minutes_approve(meeting=working_meeting, user=coordinator)
    typed = "Lang tekst skrevet mens referatet ble godkjent."
    response = working_client.post(url, {"minutes": typed, "version": version})
    assert response.status_code == 409
    page = response.content.decode()
    assert typed in page
    assert "godkjent og låst" in page
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""
