"""The dashboard's feeds: the coming meetings and the latest changes across the plan.

Each reads a fixed number of queries however much history there is.
"""

import datetime

from django.utils import timezone
from django.utils.text import Truncator

from measures.history import ACTIONS, measure_label, who
from measures.models import ActionPlan, FocusArea, Goal, Link, Measure, StatusUpdate
from meetings.models import Meeting

UPCOMING_DAYS = 30


def upcoming_meetings(plan, days=UPCOMING_DAYS):
    now = timezone.now()
    until = now + datetime.timedelta(days=days)
    return list(
        Meeting.objects.filter(series__plan=plan, starts_at__gte=now, starts_at__lt=until)
        .select_related("series")
        .order_by("starts_at")
    )


def _meeting_label(record):
    series = record.series
    return f"{series.name if series else '–'} {timezone.localtime(record.starts_at):%d.%m.%Y}"


def _sources(plan):
    """(model, historical queryset, label function, measure number function) for everything in the plan."""
    return [
        (ActionPlan, ActionPlan.history.filter(id=plan.pk), lambda r: r.title, None),
        (Goal, Goal.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (FocusArea, FocusArea.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (Link, Link.history.filter(plan_id=plan.pk), lambda r: r.title, None),
        (Measure, Measure.history.filter(plan_id=plan.pk), measure_label, lambda r: r.number),
        (
            StatusUpdate,
            StatusUpdate.history.filter(measure__plan_id=plan.pk).select_related("measure"),
            lambda r: measure_label(r.measure),
            lambda r: r.measure.number if r.measure else None,
        ),
        (Meeting, Meeting.history.filter(series__plan_id=plan.pk).select_related("series"), _meeting_label, None),
    ]


def recent_changes(plan, limit=10):
    """The latest changes across the plan, its measures, status updates and meetings: who, when, what."""
    entries = []
    for model, records, label, measure_number in _sources(plan):
        for record in records.select_related("history_user").order_by("-history_date")[:limit]:
            entries.append(
                {
                    "when": record.history_date,
                    "who": who(record),
                    "kind": model._meta.verbose_name,
                    "label": label(record),
                    "action": ACTIONS.get(record.history_type, ""),
                    "measure_number": measure_number(record) if measure_number else None,
                }
            )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]
