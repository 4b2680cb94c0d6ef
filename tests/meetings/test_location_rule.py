"""L12: a confidential meeting's place, one rule everywhere: shown only to a logged-in reader of its minutes."""

import datetime

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.models import CalendarToken
from meetings.reminders import send_reminders

from ..pdfs import pdf_text

PLACE = "Møterom Fjellet, 3. etasje"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_confidential_meetings_place_is_shown_only_to_those_who_read_its_minutes(
    operative_meeting, operative_member, working_member, coordinator
):
    operative_meeting.location = PLACE
    operative_meeting.save()
    year = timezone.localtime(operative_meeting.starts_at).year
    for user, sees in ((operative_member, True), (coordinator, True), (working_member, False)):
        client = client_for(user)
        page = client.get(reverse("meetings:meeting_detail", args=[operative_meeting.pk])).content.decode()
        listing = client.get(reverse("meetings:meeting_list"), {"year": year}).content.decode()
        pdf = pdf_text(client.get(reverse("meetings:minutes_pdf", args=[operative_meeting.pk])).content)
        assert (PLACE in page, PLACE in listing, "Fjellet" in pdf) == (sees, sees, sees), user


def test_a_confidential_meetings_place_is_in_no_e_mail_and_no_calendar(operative_meeting, operative_member):
    operative_meeting.location = PLACE
    operative_meeting.save()
    operative_member.person.email = "operativ@example.org"
    operative_member.person.save()
    day = timezone.localtime(operative_meeting.starts_at).date()
    send_reminders(days=3, today=day - datetime.timedelta(days=3))
    (reminder,) = mail.outbox
    assert PLACE not in reminder.body
    _row, token = CalendarToken.objects.issue(user=operative_member)
    feed = Client().get(reverse("meetings:calendar_feed", args=[token])).content.decode()
    assert "Fjellet" not in feed
