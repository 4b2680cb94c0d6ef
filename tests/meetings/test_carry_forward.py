"""Open items carried forward: unfinished saker to the next meeting's agenda, open action items shown there,
the previous minutes linked from "Godkjenning av referat fra forrige møte", previous/next navigation."""

from django.urls import reverse

from meetings.models import ActionItem
from meetings.services import agenda_item_add, minutes_submit


def test_unfinished_saker_go_onto_the_next_meetings_agenda_once(working_member, meetings):
    series = meetings.meeting_series.get(key="arbeidsgruppe")
    first, second = series.meetings.order_by("starts_at")[:2]
    done = agenda_item_add(meeting=first, title="Ungdata 2026")
    done.decision = "Tatt til orientering"
    done.save()
    agenda_item_add(meeting=first, title="Foreldremøter i høst")
    minutes_submit(meeting=first, user=working_member)
    minutes_submit(meeting=first, user=working_member)  # again: carried once only
    titles = list(second.agenda_items.order_by("order").values_list("title", flat=True))
    assert titles.count("Foreldremøter i høst") == 1 and "Ungdata 2026" not in titles
    assert titles[-1] == "Eventuelt"
    carried = second.agenda_items.get(title="Foreldremøter i høst")
    assert carried.continues.meeting == first and carried.case_label != carried.continues.case_label


def test_the_next_meeting_shows_open_action_items_links_the_previous_minutes_and_navigates(working_client, meetings):
    series = meetings.meeting_series.get(key="arbeidsgruppe")
    first, second = series.meetings.order_by("starts_at")[:2]
    ActionItem.objects.create(meeting=first, text="Bestille Ungdata-rapporten")
    ActionItem.objects.create(meeting=first, text="Allerede gjort", done=True)
    page = working_client.get(reverse("meetings:meeting_detail", args=[second.pk])).content.decode()
    assert "Åpne oppfølgingspunkter fra tidligere møter" in page
    assert "Bestille Ungdata-rapporten" in page and "Allerede gjort" not in page
    previous = reverse("meetings:meeting_detail", args=[first.pk])
    assert f'href="{previous}" rel="prev"' in page  # previous meeting
    assert f'<small><a href="{previous}">Referat fra forrige møte' in page  # on "Godkjenning av referat"
    first_page = working_client.get(previous).content.decode()
    assert f'href="{reverse("meetings:meeting_detail", args=[second.pk])}" rel="next"' in first_page
