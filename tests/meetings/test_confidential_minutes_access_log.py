"""Who opened confidential minutes (page and PDF) is logged, and only the coordinator reads the log."""

import pytest
from django.urls import reverse

from meetings.models import MinutesAccess
from tests.conftest import logged_in

LOG = reverse("meetings:minutes_access_log")


def test_opening_confidential_minutes_as_page_and_pdf_is_logged_with_who_and_when(
    operative_client, operative_member, operative_meeting
):
    operative_client.get(reverse("meetings:meeting_detail", args=[operative_meeting.pk]))
    operative_client.get(reverse("meetings:minutes_pdf", args=[operative_meeting.pk]))
    entries = list(MinutesAccess.objects.order_by("at"))
    assert [(entry.user, entry.username, entry.kind) for entry in entries] == [
        (operative_member, "operativmedlem", "page"),
        (operative_member, "operativmedlem", "pdf"),
    ]
    assert all(entry.meeting == operative_meeting and entry.at for entry in entries)


def test_ordinary_minutes_and_refused_readers_are_not_logged(working_client, working_meeting, operative_meeting):
    working_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk]))
    # The working group sees only "Konfidensielt" for the operative meeting: nothing was opened.
    working_client.get(reverse("meetings:meeting_detail", args=[operative_meeting.pk]))
    assert not MinutesAccess.objects.exists()


def test_the_coordinator_reads_the_log(coordinator_client, operative_client, operative_meeting):
    operative_client.get(reverse("meetings:meeting_detail", args=[operative_meeting.pk]))
    response = coordinator_client.get(LOG)
    assert response.status_code == 200
    page = response.content.decode()
    assert "operativmedlem" in page and operative_meeting.starts_at.strftime("%d.%m.%Y") in page
    assert response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("persona", ["steering_member", "working_member", "operative_member", "outsider"])
def test_no_one_but_the_coordinator_reads_the_log(request, persona, gjesdal):
    assert logged_in(request.getfixturevalue(persona)).get(LOG).status_code == 403


def test_the_log_refuses_post(coordinator_client):
    assert coordinator_client.post(LOG).status_code == 405
