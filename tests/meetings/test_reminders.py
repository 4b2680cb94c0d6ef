import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from meetings.models import ActionItem, MeetingStatus, ReminderLog
from participants.models import Person


def run(*args):
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def meeting_day(meeting):
    return timezone.localtime(meeting.starts_at).date()


def test_attendees_with_an_email_are_reminded_days_before_a_meeting(working_meeting, working_member, mailoutbox):
    working_member.person.email = "arbeid@example.org"
    working_member.person.save()
    today = meeting_day(working_meeting) - datetime.timedelta(days=3)
    output = run("--days", "3", "--today", today.isoformat(), "--base-url", "https://slt.example.org/")
    assert "Sendte 1 møtepåminnelser" in output
    (mail,) = mailoutbox
    assert mail.to == ["arbeid@example.org"]
    assert "SLT-arbeidsgruppe" in mail.subject and meeting_day(working_meeting).strftime("%d.%m.%Y") in mail.subject
    assert f"https://slt.example.org/moter/{working_meeting.pk}/" in mail.body
    assert "Gjesdal rådhus" in mail.body


def test_the_same_reminder_is_not_sent_twice_on_a_day(working_meeting, working_member, mailoutbox):
    working_member.person.email = "arbeid@example.org"
    working_member.person.save()
    today = meeting_day(working_meeting) - datetime.timedelta(days=3)
    run("--days", "3", "--today", today.isoformat())
    run("--days", "3", "--today", today.isoformat())
    assert len(mailoutbox) == 1
    assert ReminderLog.objects.count() == 1


def test_cancelled_meetings_and_other_days_give_no_reminder(working_meeting, working_member, mailoutbox):
    working_member.person.email = "arbeid@example.org"
    working_member.person.save()
    today = meeting_day(working_meeting) - datetime.timedelta(days=3)
    run("--days", "2", "--today", today.isoformat())
    working_meeting.status = MeetingStatus.CANCELLED
    working_meeting.save()
    run("--days", "3", "--today", today.isoformat())
    assert mailoutbox == []


def test_the_responsible_person_is_reminded_of_an_overdue_action_item(working_meeting, mailoutbox):
    person = Person.objects.create(name="Ansvarlig", email="ansvarlig@example.org")
    ActionItem.objects.create(
        meeting=working_meeting, text="Sende invitasjon", responsible_person=person, due=datetime.date(2027, 1, 10)
    )
    ActionItem.objects.create(
        meeting=working_meeting, text="Ferdig sak", responsible_person=person, due=datetime.date(2027, 1, 10), done=True
    )
    ActionItem.objects.create(
        meeting=working_meeting, text="Ikke forfalt", responsible_person=person, due=datetime.date(2027, 2, 10)
    )
    output = run("--days", "3", "--today", "2027-01-11")
    assert "1 påminnelser om forfalte oppfølgingspunkter" in output
    (mail,) = [m for m in mailoutbox if m.to == ["ansvarlig@example.org"]]
    assert "Sende invitasjon" in mail.body and "10.01.2027" in mail.body
    run("--days", "3", "--today", "2027-01-11")
    assert len([m for m in mailoutbox if m.to == ["ansvarlig@example.org"]]) == 1
    run("--days", "3", "--today", "2027-01-12")
    assert len([m for m in mailoutbox if m.to == ["ansvarlig@example.org"]]) == 2


def test_a_confidential_reminder_does_not_tell_the_content(operative_meeting, operative_member, mailoutbox):
    operative_member.person.email = "operativ@example.org"
    operative_member.person.save()
    person = Person.objects.create(name="Ansvarlig", email="ansvarlig@example.org")
    ActionItem.objects.create(
        meeting=operative_meeting, text="Hemmelig", responsible_person=person, due=meeting_day(operative_meeting)
    )
    run("--days", "0", "--today", (meeting_day(operative_meeting) + datetime.timedelta(days=1)).isoformat())
    run("--days", "3", "--today", (meeting_day(operative_meeting) - datetime.timedelta(days=3)).isoformat())
    assert len(mailoutbox) == 2
    for mail in mailoutbox:
        assert "Hemmelig" not in mail.body and "Operativ" not in mail.subject
        assert "Møte (konfidensielt)" in mail.subject or "Møte (konfidensielt)" in mail.body


@pytest.mark.django_db
def test_bad_arguments_are_refused():
    with pytest.raises(CommandError):
        run("--days", "-1")
    with pytest.raises(CommandError):
        run("--today", "i morgen")
