"""E-mails about minutes: to the approvers when the referent sends the minutes for approval.

A confidential series' e-mails name no case and no place: only the date and a link into the portal.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .approval import approvers


def subject_name(meeting):
    if meeting.series.is_confidential:
        return translation.gettext("Meeting (confidential)")
    return meeting.series.name


def notify_approvers(meeting, *, base_url=""):
    """E-mail each approver with an address a link to the approval page; returns the addresses written to."""
    people = [person for person in approvers(meeting) if person.email]
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        local = timezone.localtime(meeting.starts_at)
        subject = translation.gettext("Minutes to approve: %(series)s %(date)s") % {
            "series": subject_name(meeting),
            "date": f"{local:%d.%m.%Y}",
        }
        link = f"{base_url}{reverse('meetings:minutes_approve', args=[meeting.pk])}"
        for person in people:
            body = render_to_string(
                "meetings/email/minutes_to_approve.txt", {"meeting": meeting, "person": person, "link": link}
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
            sent.append(person.email)
    return sent
