"""The innkalling: the notice of a meeting with its agenda, e-mailed to every seat holder with an address.

Each seat holder of the attending bodies on the meeting's date who has an e-mail address gets one
e-mail with the agenda and the innkalling as PDF. Each sending is recorded (Notice: when, by whom,
the agenda as sent, and to whom). A changed agenda can be sent again; a second sending within a
minute of the last sends nothing (a double click, or two people at once). A confidential series'
innkalling names no case and no place: the agenda is in the portal.

`send_notices` (cron, daily) sends the innkalling of each meeting its series' number of days ahead.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from participants.collation import norwegian
from slt_portal.pdf import render_pdf

from .access import location_for
from .models import Meeting, MeetingSeries, MeetingStatus, Notice, NoticeRecipient
from .notify import subject_name
from .seats import chair_of, holders_on

RESEND_PAUSE = datetime.timedelta(minutes=1)


def _agenda(meeting):
    return [str(item) for item in meeting.agenda_items.order_by("order")]


def agenda_lines(meeting):
    """The agenda as the innkalling writes it: "Sak 3/27 Title" per sak; none for a confidential series."""
    return [] if meeting.series.is_confidential else _agenda(meeting)


def agenda_changed(last_notice, agenda_items):
    """True when the agenda (the meeting's items in order) differs from the one last sent (False when none was)."""
    return last_notice is not None and last_notice.agenda != "\n".join(str(item) for item in agenda_items)


def can_send(user, meeting):
    """The coordinator, or the meeting's chair (møteleder)."""
    from participants.roles import is_coordinator

    if is_coordinator(user):
        return True
    chair = chair_of(meeting)
    return bool(user.is_authenticated and chair is not None and chair.user_id == user.pk)


def notice_pdf(meeting):
    with translation.override(settings.LANGUAGE_CODE):
        title = translation.gettext("Notice: %(series)s %(date)s") % {
            "series": subject_name(meeting),
            "date": f"{timezone.localtime(meeting.starts_at):%d.%m.%Y}",
        }
        context = {
            "meeting": meeting,
            "series_name": subject_name(meeting),
            "agenda": agenda_lines(meeting),
            "location": location_for(None, meeting),
            "confidential": meeting.series.is_confidential,
            "chair": chair_of(meeting),
        }
        return render_pdf("pdf/notice.html", context, title=title)


@transaction.atomic
def notice_send(*, meeting, user=None, base_url="", now=None):
    """Send the innkalling; returns the Notice, or None when one went out less than a minute ago."""
    now = now or timezone.now()
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    if meeting.notices.filter(sent_at__gt=now - RESEND_PAUSE).exists():
        return None
    people = list(holders_on(meeting).exclude(email="").order_by(norwegian("name")))
    lines = agenda_lines(meeting)
    notice = Notice.objects.create(meeting=meeting, sent_at=now, sent_by=user, agenda="\n".join(_agenda(meeting)))
    pdf = notice_pdf(meeting)
    local = timezone.localtime(meeting.starts_at)
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("Notice: %(series)s %(date)s") % {
            "series": subject_name(meeting),
            "date": f"{local:%d.%m.%Y}",
        }
        for person in people:
            body = render_to_string(
                "meetings/email/notice.txt",
                {
                    "meeting": meeting,
                    "person": person,
                    "agenda": lines,
                    "confidential": meeting.series.is_confidential,
                    "location": location_for(None, meeting),
                    "link": f"{base_url}{reverse('meetings:meeting_detail', args=[meeting.pk])}",
                    "resent": meeting.notice_sent_at is not None,
                },
            )
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
            message.attach(f"innkalling-{meeting.series.key}-{local:%Y-%m-%d}.pdf", pdf, "application/pdf")
            message.send()
            NoticeRecipient.objects.create(notice=notice, person=person, email=person.email)
    Meeting.objects.filter(pk=meeting.pk).update(notice_sent_at=now)
    return notice


def meetings_due_for_notice(today=None):
    """Meetings without a notice, not started, on a day from today to their series' notice days ahead."""
    today = today or timezone.localdate()
    zone = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min), zone)
    longest = MeetingSeries.objects.aggregate(longest=Max("notice_days"))["longest"] or 0
    candidates = (
        Meeting.objects.filter(
            notice_sent_at__isnull=True,
            starts_at__gte=start,
            starts_at__gt=timezone.now(),
            starts_at__lt=start + datetime.timedelta(days=longest + 1),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("series")
        .order_by("starts_at")
    )
    return [
        meeting
        for meeting in candidates
        if (timezone.localtime(meeting.starts_at).date() - today).days <= meeting.series.notice_days
    ]


def send_notices(*, today=None, base_url=""):
    """Send the day's innkallinger; returns how many meetings got one."""
    sent = 0
    for meeting in meetings_due_for_notice(today):
        sent += notice_send(meeting=meeting, base_url=base_url) is not None
    return sent
