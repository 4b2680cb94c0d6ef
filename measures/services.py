"""Workflows on the plan that span more than one model."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction

from participants.roles import is_coordinator

from .models import Measure, StatusUpdate

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

STATUS_PERMISSION = "measures.add_statusupdate"


def can_update_status(user: User | AnonymousUser, measure: Measure) -> bool:
    """The coordinator on every measure; group members on the measures of a body where they hold a seat."""
    if is_coordinator(user):
        return True
    return (
        user.has_perm(STATUS_PERMISSION) and Measure.objects.for_user_to_update(user).filter(pk=measure.pk).exists()  # type: ignore[attr-defined]
    )


@transaction.atomic
def status_update_create(*, measure: Measure, user: User, status: str, note: str, date: datetime.date) -> StatusUpdate:
    """Record a dated status update and move the measure to its status, together or not at all.

    Every path that writes a status update (the measure's page, the minutes) comes through here, so
    this is where the user's right to update the measure is checked: PermissionDenied if not.
    """
    if not can_update_status(user, measure):
        raise PermissionDenied
    update = StatusUpdate(measure=measure, author=user, status=status, note=note, date=date)
    # The history names the author also when no request is around (commands, imports).
    update._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    update.save()
    if measure.status != status:
        measure.status = status
        measure._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
        measure.save(update_fields=["status", "updated_at"])
    return update
