"""Read-only helpers other pages may use: a measure's action items, and a person's own follow-up."""

from django.db.models import Count, F, Window
from django.utils import timezone

from participants.roles import is_coordinator

from .access import can_edit, can_see_content, location_for
from .approval import approvers, not_yet_approvable
from .models import ActionItem, Meeting, MeetingSeries, MinutesStatus


def can_tick(user, item, *, may_edit=None):
    """Who may mark an action item done: the meeting's editors, and the person it was given to."""
    series = item.meeting.series
    if not can_see_content(user, series):
        return False
    if item.responsible_person is not None and item.responsible_person.user_id == user.pk:
        return True
    return can_edit(user, series) if may_edit is None else may_edit


def with_tick_rights(items, user):
    """The items the user may see, each with `may_tick`; one seat check per series, not per item."""
    editable = {}
    visible = []
    for item in items:
        series = item.meeting.series
        if not can_see_content(user, series):
            continue
        if series.pk not in editable:
            editable[series.pk] = can_edit(user, series)
        item.may_tick = can_tick(user, item, may_edit=editable[series.pk])
        visible.append(item)
    return visible


def action_items_for_measure(measure, user):
    """Decisions and action items linked to the measure that the user may see, oldest meeting first."""
    items = (
        ActionItem.objects.filter(measure=measure)
        .select_related("meeting__series", "responsible_person", "responsible_body")
        .prefetch_related("meeting__series__bodies")
        .order_by("meeting__starts_at", "id")
    )
    return with_tick_rights(items, user)


def _open_action_items(user):
    """The user's own open action items (given to their person) in the series whose content they may see.

    Which series they may see is decided once per series (there are a handful), so the items themselves
    are counted and limited in the database.
    """
    mine = ActionItem.objects.filter(done=False, responsible_person__user=user)
    series = MeetingSeries.objects.filter(meetings__action_items__in=mine).distinct().prefetch_related("bodies")
    visible = [each.pk for each in series if can_see_content(user, each)]
    return mine.filter(meeting__series__in=visible)


def open_action_items(user):
    """The user's own open action items as a query, soonest due first (to be paged; see with_tick_rights)."""
    return (
        _open_action_items(user)
        .select_related("meeting__series", "responsible_person", "responsible_body", "measure")
        .prefetch_related("meeting__series__bodies")
        .order_by(F("due").asc(nulls_last=True), "meeting__starts_at", "id")
    )


def open_action_items_for(user, limit=None):
    """The user's own open action items: all of them, or the first `limit`, each with `total`, how many there
    are in all (counted in the same query)."""
    items = open_action_items(user).annotate(total=Window(Count("pk")))
    return with_tick_rights(items if limit is None else items[:limit], user)


def minutes_awaiting_approval(user, plan, now=None):
    """Minutes sent for approval, of a meeting that has started, that wait for this user.

    The one place that decides what "awaiting my approval" means: the user is one of the meeting's
    approvers (meetings.approval), or the coordinator when the meeting names no approver.
    """
    now = now or timezone.now()
    candidates = (
        Meeting.objects.filter(series__plan=plan, minutes_status=MinutesStatus.SUBMITTED, starts_at__lt=now)
        .select_related("series", "chair")
        .prefetch_related("series__bodies")
        .order_by("starts_at")
    )
    coordinator = is_coordinator(user)
    waiting = []
    for meeting in candidates:
        if not can_see_content(user, meeting.series) or not_yet_approvable(meeting, now):
            continue
        people = approvers(meeting)
        if any(person.user_id == user.pk for person in people) or (coordinator and not people):
            waiting.append(meeting)
    return waiting


def next_meetings_for(user, limit=5):
    """The next meetings of the bodies where the user holds a seat."""
    meetings = list(
        Meeting.objects.attended_by(user)
        .upcoming()
        .select_related("series")
        .prefetch_related("series__bodies")
        .order_by("starts_at")[:limit]
    )
    for meeting in meetings:
        meeting.shown_location = location_for(user, meeting)
    return meetings
