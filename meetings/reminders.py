"""Reminder e-mails: upcoming meetings to their attendees, overdue action items to the responsible person.

Each reminder is recorded in ReminderLog, so running the command again on the same day sends nothing twice.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from measures.models import ActionPlan

from .access import location_for
from .models import ActionItem, Meeting, MeetingStatus, ReminderKind, ReminderLog
from .seats import holders_on


def _send_once(*, kind, object_id, email, today, subject, template, context):
    try:
        with transaction.atomic():
            ReminderLog.objects.create(kind=kind, object_id=object_id, email=email, sent_on=today)
            body = render_to_string(template, context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    except IntegrityError:
        return False
    return True


def meetings_in(days, today):
    day = today + datetime.timedelta(days=days)
    zone = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), zone)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("series")
    )


def send_reminders(*, days, today=None, base_url=""):
    """Send the day's reminders; returns (meeting reminders sent, overdue reminders sent)."""
    today = today or timezone.localdate()
    meeting_count = overdue_count = 0
    with translation.override(ActionPlan.objects.written_standard()):
        for meeting in meetings_in(days, today):
            people = holders_on(meeting).exclude(email="")
            for person in people:
                local = timezone.localtime(meeting.starts_at)
                subject = translation.gettext("Meeting %(date)s: %(series)s") % {
                    "date": f"{local:%d.%m.%Y}",
                    "series": translation.gettext("Meeting (confidential)")
                    if meeting.series.is_confidential
                    else meeting.series.name,
                }
                meeting_count += _send_once(
                    kind=ReminderKind.MEETING,
                    object_id=meeting.pk,
                    email=person.email,
                    today=today,
                    subject=subject,
                    template="meetings/email/meeting_reminder.txt",
                    context={
                        "meeting": meeting,
                        "person": person,
                        "base_url": base_url,
                        "location": location_for(None, meeting),
                    },
                )
        overdue = (
            ActionItem.objects.overdue(today)
            .exclude(responsible_person__email="")
            .exclude(responsible_person__isnull=True)
        )
        for item in overdue.select_related("meeting__series", "responsible_person"):
            overdue_count += _send_once(
                kind=ReminderKind.OVERDUE,
                object_id=item.pk,
                email=item.responsible_person.email,
                today=today,
                subject=translation.gettext("Overdue action item from %(series)s")
                % {
                    "series": translation.gettext("Meeting (confidential)")
                    if item.meeting.series.is_confidential
                    else item.meeting.series.name
                },
                template="meetings/email/overdue_reminder.txt",
                context={"item": item, "base_url": base_url},
            )
    return meeting_count, overdue_count
