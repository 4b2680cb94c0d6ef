"""The weekly summary by e-mail: each person's open tasks, measures to update and next meetings.

Sent by the send_digest command from cron. Each summary sent is recorded (DigestSent), so running
the command again on the same day sends nothing twice. People without work to do get nothing.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from measures.models import ActionPlan
from participants.models import DigestSent, Person

from .tasks import tasks_for


def recipients():
    """People with a login and an e-mail address who want the summary."""
    return (
        Person.objects.filter(weekly_digest=True, user__isnull=False, user__is_active=True)
        .exclude(email="")
        .select_related("user")
        .order_by("pk")
    )


def _send_once(person, tasks, plan, today, base_url):
    subject = translation.gettext("Your SLT tasks this week")
    body = render_to_string(
        "plans/email/weekly_digest.txt",
        {"person": person, "tasks": tasks, "plan": plan, "base_url": base_url},
    )
    try:
        with transaction.atomic():
            DigestSent.objects.create(person=person, sent_on=today)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    except IntegrityError:
        return False  # already sent today
    return True


def send_digests(*, today=None, base_url=""):
    """Send the week's summaries; returns how many were sent."""
    today = today or timezone.localdate()
    plan = ActionPlan.objects.current()
    if plan is None:
        return 0
    sent = 0
    with translation.override(ActionPlan.objects.written_standard()):
        for person in recipients():
            tasks = tasks_for(person.user, plan, today)
            if tasks.to_do:
                sent += _send_once(person, tasks, plan, today, base_url)
    return sent
