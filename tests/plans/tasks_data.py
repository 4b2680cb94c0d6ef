"""Data for the tests of a person's tasks: the working group's measures, all delayed."""

import datetime

from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create

# The measures the working group answers for in Gjesdal's plan.
WORKING_GROUP_MEASURES = (1, 2, 6, 8, 11, 12)


def delay_working_group_measures(plan, coordinator, *, days_ago_by_number=False):
    """Each of the working group's measures set to delayed today, or (days_ago_by_number) its number of days
    ago, so the one with the highest number was followed up longest ago."""
    for number in WORKING_GROUP_MEASURES:
        days_ago = number if days_ago_by_number else 0
        status_update_create(
            measure=plan.measures.get(number=number),
            user=coordinator,
            status=Status.DELAYED,
            note="Venter på avklaring",
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
        )
