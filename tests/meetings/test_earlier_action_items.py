"""The open action items of a series' earlier meetings: the meeting page shows the first few and how many
more, and their own page has them all, a page at a time."""

from django.urls import reverse

from meetings.models import ActionItem
from meetings.views import common as meeting_views_common


def _open_items(meeting, count):
    return [ActionItem.objects.create(meeting=meeting, text=f"Oppgave {number}") for number in range(1, count + 1)]


def test_the_meeting_page_shows_the_first_open_items_of_earlier_meetings_and_links_to_the_rest(
    working_client, working_meeting, monkeypatch
):
    monkeypatch.setattr(meeting_views_common, "EARLIER_SHOWN", 3)
    later = working_meeting.series.meetings.filter(starts_at__gt=working_meeting.starts_at).order_by("starts_at")[0]
    _open_items(working_meeting, 5)
    done = ActionItem.objects.create(meeting=working_meeting, text="Allerede gjort", done=True)
    response = working_client.get(reverse("meetings:meeting_detail", args=[later.pk]))
    assert [item.text for item in response.context["open_from_earlier"]] == ["Oppgave 1", "Oppgave 2", "Oppgave 3"]
    assert response.context["open_from_earlier_more"] == 2
    page = response.content.decode()
    address = reverse("meetings:earlier_action_items", args=[later.pk])
    assert f'href="{address}"' in page and "2 åpne oppfølgingspunkter til fra tidligere møter" in page
    assert done.text not in page


def test_the_page_of_earlier_items_has_them_all_a_page_at_a_time(working_client, working_meeting, monkeypatch):
    monkeypatch.setattr("meetings.views.agenda.EARLIER_PAGE_SIZE", 4)
    later = working_meeting.series.meetings.filter(starts_at__gt=working_meeting.starts_at).order_by("starts_at")[0]
    _open_items(working_meeting, 6)
    address = reverse("meetings:earlier_action_items", args=[later.pk])
    first = working_client.get(address)
    assert first.status_code == 200 and "no-store" in first["Cache-Control"]
    assert [item.text for item in first.context["page"].object_list] == [f"Oppgave {n}" for n in range(1, 5)]
    assert "6 åpne oppfølgingspunkter fra møter" in first.content.decode()
    second = working_client.get(address, {"page": 2})
    assert [item.text for item in second.context["page"].object_list] == ["Oppgave 5", "Oppgave 6"]
    # The first meeting of the series has no earlier ones.
    assert (
        working_client.get(reverse("meetings:earlier_action_items", args=[working_meeting.pk]))
        .context["page"]
        .paginator.count
        == 0
    )
