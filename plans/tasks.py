"""A person's own follow-up across the plan and the meetings: Mine oppgaver, the start page, the digest."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Window

from measures.models import Freshness, Measure, Status
from meetings.queries import (
    minutes_awaiting_approval,
    next_meetings_for,
    open_action_items_for,
)
from participants.models import Body

# Classes of a measure's freshness that call for an update from its responsible party.
NEEDS_MY_UPDATE = (Freshness.DUE_SOON, Freshness.LATE, Freshness.STALE)


def measures_to_update(user, plan, today=None, limit=None):
    """Active measures the user answers for (through a body seat or as contact) whose update is due or late:
    all of them, or the `limit` followed up longest ago, each with `total`, how many there are in all."""
    mine = Q(responsible_bodies__in=Body.objects.with_seat_for(user)) | Q(contact__user=user)
    ids = Measure.objects.filter(mine, plan=plan).values("pk")
    measures = (
        Measure.objects.filter(pk__in=ids)
        .with_freshness(plan, today)
        .filter(Q(freshness__in=NEEDS_MY_UPDATE) | Q(status=Status.DELAYED))
        .annotate(total=Window(Count("pk")))
        .order_by("followed_up", "number")
    )
    return list(measures if limit is None else measures[:limit])


def _total(rows):
    return rows[0].total if rows else 0


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
