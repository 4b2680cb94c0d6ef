"""Writing a validated plan file into the database, touching only what differs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models, transaction

from measures.models import ActionPlan, FocusArea, Goal, Link, Measure
from meetings.models import MeetingSeries, StandingAgendaItem
from participants.models import Body, Organization, Position

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

    from .reader import PlanData

_M = TypeVar("_M", bound=models.Model)


def _upsert(model: type[_M], lookup: Mapping[str, object], values: Mapping[str, object]) -> _M:
    """Create, or update only the fields that differ, so an unchanged row is not saved."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj


def _set_m2m(manager: ManyRelatedManager[_M, Any], objects: Sequence[_M]) -> None:
    if set(manager.all()) != set(objects):
        manager.set(objects)


def _sync_ordered(
    queryset: models.Manager[_M], model: type[_M], parent: Mapping[str, models.Model], texts: Sequence[str], field: str
) -> None:
    for order, text in enumerate(texts, start=1):
        _upsert(model, {**parent, "order": order}, {field: text})
    queryset.filter(order__gt=len(texts)).delete()


@transaction.atomic
def import_plan(*, data: PlanData) -> ActionPlan:
    """Write a validated plan (from `read_plan_file`); returns the ActionPlan."""
    # Looked up with the file's optional references too: a missing one (None) finds nothing.
    organizations: dict[str | None, Organization] = {
        org["key"]: _upsert(Organization, {"key": org["key"]}, {"name": org["name"]}) for org in data["organizations"]
    }
    organizations.update({org.key: org for org in Organization.objects.exclude(key__in=organizations)})

    obj: Body | Measure | MeetingSeries  # the row each loop below writes
    bodies: dict[str | None, Body] = {}
    for order, body in enumerate(data["bodies"], start=1):
        values = {
            "name": body["name"],
            "name_in_sentence": body["name_in_sentence"],
            "level": body["level"],
            "mandate": body["mandate"],
            "participants_text": body["participants_text"],
            "confidential": body["confidential"],
        }
        obj = bodies[body["key"]] = _upsert(Body, {"key": body["key"]}, {**values, "order": order})
        # Renamed seats go first, so that a new order never collides with an old row.
        obj.positions.exclude(title__in=[seat["title"] for seat in body["seats"]]).delete()
        for seat_order, seat in enumerate(body["seats"], start=1):
            _upsert(
                Position,
                {"body": obj, "title": seat["title"]},
                {
                    "organization": organizations.get(seat["organization"]),
                    "is_secretary": seat["secretary"],
                    **seat["settings"],
                    "order": seat_order,
                },
            )
    bodies.update({body.key: body for body in Body.objects.exclude(key__in=bodies)})

    lookup = {
        "municipality": data["municipality"],
        "period_start": data["period_start"],
        "period_end": data["period_end"],
    }
    plan_values: dict[str, object] = {
        "title": data["title"],
        "published": data["published"],
        "written_standard": data["written_standard"],
        **data["chapters"],
    }
    # Once a version is adopted, the plan's adoption is its latest version's: a file does not move it.
    if not ActionPlan.objects.filter(**lookup, versions__isnull=False).exists():
        plan_values["adopted_on"] = data["adopted_on"]
        plan_values["adopted_by"] = bodies.get(data["adopted_by"])
    plan = _upsert(ActionPlan, lookup, plan_values)
    _sync_ordered(plan.goals, Goal, {"plan": plan}, data["goals"], "text")
    _sync_ordered(plan.focus_areas, FocusArea, {"plan": plan}, data["focus_areas"], "text")
    focus_areas = {area.order: area for area in plan.focus_areas.all()}

    measures: dict[int | None, Measure] = {}
    plan.measures.exclude(number__in=[m["number"] for m in data["measures"]]).delete()
    for measure in data["measures"]:
        obj = measures[measure["number"]] = _upsert(
            Measure,
            {"plan": plan, "number": measure["number"]},
            {
                "title": measure["title"],
                "subtitle": measure["subtitle"],
                "description": measure["description"],
                "responsible_text": measure["responsible"],
                "status": measure["status"],
            },
        )
        _set_m2m(obj.responsible_bodies, [bodies[key] for key in measure["responsible_bodies"]])
        _set_m2m(obj.responsible_organizations, [organizations[key] for key in measure["responsible_organizations"]])
        _set_m2m(obj.focus_areas, [focus_areas[number] for number in measure["focus_areas"]])

    for order, link in enumerate(data["links"], start=1):
        _upsert(
            Link,
            {"plan": plan, "order": order},
            {
                "title": link["title"],
                "url": link["url"],
                "section": link["section"],
                "measure": measures.get(link["measure"]),
            },
        )
    plan.links.filter(order__gt=len(data["links"])).delete()

    plan.meeting_series.exclude(key__in=[series["key"] for series in data["meeting_series"]]).delete()
    for order, series in enumerate(data["meeting_series"], start=1):
        obj = _upsert(
            MeetingSeries,
            {"plan": plan, "key": series["key"]},
            {
                "name": series["name"],
                "purpose": series["purpose"],
                "frequency": series["frequency"],
                "rrule": series["rrule"],
                "start_time": series["start_time"],
                "duration_minutes": series["duration_minutes"],
                "location": series["location"],
                "confidential": series["confidential"],
                "order": order,
                **series["settings"],
            },
        )
        _set_m2m(obj.bodies, [bodies[key] for key in series["bodies"]])
        _sync_ordered(obj.standing_items, StandingAgendaItem, {"series": obj}, series["standing_agenda"], "title")
    return plan
