"""Workflows on meetings that span models; each runs in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history  # type: ignore[import-untyped]

from measures.models import Measure
from measures.services import status_update_create

from .approval import next_meeting, not_yet_approvable
from .dates import meeting_dates
from .models import (
    OTHER_BUSINESS_TITLE,
    ActionItem,
    AgendaItem,
    AgendaItemKind,
    Attendance,
    Meeting,
    MeetingSeries,
    MinutesStatus,
)
from .rendering import minutes_html_bounded
from .seats import seat_rows

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


def _fill_meeting(meeting: Meeting) -> None:
    """A new meeting gets the series' standing items (numbered, "Eventuelt" last) and a row per seat."""
    items = list(meeting.series.standing_items.all())
    items.sort(key=lambda item: (_is_other_business(item.title), item.order))
    numbers = _case_numbers(meeting, len(items))
    bulk_create_with_history(
        [
            AgendaItem(
                meeting=meeting,
                order=order,
                title=item.title,
                kind=AgendaItemKind.OTHER_BUSINESS if _is_other_business(item.title) else AgendaItemKind.STANDING,
                case_year=numbers[0],
                case_number=numbers[1] + order - 1,
            )
            for order, item in enumerate(items, start=1)
        ],
        AgendaItem,
    )
    attendance_sync(meeting=meeting)


def _is_other_business(title: str) -> bool:
    return title.strip().casefold() == OTHER_BUSINESS_TITLE.casefold()


def _case_numbers(meeting: Meeting, count: int) -> tuple[int, int]:
    """(year, first number) for `count` new saker of the meeting: numbered per series and year.

    Locks the series' row, so that two saker added at once never get the same number.
    """
    MeetingSeries.objects.select_for_update().filter(pk=meeting.series_id).first()
    year = timezone.localtime(meeting.starts_at).year
    last = AgendaItem.objects.filter(meeting__series_id=meeting.series_id, case_year=year).aggregate(
        last=Max("case_number")
    )["last"]
    return year, (last or 0) + 1


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
    for occurrence, start in meeting_dates(series, year):
        if occurrence in existing or start.date() in existing:
            continue
        meeting = Meeting.objects.create(
            series=series,
            occurrence=occurrence,
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
    # With their history, so that a form's version of a row can be read back (measures.versioning).
    bulk_create_with_history(
        [
            Attendance(meeting=meeting, position=row.position, person=row.holder)
            for row in seat_rows(meeting)
            if row.position.pk not in have
        ],
        Attendance,
    )


def measures_to_offer(meeting: Meeting) -> QuerySet[Measure]:
    """Measures needing attention that an attending body is responsible for, not yet on the agenda."""
    plan = meeting.series.plan
    # Semi-joins rather than joins: no DISTINCT over the measures' rows and their freshness columns.
    attending = Measure.responsible_bodies.through.objects.filter(body__meeting_series=meeting.series)
    on_agenda = meeting.agenda_items.filter(measure__isnull=False)
    return (
        Measure.objects.needing_attention(plan)
        .filter(plan=plan, pk__in=attending.values("measure_id"))
        .exclude(pk__in=on_agenda.values("measure_id"))
        .order_by("number")
    )


def _renumber(meeting: Meeting, items: list[AgendaItem]) -> None:
    """Give the items the orders 1, 2, … in the list's order ("Eventuelt" is put last)."""
    items.sort(key=lambda item: item.is_other_business)  # stable: everything else keeps its place
    changed = [(item, order) for order, item in enumerate(items, start=1) if item.order != order]
    if not changed:
        return
    # (meeting, order) is unique: park the moving items beyond the range first.
    top = max(len(items), max(item.order for item in items))
    for step, (item, _order) in enumerate(changed, start=1):
        AgendaItem.objects.filter(pk=item.pk).update(order=top + step)
    for item, order in changed:
        item.order = order
        item.save(update_fields=["order"])


def agenda_item_insert(
    *, meeting: Meeting, title: str, notes: str = "", measure: Measure | None = None, **fields: object
) -> AgendaItem:
    """A new sak, numbered, placed before "Eventuelt"; the caller holds the meeting's lock."""
    items = list(meeting.agenda_items.order_by("order"))
    year, number = _case_numbers(meeting, 1)
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=max([item.order for item in items], default=0) + 1,
        title=title,
        notes=notes,
        measure=measure,
        case_year=year,
        case_number=number,
        kind=AgendaItemKind.OTHER_BUSINESS if _is_other_business(title) else AgendaItemKind.ITEM,
        **fields,
    )
    _renumber(meeting, [*items, item])
    return item


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, notes: str = "", measure: Measure | None = None) -> AgendaItem:
    current = _lock_for_writing(meeting)
    return agenda_item_insert(meeting=current, title=title, notes=notes, measure=measure)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour above (up) or below; "Eventuelt" stays last, the ends stay put."""
    meeting = _lock_for_writing(item.meeting)
    # Read under the meeting's lock: a move submitted twice, or with another, sees the other's result.
    items = list(meeting.agenda_items.order_by("order"))
    index = next((i for i, each in enumerate(items) if each.pk == item.pk), None)
    if index is None or items[index].is_other_business:
        return
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items) or items[other].is_other_business:
        return
    items[index], items[other] = items[other], items[index]
    _renumber(meeting, items)


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


def status_updates_from_minutes(
    *, meeting: Meeting, user: User, status_updates: Iterable[tuple[AgendaItem, str, str]]
) -> None:
    """Record the status updates chosen for the measures of saker; the caller holds the meeting's lock.

    status_updates: (agenda item about a measure, status, note); PermissionDenied when the user may not
    update one of them (measures.services). Notes from a confidential meeting stay in its minutes.
    """
    date = timezone.localtime(meeting.starts_at).date()
    confidential = meeting.series.is_confidential
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


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    user: User,
    minutes: str,
    status_updates: Iterable[tuple[AgendaItem, str, str]] = (),
    action_item: ActionItem | None = None,
) -> Meeting:
    """Save the meeting's notes, the status updates recorded by agenda items and a new action item, all or nothing.

    Raises MinutesLocked for approved minutes; PermissionDenied as status_updates_from_minutes.
    Whether the minutes changed since the form was opened is the form's check (measures.versioning),
    made under the same lock. The minutes page (minutes_page.MinutesPage) saves saker and attendance too.
    """
    current = _lock_for_writing(meeting)
    status_updates_from_minutes(meeting=current, user=user, status_updates=status_updates)
    if action_item is not None:
        action_item.meeting = current
        action_item.save()
    current.minutes = minutes
    current.minutes_html = minutes_html_bounded(minutes)
    current._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    current.save()
    return current


class ApprovalRefused(Exception):
    """The minutes cannot be approved now (the meeting has not started, say); the message says why."""


def _minutes_status_set(*, meeting: Meeting, user: User, status: str, reason: str) -> Meeting:
    """Send for approval, approve (lock) or reopen the minutes, with who and when in the history."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    approved = status == MinutesStatus.APPROVED
    if status == MinutesStatus.SUBMITTED:
        ensure_unlocked(meeting)
        meeting.submitted_by, meeting.submitted_at = user, timezone.now()
    elif status == MinutesStatus.DRAFT:
        meeting.submitted_by = meeting.submitted_at = None
    if approved:
        refused = not_yet_approvable(meeting)
        if refused:
            raise ApprovalRefused(refused)
    meeting.minutes_status = status
    meeting.approved_by = user if approved else None
    meeting.approved_at = timezone.now() if approved else None
    meeting._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    meeting._change_reason = reason  # type: ignore[attr-defined]  # simple_history's hook
    meeting.save()
    return meeting


