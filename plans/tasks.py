"""A person's own follow-up across the plan and the meetings: Mine oppgaver, the start page, the digest."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q, Window

from measures.models import Freshness, Measure, Status
from meetings.queries import (
    minutes_awaiting_approval,
    next_meetings_for,
    open_action_items,
    open_action_items_for,
    with_tick_rights,
)
from participants.models import Body

# Classes of a measure's freshness that call for an update from its responsible party.
NEEDS_MY_UPDATE = (Freshness.DUE_SOON, Freshness.LATE, Freshness.STALE)
PAGE_SIZE = 25  # My tasks pages its action items and measures


def measures_to_update_query(user, plan, today=None):
    """Active measures the user answers for (through a body seat or as contact) whose update is due or late,
    followed up longest ago first, as a query (to be paged)."""
    mine = Q(responsible_bodies__in=Body.objects.with_seat_for(user)) | Q(contact__user=user)
    ids = Measure.objects.filter(mine, plan=plan).values("pk")
    return (
        Measure.objects.filter(pk__in=ids)
        .with_freshness(plan, today)
        .filter(Q(freshness__in=NEEDS_MY_UPDATE) | Q(status=Status.DELAYED))
        .order_by("followed_up", "number")
    )


def measures_to_update(user, plan, today=None, limit=None):
    """The measures to update: all of them, or the first `limit`, each with `total`, how many there are in all."""
    measures = measures_to_update_query(user, plan, today).annotate(total=Window(Count("pk")))
    return list(measures if limit is None else measures[:limit])


def _total(rows):
    """How many there are in all, where the rows carry it (a start page's first few); else the rows shown."""
    return getattr(rows[0], "total", len(rows)) if rows else 0


@dataclass
class Tasks:
    action_items: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    approvals: list = field(default_factory=list)
    meetings: list = field(default_factory=list)

    @property
    def to_do(self):
        """Something to act on (coming meetings alone are not)."""
        return bool(self.action_items or self.measures or self.approvals)

    @property
    def more_action_items(self):
        """How many of the user's open action items the list leaves out (the start page shows the first few)."""
        return _total(self.action_items) - len(self.action_items)

    @property
    def more_measures(self):
        return _total(self.measures) - len(self.measures)


def paged_tasks_for(user, plan, *, action_items_page, measures_page):
    """Everything the user should do, the action items and measures PAGE_SIZE at a time:
    (tasks, page of action items, page of measures)."""
    items = Paginator(open_action_items(user), PAGE_SIZE).get_page(action_items_page)
    measures = Paginator(measures_to_update_query(user, plan), PAGE_SIZE).get_page(measures_page)
    tasks = Tasks(
        action_items=with_tick_rights(items.object_list, user),
        measures=list(measures.object_list),
        approvals=minutes_awaiting_approval(user, plan),
        meetings=next_meetings_for(user),
    )
    return tasks, items, measures


def tasks_for(user, plan, today=None, limit=None):
    """Everything the user should do; with `limit`, the first few action items and measures of each list."""
    if plan is None or not user.is_authenticated:
        return Tasks()
    return Tasks(
        action_items=open_action_items_for(user, limit),
        measures=measures_to_update(user, plan, today, limit),
        approvals=minutes_awaiting_approval(user, plan),
        meetings=next_meetings_for(user),
    )
