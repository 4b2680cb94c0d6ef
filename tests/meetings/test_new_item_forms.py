"""The meeting page's forms for a new agenda item and a new decision or action item: loaded when opened
(htmx), a page of their own without JavaScript, and shown open with their errors after a refused POST."""

from django.urls import reverse

from meetings.models import Meeting, MinutesStatus

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_the_meeting_page_links_the_new_item_forms_instead_of_drawing_them(working_client, working_meeting):
    page = working_client.get(url("meeting_detail", working_meeting.pk)).content.decode()
    for name in ("agenda_item_new", "action_item_new"):
        address = url(name, working_meeting.pk)
        assert f'hx-get="{address}" hx-trigger="toggle once"' in page
        assert f'<a href="{address}">' in page  # without JavaScript
    assert 'name="agenda-title"' not in page and 'name="action-text"' not in page


def test_opened_on_the_meeting_page_the_form_comes_alone(working_client, working_meeting):
    response = working_client.get(url("agenda_item_new", working_meeting.pk), **HTMX)
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    fragment = response.content.decode()
    assert fragment.lstrip().startswith("<form") and "<html" not in fragment
    assert f'action="{url("agenda_item_add", working_meeting.pk)}"' in fragment
    assert 'name="agenda-title"' in fragment and 'name="agenda-measure"' in fragment

    fragment = working_client.get(url("action_item_new", working_meeting.pk), **HTMX).content.decode()
    assert f'action="{url("action_item_add", working_meeting.pk)}"' in fragment
    assert 'name="action-kind"' in fragment and 'name="action-responsible_person"' in fragment


def test_without_javascript_the_form_is_a_page_of_its_own_that_adds_the_item(working_client, working_meeting):
    response = working_client.get(url("action_item_new", working_meeting.pk))
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page
    assert "<h1" in page and "Legg til vedtak eller oppfølgingspunkt" in page
    assert f'action="{url("action_item_add", working_meeting.pk)}"' in page and 'name="action-text"' in page
    response = working_client.post(
        url("action_item_add", working_meeting.pk), {"action-kind": "vedtak", "action-text": "Nytt vedtak"}
    )
    assert response.status_code == 302 and working_meeting.action_items.filter(text="Nytt vedtak").exists()


def test_a_refused_item_shows_the_meeting_page_with_the_form_open_and_its_errors(working_client, working_meeting):
    response = working_client.post(url("agenda_item_add", working_meeting.pk), {"agenda-title": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<details class="mb-3" open>' in page and 'name="agenda-title"' in page and "is-invalid" in page


def test_only_those_who_may_change_the_meeting_get_the_forms(steering_client, outsider_client, working_meeting):
    for client in (steering_client, outsider_client):
        for name in ("agenda_item_new", "action_item_new"):
            assert client.get(url(name, working_meeting.pk), **HTMX).status_code == 403


def test_approved_minutes_give_no_form(working_client, working_meeting):
    Meeting.objects.filter(pk=working_meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    for name in ("agenda_item_new", "action_item_new"):
        response = working_client.get(url(name, working_meeting.pk), follow=True)
        assert response.redirect_chain[-1][0] == url("meeting_detail", working_meeting.pk)
        assert "Referatet er godkjent og låst." in response.content.decode()


def test_the_forms_refuse_post(working_client, working_meeting):
    for name in ("agenda_item_new", "action_item_new"):
        assert working_client.post(url(name, working_meeting.pk)).status_code == 405
