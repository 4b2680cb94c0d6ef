"""Workflows on the plan that span more than one model."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participants.roles import is_coordinator

from .models import ActionPlan, Direction, Indicator, IndicatorValue, Measure, Source, StatusUpdate

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from .indicator_csv import Row

STATUS_PERMISSION = "measures.add_statusupdate"


def can_update_status(user: User | AnonymousUser, measure: Measure) -> bool:
    """The coordinator on every measure; group members on the measures of a body where they hold a seat."""
    if is_coordinator(user):
        return True
    return user.has_perm(STATUS_PERMISSION) and Measure.objects.for_user_to_update(user).filter(pk=measure.pk).exists()


@transaction.atomic
def status_update_create(*, measure: Measure, user: User, status: str, note: str, date: datetime.date) -> StatusUpdate:
    """Record a dated status update and move the measure to its status, together or not at all.

    Every path that writes a status update (the measure's page, the minutes) comes through here, so
    this is where the user's right to update the measure is checked: PermissionDenied if not.
    """
    if not can_update_status(user, measure):
        raise PermissionDenied
    if date < measure.plan.first_day:
        raise ValidationError(earliest_date_message(measure.plan), code="before_plan")
    update = StatusUpdate(measure=measure, author=user, status=status, note=note, date=date)
    # The history names the author also when no request is around (commands, imports).
    update._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    update.save()
    # The measure's status is that of its newest update by date, as the timeline shows it: a
    # backdated update goes into the timeline without moving the status past a later one.
    newest = measure.status_updates.order_by("-date", "-created_at").values_list("status", flat=True).first()
    if newest is not None and measure.status != newest:
        measure.status = newest
        measure._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
        measure.save(update_fields=["status", "updated_at"])
    return update


def earliest_date_message(plan: ActionPlan) -> str:
    return _("The date cannot be before the plan period (from %(date)s).") % {
        "date": date_format(plan.first_day, "d.m.Y")
    }


@transaction.atomic
def indicator_values_import(*, plan: ActionPlan, rows: list[Row]) -> int:
    """Write checked CSV rows (see indicator_csv): new indicators are made, each period's value is set
    (a value already there is replaced), and listed measures are linked. All rows or none; returns
    how many values were written."""
    by_name = {indicator.name.lower(): indicator for indicator in plan.indicators.select_for_update()}
    for row in rows:
        indicator = by_name.get(row.indicator.lower())
        if indicator is None:
            indicator = Indicator.objects.create(
                plan=plan,
                name=row.indicator,
                unit=row.unit,
                source=row.source or Source.OTHER,
                good_direction=row.direction or Direction.UP,
                order=len(by_name),
            )
            by_name[row.indicator.lower()] = indicator
        if row.measure_numbers:
            indicator.measures.add(*plan.measures.filter(number__in=row.measure_numbers))
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            year=row.year,
            half=row.half,
            defaults={"value": row.value, "sample_size": row.sample_size},
        )
    return len(rows)
