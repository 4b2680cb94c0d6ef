"""A form sent twice, or two at once, gives a clear answer or changes nothing twice: never a 500."""

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from meetings.services import agenda_item_add, agenda_item_move


def orders(meeting):
    return list(meeting.agenda_items.order_by("order").values_list("title", flat=True))


def test_a_move_read_before_another_move_was_saved_moves_the_item_from_where_it_is_now(working_meeting):
    working_meeting.agenda_items.all().delete()
    for title in ("A", "B", "C"):
        agenda_item_add(meeting=working_meeting, title=title)
    stale_b = working_meeting.agenda_items.get(title="B")  # the second request read B at place 2
    agenda_item_move(item=working_meeting.agenda_items.get(title="B"), up=True)  # the first moved it up
    assert orders(working_meeting) == ["B", "A", "C"]

    agenda_item_move(item=stale_b, up=False)

    assert orders(working_meeting) == ["A", "B", "C"]


def test_moving_an_agenda_item_twice_by_double_click_is_no_error(working_client, working_meeting):
    item = working_meeting.agenda_items.order_by("order").last()
    url = reverse("meetings:agenda_item_move", args=[working_meeting.pk, item.pk])
    assert working_client.post(url, {"direction": "up"}).status_code == 302
    assert working_client.post(url, {"direction": "up"}).status_code == 302
    orders = list(working_meeting.agenda_items.values_list("order", flat=True))
    assert len(orders) == len(set(orders))


def test_creating_a_years_meetings_twice_creates_them_once(coordinator_client, gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    year = timezone.localdate().year + 1
    url = reverse("meetings:series_create_year", args=[series.pk])
    assert coordinator_client.post(url, {"year": year}).status_code == 302
    created = Meeting.objects.filter(series=series).count()
    assert created > 0
    second = coordinator_client.post(url, {"year": year}, follow=True)
    assert second.status_code == 200
    assert "0 møter" in second.content.decode() or "0 meetings" in second.content.decode()
    assert Meeting.objects.filter(series=series).count() == created
