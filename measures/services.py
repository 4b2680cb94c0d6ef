"""Workflows on the plan that span more than one model."""

from django.db import transaction

from .models import StatusUpdate


@transaction.atomic
def status_update_create(*, measure, user, status, note, date):
    """Record a dated status update and move the measure to its status, together or not at all."""
    update = StatusUpdate.objects.create(measure=measure, author=user, status=status, note=note, date=date)
    if measure.status != status:
        measure.status = status
        measure.save(update_fields=["status", "updated_at"])
    return update
