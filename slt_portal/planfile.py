"""The plan file: one human-editable YAML file per plan, read and written here.

`read_plan_file` validates and normalises a file; `import_plan` writes it in one
transaction, touching only what differs (importing the same file twice changes
nothing, not even the history); `export_plan` writes the same format back, so that
export, import into an empty database and export give identical bytes. The format is
documented in plans/FORMAT.md.
"""

import datetime
import re

import yaml
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from measures.models import ActionPlan, FocusArea, Goal, Link, LinkSection, Measure, Status
from meetings.models import MeetingSeries, StandingAgendaItem
from participants.models import Body, Level, Organization, Position

FORMAT_VERSION = 1
CHAPTERS = ActionPlan.CHAPTER_FIELDS
TOP_LEVEL = [
    "format",
    "municipality",
    "period",
    "title",
    "adopted_on",
    "adopted_by",
    "published",
    "chapters",
    "goals",
    "focus_areas",
    "organizations",
    "bodies",
    "measures",
    "links",
    "meeting_series",
]
BODY_FIELDS = ["key", "name", "level", "mandate", "participants_text", "confidential", "seats"]
MEASURE_FIELDS = [
    "number",
    "title",
    "subtitle",
    "description",
    "responsible",
    "responsible_bodies",
    "responsible_organizations",
    "focus_areas",
    "status",
]
SERIES_FIELDS = [
    "key",
    "name",
    "purpose",
    "frequency",
    "rrule",
    "start_time",
    "duration_minutes",
    "location",
    "bodies",
    "confidential",
    "standing_agenda",
]
PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})$")
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class PlanFileError(Exception):
    """The file is refused; `errors` lists every problem found, each naming its place."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


# Reading ------------------------------------------------------------------------------


def _line_index(node, path="", index=None):
    """Map each path in the document ("measures[3].status") to its line number."""
    index = {} if index is None else index
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = f"{path}.{key_node.value}" if path else str(key_node.value)
            _line_index(value_node, child, index)
            index.setdefault(child, key_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _line_index(item, f"{path}[{position}]", index)
    return index


class _Reader:
    """Checks a parsed document field by field, collecting errors with their place."""

    def __init__(self, lines):
        self.lines = lines
        self.errors = []

    def error(self, path, message):
        line = self.lines.get(path)
        if line is None:
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            line = self.lines.get(parent)
        where = _("line %(line)s") % {"line": line} if line else _("top level")
        place = path or _("file")
        self.errors.append(f"{place} ({where}): {message}")

    def mapping(self, data, path, allowed=None):
        if not isinstance(data, dict):
            self.error(path, _("must be a mapping of fields"))
            return {}
        for field in data:
            if allowed is not None and field not in allowed:
                where = f"{path}.{field}" if path else str(field)
                self.error(where, _("unknown field; allowed: %(allowed)s") % {"allowed": ", ".join(allowed)})
        return data

    def items(self, data, field, path, required=False):
        value = data.get(field)
        where = f"{path}.{field}" if path else field
        if value is None:
            if required:
                self.error(where, _("is missing"))
            return []
        if not isinstance(value, list):
            self.error(where, _("must be a list"))
            return []
        return [(f"{where}[{position}]", item) for position, item in enumerate(value)]

    def text(self, data, field, path, required=False, max_length=None):
        where = f"{path}.{field}" if path else field
        value = data.get(field)
        if value is None or value == "":
            if required:
                self.error(where, _("is missing"))
            return ""
        if not isinstance(value, str):
            self.error(where, _("must be text, not %(type)s") % {"type": _type_name(value)})
            return ""
        value = value.strip()
        if required and not value:
            self.error(where, _("is missing"))
        if max_length and len(value) > max_length:
            self.error(where, _("is longer than %(max)s characters") % {"max": max_length})
        return value

    def key(self, data, field, path):
        value = self.text(data, field, path, required=True, max_length=60)
        if value and not KEY_RE.match(value):
            self.error(f"{path}.{field}", _("«%(value)s» is not a key (a-z, 0-9 and -)") % {"value": value})
        return value

    def boolean(self, data, field, path, default=False):
        value = data.get(field, default)
        if not isinstance(value, bool):
            self.error(f"{path}.{field}" if path else field, _("must be true or false"))
            return default
        return value

    def integer(self, data, field, path, default=None, minimum=1):
        value = data.get(field, default)
        where = f"{path}.{field}" if path else field
        if value is None:
            self.error(where, _("is missing"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, _("must be a whole number, not %(type)s") % {"type": _type_name(value)})
            return None
        if value < minimum or value > 32767:
            self.error(where, _("must be between %(min)s and 32767") % {"min": minimum})
            return None
        return value

    def choice(self, data, field, path, choices, default=None):
        value = data.get(field, default)
        where = f"{path}.{field}" if path else field
        if value is None:
            self.error(where, _("is missing"))
            return None
        if value not in choices.values:
            self.error(
                where,
                _("unknown value «%(value)s»; allowed: %(allowed)s")
                % {"value": value, "allowed": ", ".join(choices.values)},
            )
            return None
        return value

    def reference(self, value, path, known, what):
        if not isinstance(value, (str, int)) or isinstance(value, bool) or value not in known:
            self.error(path, _("unknown %(what)s «%(value)s»") % {"what": what, "value": value})
            return None
        return value

    def references(self, data, field, path, known, what):
        found = []
        for item_path, value in self.items(data, field, path):
            if self.reference(value, item_path, known, what) is not None:
                found.append(value)
        return found

    def unique(self, value, path, seen, what):
        if value in seen:
            self.error(path, _("%(what)s «%(value)s» appears more than once") % {"what": what, "value": value})
        seen.add(value)


def _type_name(value):
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, datetime.date):
        return _("a date")
    return type(value).__name__


def read_plan_file(text):
    """Parse and validate a plan file; returns a normalised dict or raises PlanFileError."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _("line %(line)s") % {"line": mark.line + 1} if mark else _("unknown place")
        problem = getattr(exc, "problem", None) or str(exc)
        raise PlanFileError(
            [_("The file is not valid YAML (%(where)s): %(problem)s") % {"where": where, "problem": problem}]
        ) from exc
    if node is None:
        raise PlanFileError([_("The file is empty.")])
    reader = _Reader(_line_index(node))
    data = reader.mapping(data, "", TOP_LEVEL)
    plan = _read_plan(reader, data)
    if reader.errors:
        raise PlanFileError(reader.errors)
    return plan


