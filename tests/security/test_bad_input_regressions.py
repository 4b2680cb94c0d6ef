"""The exact inputs the fuzz tests found breaking a view, and NUL characters in every text input."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from measures.forms import MeasureForm
from measures.versioning import version_of

from .conftest import form_data

NUL_ERROR = "Null-tegn er ikke tillatt."


@pytest.fixture
def coordinator_client(world):
    client = Client()
    client.force_login(world.users["coordinator"])
    return client


def test_a_measure_id_that_is_not_a_number_is_not_found_on_the_agenda(world, coordinator_client):
    url = reverse("meetings:agenda_measure_add", args=[world.working_meeting.pk])
    assert coordinator_client.post(url, {"measure": ":"}).status_code == 404
    assert coordinator_client.post(url, {"measure": "9223372036854775808"}).status_code == 404


def test_marking_done_goes_back_to_a_page_of_this_site_only(world, coordinator_client):
    item = world.working_meeting.action_items.first()
    url = reverse("meetings:action_item_toggle", args=[item.pk])
    detail = reverse("meetings:meeting_detail", args=[world.working_meeting.pk])
    assert coordinator_client.post(url, {"next": "0"})["Location"] == detail  # was a server error (a URL name)
    assert coordinator_client.post(url, {"next": "https://example.com/"})["Location"] == detail
    assert coordinator_client.post(url, {"next": "//example.com/"})["Location"] == detail
    assert coordinator_client.post(url, {"next": "javascript:alert(1)"})["Location"] == detail
    assert coordinator_client.post(url, {"next": "/moter/?year=2026"})["Location"] == "/moter/?year=2026"


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "-1", "١٢"])
def test_the_meeting_list_ignores_a_series_filter_that_is_no_id(world, coordinator_client, value):
    assert coordinator_client.get(reverse("meetings:meeting_list"), {"serie": value}).status_code == 200


@pytest.mark.parametrize("value", ["²", "99999999999999999999999"])
def test_attendance_refuses_a_deputy_that_is_no_id_with_a_form_error(world, coordinator_client, value):
    url = reverse("meetings:minutes_edit", args=[world.working_meeting.pk])
    seat = world.working_meeting.attendance.first().position_id
    response = coordinator_client.post(url, {f"sete-{seat}-status": "til_stede", f"sete-{seat}-deputy": value})
    assert response.status_code == 200 and response.context["page"].seat_forms


@pytest.mark.parametrize("query", ["n=²", "n=999999999999", "blokk=sak-x&n=1", "blokk=ny-99999999999&n=1"])
def test_a_new_row_that_is_no_id_is_not_found(world, coordinator_client, query):
    url = reverse("meetings:minutes_new_row", args=[world.working_meeting.pk])
    assert coordinator_client.get(f"{url}?{query}").status_code == 404


@pytest.mark.parametrize("name", ["meetings:calendar_token_new", "meetings:calendar_token_revoke"])
@pytest.mark.parametrize("value", ["²", "99999999999999999999999"])
def test_a_calendar_series_that_is_no_id_is_not_found(world, coordinator_client, name, value):
    assert coordinator_client.post(reverse(name), {"series": value}).status_code == 404


@pytest.mark.parametrize("query", ["²", "99999999999999999999", "1\x00"])
def test_the_measure_search_takes_any_text(world, coordinator_client, query):
    for name in ("measures:measure_list", "measures:measure_export_csv", "measures:measure_export_xlsx"):
        assert coordinator_client.get(reverse(name), {"q": query}).status_code == 200


def test_the_measure_search_still_finds_a_measure_by_number(world, coordinator_client):
    page = coordinator_client.get(reverse("measures:measure_list"), {"q": "1"}).content.decode()
    assert str(world.measure.title) in page


def test_an_id_beyond_the_database_integer_is_an_invalid_choice_on_the_measure_form(world, coordinator_client):
    data = {**form_data(MeasureForm(instance=world.measure)), "focus_areas": ["9223372036854775808"]}
    response = coordinator_client.post(reverse("measures:measure_edit", args=[world.measure.number]), data)
    assert response.status_code == 200
    assert "focus_areas" in response.context["form"].errors


@pytest.mark.parametrize("token", ["%00", "a%00b", "%F0%9F%98%80", "x" * 300])
def test_a_garbage_calendar_token_is_not_found(world, token):
    assert Client().get(f"/moter/kalender/{token}.ics").status_code == 404


@pytest.mark.parametrize("period", ["%00", "2026-2027%00", "99999-100000", "2027-2026"])
def test_a_garbage_plan_period_is_not_found(world, period):
    assert Client().get(f"/plan/{period}/").status_code == 404


# NUL characters: PostgreSQL refuses them in text, so every text input turns them away with a form error.


def _text_inputs(world):
    meeting = world.working_meeting
    item = meeting.action_items.first()
    today = timezone.localdate().isoformat()
    return [
        (reverse("measures:status_update", args=[1]), {"status": "pagar", "date": today, "note": "a\x00b"}, "note"),
        (
            reverse("measures:measure_edit", args=[1]),
            {**form_data(MeasureForm(instance=world.measure)), "title": "a\x00b"},
            "title",
        ),
        (reverse("plans:plan_item_add", args=["mal"]), {"order": "99", "text": "a\x00b"}, "text"),
        (
            reverse("meetings:minutes_edit", args=[meeting.pk]),
            {"minutes": "a\x00b", "version": version_of(meeting)},
            "minutes",
        ),
        (reverse("meetings:agenda_item_add", args=[meeting.pk]), {"agenda-title": "a\x00b"}, "title"),
        (
            reverse("meetings:action_item_add", args=[meeting.pk]),
            {"action-kind": "vedtak", "action-text": "a\x00b"},
            "text",
        ),
        (reverse("meetings:action_item_edit", args=[item.pk]), {"kind": "vedtak", "text": "a\x00b"}, "text"),
        (reverse("login"), {"username": "koordinator\x00", "password": "x"}, "username"),
    ]


def test_nul_characters_in_text_get_a_norwegian_form_error(world, coordinator_client):
    for url, data, _field in _text_inputs(world):
        response = coordinator_client.post(url, data)
        assert response.status_code in (200, 400), url
        assert NUL_ERROR in response.content.decode(), url


def test_control_characters_saved_in_a_measure_do_not_break_the_spreadsheet_export(world, coordinator_client):
    data = {**form_data(MeasureForm(instance=world.measure)), "title": "Tiltak\x0bmed\x1bkontrolltegn"}
    coordinator_client.post(reverse("measures:measure_edit", args=[world.measure.number]), data)
    assert coordinator_client.get(reverse("measures:measure_export_xlsx")).status_code == 200
    assert coordinator_client.get(reverse("measures:measure_export_csv")).status_code == 200
