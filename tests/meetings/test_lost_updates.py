"""No lost updates on meetings: moving a meeting and changing an action item over a newer save."""

from django.urls import reverse

from meetings.models import ActionItem


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_moving_a_meeting_over_a_newer_change_is_refused_and_shows_both(coordinator_client, working_meeting):
    address = url("meeting_edit", working_meeting.pk)
    opened = coordinator_client.get(address).context["form"]["version"].value()
    base = {"date": "2027-01-20", "start": "10:00", "end": "12:00", "status": "planlagt"}
    assert coordinator_client.post(address, base | {"location": "Rådhuset", "version": opened}).status_code == 302

    stale = coordinator_client.post(address, base | {"location": "Ålgård", "version": opened})

    assert stale.status_code == 200
    page = stale.content.decode()
    assert "Noen andre har lagret dette mens du redigerte" in page
    assert "Rådhuset" in page and "Ålgård" in page
    working_meeting.refresh_from_db()
    assert working_meeting.location == "Rådhuset"


def test_changing_an_action_item_over_a_newer_change_is_refused(working_client, coordinator_client, working_meeting):
    item = ActionItem.objects.create(meeting=working_meeting, text="Gammel tekst")
    address = url("action_item_edit", item.pk)
    opened = working_client.get(address).context["form"]["version"].value()
    theirs = {"kind": "oppfolging", "text": "Koordinatorens tekst", "version": opened}
    assert coordinator_client.post(address, theirs).status_code == 302

    response = working_client.post(address, {"kind": "oppfolging", "text": "Min tekst", "version": opened})

    assert response.status_code == 200
    assert "Koordinatorens tekst" in response.content.decode()
    item.refresh_from_db()
    assert item.text == "Koordinatorens tekst"