def _read_plan(r, data):
    if data.get("format") != FORMAT_VERSION:
        r.error("format", _("must be %(version)s") % {"version": FORMAT_VERSION})
    plan = {
        "municipality": r.text(data, "municipality", "", required=True, max_length=100),
        "title": r.text(data, "title", "", required=True, max_length=200),
        "published": r.boolean(data, "published", ""),
    }
    period = data.get("period")
    match = PERIOD_RE.match(period) if isinstance(period, str) else None
    if not match or int(match.group(1)) > int(match.group(2)):
        r.error("period", _("must be two years like 2026-2027, the first not after the second"))
        plan["period_start"] = plan["period_end"] = None
    else:
        plan["period_start"], plan["period_end"] = int(match.group(1)), int(match.group(2))
    adopted_on = data.get("adopted_on")
    if adopted_on is not None and (
        not isinstance(adopted_on, datetime.date) or isinstance(adopted_on, datetime.datetime)
    ):
        r.error("adopted_on", _("must be a date like 2026-02-19"))
        adopted_on = None
    plan["adopted_on"] = adopted_on

    chapters = r.mapping(data.get("chapters") or {}, "chapters")
    for name in chapters:
        if name not in CHAPTERS:
            r.error(f"chapters.{name}", _("unknown chapter; allowed: %(allowed)s") % {"allowed": ", ".join(CHAPTERS)})
    plan["chapters"] = {name: r.text(chapters, name, "chapters") for name in CHAPTERS}

    plan["goals"] = [_list_text(r, path, value) for path, value in r.items(data, "goals", "")]
    plan["focus_areas"] = [_list_text(r, path, value) for path, value in r.items(data, "focus_areas", "")]

    plan["organizations"], seen = [], set()
    for path, item in r.items(data, "organizations", ""):
        item = r.mapping(item, path, ["key", "name"])
        key = r.key(item, "key", path)
        r.unique(key, f"{path}.key", seen, _("organization"))
        plan["organizations"].append({"key": key, "name": r.text(item, "name", path, required=True, max_length=200)})
    organizations = {org["key"] for org in plan["organizations"]} | set(
        Organization.objects.values_list("key", flat=True)
    )

    plan["bodies"], seen = [], set()
    for path, item in r.items(data, "bodies", "", required=True):
        item = r.mapping(item, path, BODY_FIELDS)
        key = r.key(item, "key", path)
        r.unique(key, f"{path}.key", seen, _("body"))
        body = {
            "key": key,
            "name": r.text(item, "name", path, required=True, max_length=200),
            "level": r.choice(item, "level", path, Level),
            "mandate": r.text(item, "mandate", path),
            "participants_text": r.text(item, "participants_text", path),
            "confidential": r.boolean(item, "confidential", path),
            "seats": [],
        }
        titles, secretaries = set(), 0
        for seat_path, seat in r.items(item, "seats", path):
            seat = r.mapping(seat, seat_path, ["title", "organization", "secretary"])
            title = r.text(seat, "title", seat_path, required=True, max_length=200)
            r.unique(title, f"{seat_path}.title", titles, _("seat"))
            organization = seat.get("organization")
            if organization is not None:
                organization = r.reference(organization, f"{seat_path}.organization", organizations, _("organization"))
            secretary = r.boolean(seat, "secretary", seat_path)
            secretaries += secretary
            if secretaries > 1 and secretary:
                r.error(f"{seat_path}.secretary", _("a body has at most one secretary"))
            body["seats"].append({"title": title, "organization": organization, "secretary": secretary})
        plan["bodies"].append(body)
    bodies = {body["key"] for body in plan["bodies"]} | set(Body.objects.values_list("key", flat=True))

    adopted_by = data.get("adopted_by")
    plan["adopted_by"] = r.reference(adopted_by, "adopted_by", bodies, _("body")) if adopted_by else None

    plan["measures"], numbers = [], set()
    for path, item in r.items(data, "measures", "", required=True):
        item = r.mapping(item, path, MEASURE_FIELDS)
        number = r.integer(item, "number", path)
        if number is not None:
            r.unique(number, f"{path}.number", numbers, _("measure number"))
        focus_areas = []
        for area_path, area in r.items(item, "focus_areas", path):
            if isinstance(area, bool) or not isinstance(area, int) or not 1 <= area <= len(plan["focus_areas"]):
                r.error(
                    area_path, _("must be the number of a focus area, 1 to %(max)s") % {"max": len(plan["focus_areas"])}
                )
            else:
                focus_areas.append(area)
        plan["measures"].append(
            {
                "number": number,
                "title": r.text(item, "title", path, required=True, max_length=200),
                "subtitle": r.text(item, "subtitle", path, max_length=200),
                "description": r.text(item, "description", path, required=True),
                "responsible": r.text(item, "responsible", path, required=True, max_length=300),
                "responsible_bodies": r.references(item, "responsible_bodies", path, bodies, _("body")),
                "responsible_organizations": r.references(
                    item, "responsible_organizations", path, organizations, _("organization")
                ),
                "focus_areas": focus_areas,
                "status": r.choice(item, "status", path, Status, default=Status.PLANNED),
            }
        )

    plan["links"] = []
    url_validator = URLValidator(schemes=["http", "https"])
    for path, item in r.items(data, "links", ""):
        item = r.mapping(item, path, ["title", "url", "section", "measure"])
        url = r.text(item, "url", path, required=True, max_length=500)
        try:
            url and url_validator(url)
        except ValidationError:
            r.error(f"{path}.url", _("«%(value)s» is not a web address") % {"value": url})
        section = r.choice(item, "section", path, LinkSection)
        measure = item.get("measure")
        if section == LinkSection.MEASURE:
            if not isinstance(measure, int) or measure not in numbers:
                r.error(f"{path}.measure", _("must be the number of a measure in this file"))
        elif measure is not None:
            r.error(f"{path}.measure", _("only links in the section «measure» belong to a measure"))
        plan["links"].append(
            {
                "title": r.text(item, "title", path, required=True, max_length=300),
                "url": url,
                "section": section,
                "measure": measure if section == LinkSection.MEASURE else None,
            }
        )

    plan["meeting_series"], seen = [], set()
    for path, item in r.items(data, "meeting_series", ""):
        item = r.mapping(item, path, SERIES_FIELDS)
        key = r.key(item, "key", path)
        r.unique(key, f"{path}.key", seen, _("meeting series"))
        rule = r.text(item, "rrule", path, required=True, max_length=300)
        if rule:
            try:
                if "DTSTART" in rule.upper() or not rule.upper().startswith("FREQ="):
                    raise ValueError(rule)
                rrulestr(rule, dtstart=datetime.datetime(2000, 1, 1))
            except (ValueError, TypeError):
                r.error(
                    f"{path}.rrule",
                    _("«%(value)s» is not an RFC 5545 rule like FREQ=WEEKLY;BYDAY=MO") % {"value": rule},
                )
        start_time = item.get("start_time", "09:00")
        time_match = TIME_RE.match(start_time) if isinstance(start_time, str) else None
        if not time_match:
            r.error(f"{path}.start_time", _("must be a time like 14:00"))
        plan["meeting_series"].append(
            {
                "key": key,
                "name": r.text(item, "name", path, required=True, max_length=200),
                "purpose": r.text(item, "purpose", path, required=True),
                "frequency": r.text(item, "frequency", path, required=True, max_length=100),
                "rrule": rule,
                "start_time": datetime.time(int(time_match.group(1)), int(time_match.group(2))) if time_match else None,
                "duration_minutes": r.integer(item, "duration_minutes", path, default=90),
                "location": r.text(item, "location", path, max_length=200),
                "bodies": r.references(item, "bodies", path, bodies, _("body")),
                "confidential": r.boolean(item, "confidential", path),
                "standing_agenda": [_list_text(r, p, v, 300) for p, v in r.items(item, "standing_agenda", path)],
            }
        )
    return plan


