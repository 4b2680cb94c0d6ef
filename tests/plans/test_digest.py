"""The weekly summary: one e-mail per person with work to do, none to others, nothing twice a day."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from meetings.models import ActionItem
from meetings.services import meetings_create_for_year
from participants.models import DigestSent, Person


def _with_email(*users):
    for user in users:
        Person.objects.filter(user=user).update(email=f"{user.username}@gjesdal.example")


def _give_item(user, plan, text):
    series = plan.meeting_series.get(key="arbeidsgruppe")
    for year in (timezone.localdate().year, timezone.localdate().year + 1):
        meetings_create_for_year(series=series, year=year)
    return ActionItem.objects.create(
        meeting=series.meetings.order_by("starts_at").first(),
        text=text,
        responsible_person=user.person,
        due=timezone.localdate() + datetime.timedelta(days=3),
    )


def _run(today=None):
    out = io.StringIO()
    args = ["send_digest", "--base-url", "https://slt.example/"]
    if today:
        args += ["--today", today.isoformat()]
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_digest_goes_to_people_with_work_to_do_and_not_to_others(
    settings, gjesdal, working_member, steering_member, outsider
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _with_email(working_member, steering_member, outsider)
    _give_item(working_member, gjesdal, "Skaffe frivillige til natteravn")

    assert "Sendte 1 ukentlige oppsummeringer." in _run()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["arbeidsmedlem@gjesdal.example"]
    assert message.subject == "Dine SLT-oppgaver denne uken"
    assert "Skaffe frivillige til natteravn" in message.body
    assert "https://slt.example/mine-oppgaver/" in message.body
    assert "https://slt.example/konto/profil/" in message.body
    assert "Dine neste møter:" in message.body


def test_a_second_run_the_same_day_sends_nothing(settings, gjesdal, working_member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _with_email(working_member)
    _give_item(working_member, gjesdal, "Ringe politiet")
    _run()
    assert "Sendte 0 ukentlige oppsummeringer." in _run()
    assert len(mail.outbox) == 1
    assert DigestSent.objects.count() == 1
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    _run(tomorrow)
    assert len(mail.outbox) == 2


def test_people_who_opted_out_get_no_digest(settings, gjesdal, working_member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _with_email(working_member)
    Person.objects.filter(user=working_member).update(weekly_digest=False)
    _give_item(working_member, gjesdal, "Ringe politiet")
    _run()
    assert mail.outbox == []


def test_late_measures_are_in_the_digest(settings, gjesdal, working_member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _with_email(working_member)
    # The working group answers for measure 1; 100 days on, with no status update, it is overdue.
    _run(timezone.localdate() + datetime.timedelta(days=100))
    assert len(mail.outbox) == 1
    assert "1. " in mail.outbox[0].body and "trenger statusoppdatering" in mail.outbox[0].body


def test_confidential_action_items_are_not_spelled_out_by_email(settings, gjesdal, operative_member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _with_email(operative_member)
    series = gjesdal.meeting_series.get(key="operativ")
    meetings_create_for_year(series=series, year=timezone.localdate().year)
    ActionItem.objects.create(
        meeting=series.meetings.first(), text="Bekymring for en ungdom", responsible_person=operative_member.person
    )
    _run()
    assert len(mail.outbox) == 1
    assert "Bekymring for en ungdom" not in mail.outbox[0].body
