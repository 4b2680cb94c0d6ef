"""Writing a plan back out as plan-file text, in the format the reader takes."""

from typing import cast

import yaml
from django.db import models

from measures.models import ActionPlan, Measure
from participants.models import Body, Organization

from .reader import FORMAT_VERSION, SEAT_SETTINGS, SERIES_SETTINGS


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _changed_settings(obj: models.Model, fields: dict[str, str]) -> dict[str, object]:
    """The settings that differ from the model's default: a plan that changed none exports as before."""
    changed = {}
    for name, field in fields.items():
        value = getattr(obj, field)
        if value != cast(models.Field, obj._meta.get_field(field)).get_default():
            changed[name] = value
    return changed


def export_plan(plan: ActionPlan) -> str:
    """The plan as plan-file text (YAML)."""
    organizations = Organization.objects.order_by("key")
    bodies = Body.objects.prefetch_related("positions__organization").order_by("order", "key")
    measures = plan.measures.prefetch_related("responsible_bodies", "responsible_organizations", "focus_areas")
    series = plan.meeting_series.prefetch_related("bodies", "standing_items")
    document = {
        "format": FORMAT_VERSION,
        "municipality": plan.municipality,
        "period": plan.period,
        "title": plan.title,
        "adopted_on": plan.adopted_on,
        "adopted_by": plan.adopted_by.key if plan.adopted_by else None,
        "published": plan.published,
        "written_standard": plan.written_standard,
        "chapters": {name: getattr(plan, name) for name in ActionPlan.CHAPTER_FIELDS},
        "goals": [goal.text for goal in plan.goals.all()],
        "focus_areas": [area.text for area in plan.focus_areas.all()],
        "organizations": [{"key": org.key, "name": org.name} for org in organizations],
        "bodies": [
            {
                "key": body.key,
                "name": body.name,
                "name_in_sentence": body.name_in_sentence,
                "level": body.level,
                "mandate": body.mandate,
                "participants_text": body.participants_text,
                "confidential": body.confidential,
                "seats": [
                    {
                        "title": seat.title,
                        "organization": seat.organization.key if seat.organization else None,
                        "secretary": seat.is_secretary,
                        **_changed_settings(seat, SEAT_SETTINGS),
                    }
                    for seat in body.positions.all()
                ],
            }
            for body in bodies
        ],
        "measures": [
            {
                "number": measure.number,
                "title": measure.title,
                "subtitle": measure.subtitle,
                "description": measure.description,
                "responsible": measure.responsible_text,
                "responsible_bodies": sorted(body.key for body in measure.responsible_bodies.all()),
                "responsible_organizations": sorted(org.key for org in measure.responsible_organizations.all()),
                "focus_areas": sorted(area.order for area in measure.focus_areas.all()),
                "status": measure.status,
            }
            for measure in measures
        ],
        "links": [
            {
                "title": link.title,
                "url": link.url,
                "section": link.section,
                # With measure_id set, the measure (selected with the link) is there; the relation's type is optional.
                **({"measure": cast("Measure", link.measure).number} if link.measure_id else {}),
            }
            for link in plan.links.select_related("measure")
        ],
        "meeting_series": [
            {
                "key": item.key,
                "name": item.name,
                "purpose": item.purpose,
                "frequency": item.frequency,
                "rrule": item.rrule,
                "start_time": item.start_time.strftime("%H:%M"),
                "duration_minutes": item.duration_minutes,
                "location": item.location,
                "bodies": sorted(body.key for body in item.bodies.all()),
                "confidential": item.confidential,
                "standing_agenda": [standing.title for standing in item.standing_items.all()],
                **_changed_settings(item, {name: name for name in SERIES_SETTINGS}),
            }
            for item in series
        ],
    }
    return yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
