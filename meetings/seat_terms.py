"""Changing who holds a seat: a new term ends the open term before it, and terms never overlap."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participants.models import SeatTerm


@transaction.atomic
def seat_term_add(*, term: SeatTerm) -> SeatTerm:
    """Save a new term; an open-ended term of the seat that started before it ends the day before it starts."""
    if term.starts_on is not None:
        SeatTerm.objects.filter(
            position_id=term.position_id, ends_on__isnull=True, starts_on__lt=term.starts_on
        ).update(ends_on=term.starts_on - datetime.timedelta(days=1))
        for earlier in SeatTerm.objects.filter(
            position_id=term.position_id, ends_on__isnull=True, starts_on__isnull=True
        ):
            earlier.ends_on = term.starts_on - datetime.timedelta(days=1)
            earlier.save()
    if term.overlapping().exists():
        raise ValidationError(_("The seat is already held by someone else in part of this period."))
    term.save()
    return term
