"""Minutes Markdown is rendered once, when saved, within a time limit; pages show the stored HTML."""

import time

from django.urls import reverse

from meetings.models import Meeting
from meetings.rendering import MINUTES_MAX_LENGTH, RENDER_SECONDS


def save_minutes(client, meeting, text):
    url = reverse("meetings:minutes_edit", args=[meeting.pk])
    version = client.get(url).context["form"]["version"].value()
    return client.post(url, {"minutes": text, "version": version})


def test_minutes_are_rendered_and_sanitised_when_saved(working_client, working_meeting):
    response = save_minutes(working_client, working_meeting, "**Viktig**\n\n<script>alert(1)</script>\n\n- ett")
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    assert "<strong>Viktig</strong>" in working_meeting.minutes_html
    assert "<script" not in working_meeting.minutes_html


def test_the_meeting_page_shows_the_stored_html_without_rendering_again(working_client, working_meeting):
    save_minutes(working_client, working_meeting, "Kort referat.")
    Meeting.objects.filter(pk=working_meeting.pk).update(minutes_html="<p>lagret-html</p>")
    page = working_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk])).content.decode()
    assert "lagret-html" in page


def test_minutes_longer_than_the_limit_are_refused(working_client, working_meeting):
    response = save_minutes(working_client, working_meeting, "a" * (MINUTES_MAX_LENGTH + 1))
    assert response.status_code == 200
    assert "50000 eller færre tegn" in response.context["form"].errors["minutes"][0]
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""


def test_markdown_that_takes_too_long_to_render_is_refused_in_time(working_client, working_meeting):
    started = time.monotonic()
    response = save_minutes(working_client, working_meeting, "[" * 8000)
    assert time.monotonic() - started < RENDER_SECONDS + 15  # the page itself, on a busy machine
    assert response.status_code == 200
    assert "for komplisert" in response.context["form"].errors["minutes"][0]
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "" and working_meeting.minutes_html == ""
