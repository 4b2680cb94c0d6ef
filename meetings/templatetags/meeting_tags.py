"""Template tags that let other apps' pages show meeting data without importing the meetings app."""

from django import template
from django.utils import timezone

from meetings.queries import action_items_for_measure
from meetings.wheel import measure_wheel

register = template.Library()


@register.inclusion_tag("meetings/_measure_action_items.html")
def measure_action_items(measure, user):
    """The decisions and action items about a measure that this user may see."""
    return {"action_items": action_items_for_measure(measure, user)}


@register.inclusion_tag("meetings/_measure_wheel.html")
def measure_year_wheel(measure):
    """The measure's own årshjul: its activities of this year, or of the first year that has some."""
    activities = list(measure.activities.all())
    if not activities:
        return {"wheel": None}
    years = sorted({activity.sort_date.year for activity in activities})
    this_year = timezone.localdate().year
    year = this_year if this_year in years else years[0]
    return {"measure": measure, "wheel": measure_wheel(measure, year, activities), "years": years}
