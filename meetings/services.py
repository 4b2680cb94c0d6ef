"""Workflows on meetings that span models; each runs in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from measures.models import Measure
from measures.services import status_update_create
from participants.models import Position

from .models import ActionItem, AgendaItem, Attendance, Meeting, MeetingSeries, MinutesStatus
from .rendering import minutes_html_bounded

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet


class MinutesLocked(Exception):
    """The minutes are approved; reopen them before changing them."""

    def __init__(self, meeting_pk: int) -> None:
        super().__init__(meeting_pk)
        self.meeting_pk = meeting_pk


def ensure_unlocked(meeting: Meeting) -> None:
    """The one check that the minutes, agenda, attendance and action items may still change."""
    if meeting.minutes_locked:
        raise MinutesLocked(meeting.pk)


def _lock_for_writing(meeting: Meeting) -> Meeting:
    """The meeting, locked for this transaction; MinutesLocked when its minutes are approved."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    ensure_unlocked(current)
    return current


def _seats(series: MeetingSeries) -> QuerySet[Position]:
    return (
        Position.objects.filter(body__meeting_series=series).select_related("holder").order_by("body__order", "order")
    )


def _fill_meeting(meeting: Meeting) -> None:
    series = meeting.series
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=item.order, title=item.title) for item in series.standing_items.all()
    )
    attendance_sync(meeting=meeting)


@transaction.atomic
def meetings_create_for_year(*, series: MeetingSeries, year: int) -> list[Meeting]:
    """Create the series' meetings for a year from its rhythm; dates that exist are left alone."""
    # A double submit waits here for the first, then finds its meetings and leaves them alone.
    MeetingSeries.objects.select_for_update().filter(pk=series.pk).first()
    zone = timezone.get_default_timezone()
    existing = set(series.meetings.filter(occurrence__year=year).values_list("occurrence", flat=True))
    existing |= {
        timezone.localtime(moment, zone).date()
        for moment in series.meetings.in_year(year).values_list("starts_at", flat=True)
    }
    created = []
    for start in series.occurrences(datetime.date(year, 1, 1), datetime.date(year, 12, 31)):
        if start.date() in existing:
            continue
        meeting = Meeting.objects.create(
            series=series,
            occurrence=start.date(),
            starts_at=start,
            ends_at=start + datetime.timedelta(minutes=series.duration_minutes),
            location=series.location,
        )
        _fill_meeting(meeting)
        created.append(meeting)
    return created


def attendance_sync(*, meeting: Meeting) -> None:
    """One attendance row per seat of the attending bodies (new seats are added, marks kept)."""
    have = set(meeting.attendance.values_list("position_id", flat=True))
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, position=seat, person=seat.holder)
        for seat in _seats(meeting.series)
        if seat.pk not in have
    )


@transaction.atomic
def attendance_save(*, meeting: Meeting, present_ids: Container[int]) -> None:
    _lock_for_writing(meeting)
    attendance_sync(meeting=meeting)
    for row in meeting.attendance.select_related("position"):
        present = row.pk in present_ids
        if row.present != present or row.person_id != row.position.holder_id:
            row.present = present
            row.person_id = row.position.holder_id
            row.save()


def measures_to_offer(meeting: Meeting) -> QuerySet[Measure]:
    """Measures needing attention that an attending body is responsible for, not yet on the agenda."""
    return (
        Measure.objects.needing_attention(meeting.series.plan)
        .filter(plan=meeting.series.plan, responsible_bodies__meeting_series=meeting.series)
        .exclude(agenda_items__meeting=meeting)
        .distinct()
        .order_by("number")
    )


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, notes: str = "", measure: Measure | None = None) -> AgendaItem:
    _lock_for_writing(meeting)
    last = meeting.agenda_items.order_by("-order").values_list("order", flat=True).first() or 0
    return AgendaItem.objects.create(meeting=meeting, order=last + 1, title=title, notes=notes, measure=measure)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour above (up) or below; at either end nothing moves."""
    meeting = _lock_for_writing(item.meeting)
    # Its place as it is now, under the lock: a move submitted twice, or with another, read an older one.
    current = AgendaItem.objects.filter(pk=item.pk, meeting=meeting).first()
    if current is None:
        return
    item = current
    siblings = meeting.agenda_items.order_by("-order" if up else "order")
    neighbour = siblings.filter(order__lt=item.order).first() if up else siblings.filter(order__gt=item.order).first()
    if neighbour is None:
        return
    mine, theirs = item.order, neighbour.order
    # (meeting, order) is unique: park the item outside the range while swapping.
    item.order = 0
    item.save(update_fields=["order"])
    neighbour.order = mine
    neighbour.save(update_fields=["order"])
    item.order = theirs
    item.save(update_fields=["order"])


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    _lock_for_writing(item.meeting)
    item.delete()


@transaction.atomic
def action_item_save(*, item: ActionItem, meeting: Meeting) -> ActionItem:
    """Add a decision or action item to the meeting, or save a changed one."""
    item.meeting = _lock_for_writing(meeting)
    item.save()
    return item


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    user: User,
    minutes: str,
    status_updates: Iterable[tuple[AgendaItem, str, str]] = (),
    action_item: ActionItem | None = None,
) -> Meeting:
    """Save the minutes, the status updates recorded by agenda items and a new action item, all or nothing.

    status_updates: (agenda item, status, note) for items about a measure; PermissionDenied when the
    user may not update one of them (measures.services). action_item: an unsaved ActionItem or None.
    Raises MinutesLocked for approved minutes. Whether the minutes changed since
    the form was opened is the form's check (measures.versioning), made under the same lock.
    """
    current = _lock_for_writing(meeting)
    date = timezone.localtime(current.starts_at).date()
    confidential = current.series.is_confidential
    for item, status, note in status_updates:
        if confidential and note:
            # The measure's timeline is read by every role: the note stays in the confidential
            # minutes (on the agenda item), the timeline only learns that the status moved.
            item.notes = f"{item.notes}\n\n{note}".strip()
            note = _("Recorded in the minutes of a confidential meeting.")
        # Each item here is about a measure (see above); only its foreign key is nullable.
        item.status_update = status_update_create(
            measure=cast("Measure", item.measure),
            user=user,
            status=status,
            note=note,
            date=min(date, timezone.localdate()),
        )
        item.save(update_fields=["status_update", "notes"])
    if action_item is not None:
        action_item.meeting = current
        action_item.save()
    current.minutes = minutes
    current.minutes_html = minutes_html_bounded(minutes)
    current._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    current.save()
    return current


def _minutes_status_set(*, meeting: Meeting, user: User, approved: bool, reason: str) -> Meeting:
    """Approve (lock) or reopen the minutes, with who and when in the history."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.minutes_status = MinutesStatus.APPROVED if approved else MinutesStatus.DRAFT
    meeting.approved_by = user if approved else None
    meeting.approved_at = timezone.now() if approved else None
    meeting._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    meeting._change_reason = reason  # type: ignore[attr-defined]  # simple_history's hook
    meeting.save()
    return meeting


@transaction.atomic
def minutes_approve(*, meeting: Meeting, user: User) -> Meeting:
    return _minutes_status_set(meeting=meeting, user=user, approved=True, reason=_("Minutes approved"))


@transaction.atomic
def minutes_reopen(*, meeting: Meeting, user: User) -> Meeting:
    return _minutes_status_set(meeting=meeting, user=user, approved=False, reason=_("Minutes reopened"))