def _list_text(r, path, value, max_length=None):
    if not isinstance(value, str) or not value.strip():
        r.error(path, _("must be text"))
        return ""
    if max_length and len(value.strip()) > max_length:
        r.error(path, _("is longer than %(max)s characters") % {"max": max_length})
    return value.strip()


# Importing ----------------------------------------------------------------------------


def _upsert(model, lookup, values):
    """Create, or update only the fields that differ, so an unchanged row is not saved."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj


def _set_m2m(manager, objects):
    if set(manager.all()) != set(objects):
        manager.set(objects)


def _sync_ordered(queryset, model, parent, texts, field):
    for order, text in enumerate(texts, start=1):
        _upsert(model, {**parent, "order": order}, {field: text})
    queryset.filter(order__gt=len(texts)).delete()


@transaction.atomic
def import_plan(*, data):
    """Write a validated plan (from `read_plan_file`); returns the ActionPlan."""
    organizations = {
        org["key"]: _upsert(Organization, {"key": org["key"]}, {"name": org["name"]}) for org in data["organizations"]
    }
    organizations.update({org.key: org for org in Organization.objects.exclude(key__in=organizations)})

    bodies = {}
    for order, body in enumerate(data["bodies"], start=1):
        values = {key: body[key] for key in ("name", "level", "mandate", "participants_text", "confidential")}
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
                    "order": seat_order,
                },
            )
    bodies.update({body.key: body for body in Body.objects.exclude(key__in=bodies)})

    plan = _upsert(
        ActionPlan,
        {"municipality": data["municipality"], "period_start": data["period_start"], "period_end": data["period_end"]},
        {
            "title": data["title"],
            "adopted_on": data["adopted_on"],
            "adopted_by": bodies.get(data["adopted_by"]),
            "published": data["published"],
            **data["chapters"],
        },
    )
    _sync_ordered(plan.goals, Goal, {"plan": plan}, data["goals"], "text")
    _sync_ordered(plan.focus_areas, FocusArea, {"plan": plan}, data["focus_areas"], "text")
    focus_areas = {area.order: area for area in plan.focus_areas.all()}

    measures = {}
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
        fields = ("name", "purpose", "frequency", "rrule", "start_time", "duration_minutes", "location", "confidential")
        obj = _upsert(
            MeetingSeries,
            {"plan": plan, "key": series["key"]},
            {**{field: series[field] for field in fields}, "order": order},
        )
        _set_m2m(obj.bodies, [bodies[key] for key in series["bodies"]])
        _sync_ordered(obj.standing_items, StandingAgendaItem, {"series": obj}, series["standing_agenda"], "title")
    return plan


# Exporting ----------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def export_plan(plan):
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
        "chapters": {name: getattr(plan, name) for name in CHAPTERS},
        "goals": [goal.text for goal in plan.goals.all()],
        "focus_areas": [area.text for area in plan.focus_areas.all()],
        "organizations": [{"key": org.key, "name": org.name} for org in organizations],
        "bodies": [
            {
                "key": body.key,
                "name": body.name,
                "level": body.level,
                "mandate": body.mandate,
                "participants_text": body.participants_text,
                "confidential": body.confidential,
                "seats": [
                    {
                        "title": seat.title,
                        "organization": seat.organization.key if seat.organization else None,
                        "secretary": seat.is_secretary,
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
                **({"measure": link.measure.number} if link.measure_id else {}),
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
            }
            for item in series
        ],
    }
    return yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
