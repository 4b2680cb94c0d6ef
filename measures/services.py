"""Workflows on the plan that span more than one model."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction

from .models import Measure, StatusUpdate

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def status_update_create(*, measure: Measure, user: User, status: str, note: str, date: datetime.date) -> StatusUpdate:
    """Record a dated status update and move the measure to its status, together or not at all."""
    update = StatusUpdate(measure=measure, author=user, status=status, note=note, date=date)
    # The history names the author also when no request is around (commands, imports).
    update._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
    update.save()
    if measure.status != status:
        measure.status = status
        measure._history_user = user  # type: ignore[attr-defined]  # simple_history's hook, not a declared attribute
        measure.save(update_fields=["status", "updated_at"])
    return update
