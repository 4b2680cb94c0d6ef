"""The innkalling: to every seat holder with an address, with the agenda and a PDF, recorded, sent once a minute."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings.models import Notice
from meetings.notices import send_notices
from participants.models import Person, SeatTerm

from ..pdfs import pdf_text


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_the_coordinator_sends_the_notice_with_the_agenda_and_a_pdf(
    coordinator_client, working_meeting, working_member
):
    working_member.person.email = "arbeid@example.org"
    working_member.person.save()
    response = coordinator_client.post(url("notice_send", working_meeting.pk))
    assert response.status_code == 302
    (message,) = [m for m in mail.outbox if m.to == ["arbeid@example.org"]]
    first = working_meeting.agenda_items.order_by("order").first()
    assert message.subject.startswith("Innkalling: SLT-arbeidsgruppe")
    assert str(first) in message.body and first.case_label in message.body
    (name, pdf, kind) = message.attachments[0]
    assert kind == "application/pdf" and name.startswith("innkalling-arbeidsgruppe")
    assert first.title in pdf_text(pdf).replace("\n", " ")
    notice = Notice.objects.get()
    assert [r.email for r in notice.recipients.all()] == ["arbeid@example.org"]
    working_meeting.refresh_from_db()
    assert working_meeting.notice_sent_at and working_meeting.phase in ("innkalt", "avholdt")
    page = coordinator_client.get(url("meeting_detail", working_meeting.pk)).content.decode()
    assert "Sendt" in page and working_member.person.name in page


def test_sending_twice_within_a_minute_sends_once_and_a_changed_agenda_can_be_sent_again(
    coordinator_client, working_meeting, working_member
):
    working_member.person.email = "arbeid@example.org"
    working_member.person.save()
    coordinator_client.post(url("notice_send", working_meeting.pk))
    coordinator_client.post(url("notice_send", working_meeting.pk))
    assert len(mail.outbox) == 1 and Notice.objects.count() == 1
    Notice.objects.update(sent_at=timezone.now() - datetime.timedelta(minutes=5))
    page = coordinator_client.get(url("meeting_detail", working_meeting.pk)).content.decode()
    assert "Sakslisten er endret" not in page  # the agenda as sent
    coordinator_client.post(url("agenda_item_add", working_meeting.pk), {"agenda-title": "Ungdata 2026"})
    page = coordinator_client.get(url("meeting_detail", working_meeting.pk)).content.decode()
    assert "Sakslisten er endret etter at innkallingen ble sendt." in page
    coordinator_client.post(url("notice_send", working_meeting.pk))
    assert len(mail.outbox) == 2 and "Ungdata 2026" in mail.outbox[1].body
    assert "Sakslisten er endret" in mail.outbox[1].body


def test_a_confidential_notice_names_no_case_and_no_place(coordinator_client, operative_meeting, operative_member):
    operative_member.person.email = "operativ@example.org"
    operative_member.person.save()
    operative_meeting.location = "Hemmelig møterom"
    operative_meeting.save()
    secret = operative_meeting.agenda_items.order_by("order").first()
    secret.title = "Bekymring for uro ved ungdomshuset"
    secret.save()
    coordinator_client.post(url("notice_send", operative_meeting.pk))
    (message,) = mail.outbox
    text = message.subject + message.body + pdf_text(message.attachments[0][1])
    assert "konfidensielt" in message.subject
    assert "ungdomshuset" not in text and "Hemmelig møterom" not in text and "Operativ SLT-gruppe" not in text


def test_only_the_coordinator_or_the_chair_sends_the_notice(working_client, working_meeting, working_member):
    assert working_client.post(url("notice_send", working_meeting.pk)).status_code == 403
    working_meeting.chair = working_member.person
    working_meeting.save()
    assert working_client.post(url("notice_send", working_meeting.pk)).status_code == 302


def test_notices_go_out_the_series_number_of_days_ahead_from_cron(gjesdal, working_member):
    from meetings.services import meetings_create_for_year

    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    meetings_create_for_year(series=series, year=timezone.localdate().year + 1)
    meeting = series.meetings.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    holder = Person.objects.create(name="Helse Søster", email="helse@example.org")
    seat = series.bodies.get().positions.exclude(terms__isnull=False).first()
    SeatTerm.objects.create(position=seat, person=holder)
    day = timezone.localtime(meeting.starts_at).date()
    assert send_notices(today=day - datetime.timedelta(days=series.notice_days + 1)) == 0
    assert send_notices(today=day + datetime.timedelta(days=1)) == 0  # a day too late: not sent at all
    call_command("send_notices", "--today", (day - datetime.timedelta(days=series.notice_days)).isoformat())
    assert [m.to for m in mail.outbox] == [["helse@example.org"]]
    assert send_notices(today=day - datetime.timedelta(days=series.notice_days - 1)) == 0  # sent already
