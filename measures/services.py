"""Workflows on the plan that span more than one model."""

from django.db import transaction

from .models import StatusUpdate


@transaction.atomic
def status_update_create(*, measure, user, status, note, date):
    """Record a dated status update and move the measure to its status, together or not at all."""
    update = StatusUpdate(measure=measure, author=user, status=status, note=note, date=date)
    # The history names the author also when no request is around (commands, imports).
    update._history_user = user
    update.save()
    if measure.status != status:
        measure.status = status
        measure._history_user = user
        measure.save(update_fields=["status", "updated_at"])
    return update
