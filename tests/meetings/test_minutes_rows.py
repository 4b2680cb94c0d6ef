"""Adding rows and saker on the minutes page: through htmx without a page load, and with plain forms without JS."""

from django.urls import reverse

from meetings.models import ActionItem, AgendaItem

from .conftest import minutes_data


def test_htmx_answers_a_new_action_item_row_and_the_next_button(working_client, working_meeting):
    sak = working_meeting.agenda_items.order_by("order")[2]
    response = working_client.get(
        reverse("meetings:minutes_new_row", args=[working_meeting.pk]), {"blokk": f"sak-{sak.pk}", "n": "2"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="sak-{sak.pk}-ny-2-text"' in html and "data-autofocus" in html
    assert f"blokk=sak-{sak.pk}&amp;n=3" in html and "<html" not in html


def test_htmx_answers_a_new_sak_with_its_first_row(working_client, working_meeting):
    response = working_client.get(reverse("meetings:minutes_new_sak", args=[working_meeting.pk]), {"n": "1"})
    html = response.content.decode()
    assert 'name="ny-1-title"' in html and 'name="ny-1-ny-0-text"' in html and "?n=2" in html


def test_without_javascript_the_add_button_saves_and_comes_back_with_a_blank_row(working_client, working_meeting):
    sak = working_meeting.agenda_items.order_by("order")[2]
    data = minutes_data(working_client, working_meeting, **{f"sak-{sak.pk}-decision": "Vedtatt", "more": str(sak.pk)})
    response = working_client.post(reverse("meetings:minutes_edit", args=[working_meeting.pk]), data)
    assert response.status_code == 302 and response["Location"].endswith(f"?rader={sak.pk}#sak-{sak.pk}")
    sak.refresh_from_db()
    assert sak.decision == "Vedtatt"
    page = working_client.get(response["Location"]).content.decode()
    assert f'name="sak-{sak.pk}-ny-0-text"' in page


def test_a_new_sak_goes_before_eventuelt_with_the_next_case_number_and_its_action_item(working_client, working_meeting):
    before = list(working_meeting.agenda_items.order_by("order"))
    data = minutes_data(
        working_client,
        working_meeting,
        **{"ny-0-title": "Ungdata 2026", "ny-0-decision": "Legges fram", "ny-0-ny-0-text": "Bestille rapport"},
    )
    assert working_client.post(reverse("meetings:minutes_edit", args=[working_meeting.pk]), data).status_code == 302
    *_, new, last = working_meeting.agenda_items.order_by("order")
    assert (new.title, new.decision, last.title) == ("Ungdata 2026", "Legges fram", "Eventuelt")
    numbers = AgendaItem.objects.filter(meeting__series=working_meeting.series, case_year=new.case_year)
    assert new.case_number == max(numbers.values_list("case_number", flat=True)) > max(i.case_number for i in before)
    assert ActionItem.objects.get().agenda_item == new


def test_moving_a_sak_through_htmx_answers_the_agenda_alone_and_eventuelt_stays_last(working_client, working_meeting):
    items = list(working_meeting.agenda_items.order_by("order"))
    last_movable = items[-2]
    response = working_client.post(
        reverse("meetings:agenda_item_move", args=[working_meeting.pk, last_movable.pk]),
        {"direction": "down"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert list(working_meeting.agenda_items.order_by("order")) == items  # "Eventuelt" stays last
    working_client.post(
        reverse("meetings:agenda_item_move", args=[working_meeting.pk, items[-1].pk]), {"direction": "up"}
    )
    assert list(working_meeting.agenda_items.order_by("order")) == items
