"""Operative data minimisation: approved confidential minutes past the retention period are
archived as PDF, then their text is purged, leaving a stub that says when.

The text goes everywhere it is kept: the minutes (Markdown and stored HTML), the agenda items'
notes and the history of both. Who took part, the decisions and action items stay.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from slt_portal.pdf import render_pdf

from .models import AgendaItem, Meeting, MinutesPurge, MinutesStatus
from .rendering import stored_minutes_html


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS)


def minutes_due_for_purge(now: datetime.datetime | None = None):
    """Approved minutes of confidential series, of meetings older than the retention period, not yet purged."""
    return (
        Meeting.objects.filter(
            series__confidential=True,
            minutes_status=MinutesStatus.APPROVED,
            starts_at__lt=retention_cutoff(now),
            minutes_purge__isnull=True,
        )
        .select_related("series", "approved_by")
        .order_by("starts_at")
    )


def archive_name(meeting: Meeting) -> str:
    local = timezone.localtime(meeting.starts_at)
    return f"referat-{meeting.series.key}-{local:%Y-%m-%d}-{meeting.pk}.pdf"


def minutes_archive_pdf(meeting: Meeting) -> bytes:
    """The full minutes as the PDF the portal serves, for the archive (no request: everything shown)."""
    local = timezone.localtime(meeting.starts_at)
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "can_see": True,
        "agenda_items": meeting.agenda_items.select_related("measure", "status_update"),
        "attendance": meeting.attendance.select_related("position__body", "person").order_by(
            "position__body__order", "position__order"
        ),
        "action_items": meeting.action_items.select_related("responsible_person", "responsible_body", "measure"),
        "minutes_html": stored_minutes_html(meeting),
    }
    title = _("Minutes: %(series)s %(date)s") % {"series": meeting.series.name, "date": f"{local:%d.%m.%Y}"}
    return render_pdf("pdf/minutes.html", context, title=title)


def purge_stub(when: datetime.datetime) -> str:
    date = formats.date_format(timezone.localtime(when), "d.m.Y")
    return _(
        "The minutes were purged on %(date)s, after the retention period for confidential minutes. "
        "They are archived as PDF."
    ) % {"date": date}


@transaction.atomic
def minutes_purge(*, meeting: Meeting, archive_name: str, now: datetime.datetime | None = None) -> MinutesPurge:
    """Replace the minutes' text by a stub, in the meeting, its agenda and their history."""
    now = now or timezone.now()
    stub = purge_stub(now)
    html = format_html("<p>{}</p>", stub)
    # Queryset updates: no new history rows, and the approval lock (for edits by people) is no bar.
    Meeting.objects.filter(pk=meeting.pk).update(minutes=stub, minutes_html=html)
    Meeting.history.filter(id=meeting.pk).update(minutes=stub)
    AgendaItem.objects.filter(meeting=meeting).update(notes="")
    AgendaItem.history.filter(meeting_id=meeting.pk).update(notes="")
    return MinutesPurge.objects.create(meeting=meeting, purged_at=now, archive_name=archive_name)


def purge_confidential_minutes(*, folder: Path, dry_run: bool = False) -> list[tuple[Meeting, Path]]:
    """Archive and purge every due meeting; each PDF is written (owner-only) before its text goes."""
    done = []
    with translation.override(settings.LANGUAGE_CODE):
        for meeting in minutes_due_for_purge():
            path = folder / archive_name(meeting)
            if not dry_run:
                pdf = minutes_archive_pdf(meeting)
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(pdf)
                minutes_purge(meeting=meeting, archive_name=path.name)
            done.append((meeting, path))
    return done
