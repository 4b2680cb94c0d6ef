"""Read-only helpers other pages may use (the measure page includes the action items of a measure)."""

from .access import can_see_content
from .models import ActionItem


def action_items_for_measure(measure, user):
    """Decisions and action items linked to the measure that the user may see, oldest meeting first."""
    items = (
        ActionItem.objects.filter(measure=measure)
        .select_related("meeting__series", "responsible_person", "responsible_body")
        .prefetch_related("meeting__series__bodies")
        .order_by("meeting__starts_at", "id")
    )
    return [item for item in items if can_see_content(user, item.meeting.series)]
