"""Approved confidential minutes past the retention period: archived as PDF, then their text purged."""

import datetime
import io
import stat

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings.models import Meeting, MinutesPurge, MinutesStatus

SECRET = "Drøftet bekymring for uro ved ungdomshuset"


def approve_long_ago(meeting, coordinator, days):
    start = timezone.now() - datetime.timedelta(days=days)
    meeting.starts_at, meeting.ends_at = start, start + datetime.timedelta(hours=1)
    meeting.minutes = SECRET
    meeting.minutes_html = f"<p>{SECRET}</p>"
    meeting.minutes_status = MinutesStatus.APPROVED
    meeting.approved_by, meeting.approved_at = coordinator, start
    meeting.save()
    item = meeting.agenda_items.first()
    item.notes = "Notat om saken"
    item.save()
    return meeting


@pytest.fixture
def old_secret_meeting(operative_meeting, coordinator, settings):
    settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS = 365
    return approve_long_ago(operative_meeting, coordinator, days=400)


def run(folder, *args):
    out = io.StringIO()
    call_command("purge_confidential_minutes", str(folder), *args, stdout=out)
    return out.getvalue()


def test_old_approved_confidential_minutes_are_archived_as_pdf_then_purged_leaving_a_stub(
    old_secret_meeting, tmp_path, coordinator_client
):
    run(tmp_path)
    [archive] = list(tmp_path.iterdir())
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    text = "".join(page.extract_text() for page in PdfReader(archive).pages)
    assert SECRET in text and "Nye saker" in text

    meeting = Meeting.objects.get(pk=old_secret_meeting.pk)
    purge = MinutesPurge.objects.get(meeting=meeting)
    assert purge.archive_name == archive.name
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert SECRET not in meeting.minutes and today in meeting.minutes and today in meeting.minutes_html
    assert not meeting.agenda_items.exclude(notes="").exists()
    assert not Meeting.history.filter(id=meeting.pk, minutes__contains="ungdomshuset").exists()
    page = coordinator_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert SECRET not in page and today in page


def test_recent_unapproved_or_ordinary_minutes_are_left_alone(
    operative_meeting, working_meeting, coordinator, settings, tmp_path
):
    settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS = 365
    approve_long_ago(operative_meeting, coordinator, days=100)  # within the retention period
    approve_long_ago(working_meeting, coordinator, days=400)  # not confidential
    draft = Meeting.objects.filter(series=operative_meeting.series).exclude(pk=operative_meeting.pk).first()
    draft.starts_at = timezone.now() - datetime.timedelta(days=500)
    draft.ends_at = draft.starts_at + datetime.timedelta(hours=1)
    draft.minutes = SECRET
    draft.save()
    run(tmp_path)
    assert not list(tmp_path.iterdir())
    assert not MinutesPurge.objects.exists()
    assert Meeting.objects.filter(minutes=SECRET).count() == 3


def test_the_retention_period_comes_from_the_setting(old_secret_meeting, settings, tmp_path):
    settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS = 500
    run(tmp_path)
    assert not MinutesPurge.objects.exists()
    settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS = 300
    run(tmp_path)
    assert MinutesPurge.objects.filter(meeting=old_secret_meeting).exists()


def test_running_twice_purges_once(old_secret_meeting, tmp_path):
    run(tmp_path)
    assert "0 " in run(tmp_path)
    assert MinutesPurge.objects.count() == 1 and len(list(tmp_path.iterdir())) == 1


def test_a_dry_run_changes_nothing(old_secret_meeting, tmp_path):
    out = run(tmp_path, "--dry-run")
    assert old_secret_meeting.series.name in out
    assert not list(tmp_path.iterdir())
    assert Meeting.objects.get(pk=old_secret_meeting.pk).minutes == SECRET


def test_a_missing_folder_is_refused(db, tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path / "finnes-ikke")