@transaction.atomic
def minutes_submit(*, meeting: Meeting, user: User) -> Meeting:
    """The referent sends the minutes for approval; MinutesLocked when they are approved already.

    Unfinished saker go onto the next meeting's agenda now (carry_forward): minutes approved at the
    next meeting are approved only once it has started.
    """
    submitted = _minutes_status_set(
        meeting=meeting, user=user, status=MinutesStatus.SUBMITTED, reason=_("Sent for approval")
    )
    carry_forward(meeting=submitted)
    return submitted


@transaction.atomic
def minutes_approve(*, meeting: Meeting, user: User) -> Meeting:
    """Approve and lock; ApprovalRefused before the meeting has started (approval.not_yet_approvable)."""
    approved = _minutes_status_set(
        meeting=meeting, user=user, status=MinutesStatus.APPROVED, reason=_("Minutes approved")
    )
    carry_forward(meeting=approved)
    return approved


@transaction.atomic
def minutes_reopen(*, meeting: Meeting, user: User) -> Meeting:
    return _minutes_status_set(meeting=meeting, user=user, status=MinutesStatus.DRAFT, reason=_("Minutes reopened"))


def carry_forward(*, meeting: Meeting) -> list[AgendaItem]:
    """Unfinished saker (no decision) of the meeting go onto the series' next meeting, before "Eventuelt".

    Standing items and "Eventuelt" come back by themselves; a sak carried once is not carried again.
    """
    following = next_meeting(meeting)
    if following is None or following.minutes_locked:
        return []
    unfinished = meeting.agenda_items.filter(kind=AgendaItemKind.ITEM, decision="", continued_by__isnull=True)
    carried = []
    for item in unfinished.order_by("order"):
        carried.append(
            agenda_item_insert(
                meeting=following,
                title=item.title,
                measure=item.measure,
                notes=_("Continued from %(sak)s.") % {"sak": item.case_label} if item.case_label else "",
                continues=item,
            )
        )
    return carried
