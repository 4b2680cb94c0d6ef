"""Template tags that let other apps' pages show meeting data without importing the meetings app."""

from django import template

from meetings.queries import action_items_for_measure

register = template.Library()


@register.inclusion_tag("meetings/_measure_action_items.html")
def measure_action_items(measure, user):
    """The decisions and action items about a measure that this user may see."""
    return {"action_items": action_items_for_measure(measure, user)}
