"""Reading a plan file: parse, validate and normalise, or refuse the whole file."""

from __future__ import annotations

import datetime
import re
from typing import TypedDict

import yaml
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from measures.models import ActionPlan, Link, LinkSection, Measure, Status, parse_period
from meetings.models import MeetingSeries, MinutesApproval, StandingAgendaItem
from participants.models import Body, Level, Organization, Position, WrittenStandard

from .checks import FieldChecker, Loader, PlanFileError, YamlMapping, line_index, max_length

FORMAT_VERSION = 1
TOP_LEVEL = [
    "format",
    "municipality",
    "period",
    "title",
    "adopted_on",
    "adopted_by",
    "published",
    "written_standard",
    "chapters",
    "goals",
    "focus_areas",
    "organizations",
    "bodies",
    "measures",
    "links",
    "meeting_series",
]
BODY_FIELDS = ["key", "name", "name_in_sentence", "level", "mandate", "participants_text", "confidential", "seats"]
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
# The seat's and the series' settings kept in the portal (who chairs and approves; pauses, notice and
# approval of minutes): optional in the file, by field name in the file and on the model.
SEAT_SETTINGS = {"chair": "is_chair", "approves_minutes": "approves_minutes"}
SERIES_SETTINGS = ["pause_summer", "pause_christmas", "notice_days", "minutes_approval"]
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
    *SERIES_SETTINGS,
]
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


# What read_plan_file returns. A value is None only where an error was recorded, and then the
# whole file is refused: a returned plan holds None only where the format allows it.


class OrganizationData(TypedDict):
    key: str
    name: str


class SeatData(TypedDict):
    title: str
    organization: str | None
    secretary: bool
    # Set only where the file names them: a file without them leaves what the portal holds alone.
    settings: dict[str, bool]


class BodyData(TypedDict):
    key: str
    name: str
    name_in_sentence: str
    level: str | None
    mandate: str
    participants_text: str
    confidential: bool
    seats: list[SeatData]


class MeasureData(TypedDict):
    number: int | None
    title: str
    subtitle: str
    description: str
    responsible: str
    responsible_bodies: list[str]
    responsible_organizations: list[str]
    focus_areas: list[int]
    status: str | None


class LinkData(TypedDict):
    title: str
    url: str
    section: str | None
    measure: int | None


class SeriesData(TypedDict):
    key: str
    name: str
    purpose: str
    frequency: str
    rrule: str
    start_time: datetime.time | None
    duration_minutes: int | None
    location: str
    bodies: list[str]
    confidential: bool
    standing_agenda: list[str]
    # Set only where the file names them: a file without them leaves what the portal holds alone.
    settings: dict[str, object]


class PlanData(TypedDict, total=False):
    """The whole plan; built up key by key, a plan read_plan_file returns has every key."""

    municipality: str
    title: str
    published: bool
    written_standard: str
    period_start: int | None
    period_end: int | None
    adopted_on: datetime.date | None
    adopted_by: str | None
    chapters: dict[str, str]
    goals: list[str]
    focus_areas: list[str]
    organizations: list[OrganizationData]
    bodies: list[BodyData]
    measures: list[MeasureData]
    links: list[LinkData]
    meeting_series: list[SeriesData]


# A plan file is a few hundred lines, a handful of levels deep, and never needs YAML's anchors
# and aliases: these limits keep a crafted file from exhausting memory or the stack.
MAX_FILE_CHARACTERS = 2_000_000
MAX_DEPTH = 20


def _refuse_unsafe_structure(text: str) -> None:
    """PlanFileError for a file too large, too deep, or with anchors or aliases, before it is built."""
    if len(text) > MAX_FILE_CHARACTERS:
        raise PlanFileError([_("The file is larger than %(max)s characters.") % {"max": MAX_FILE_CHARACTERS}])
    try:
        _refuse_anchors_and_depth(text)
    except yaml.YAMLError as exc:
        if "nesting depth" not in str(exc):
            raise
        # libyaml stops at its own depth limit, far deeper than the plan file's.
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PlanFileError(
            [_("line %(line)s: nested deeper than %(max)s levels") % {"line": line, "max": MAX_DEPTH}]
        ) from exc


def _refuse_anchors_and_depth(text: str) -> None:
    depth = 0
    # The event stream is read without recursion, so a deep file is refused without a stack overflow.
    for event in yaml.parse(text, Loader=Loader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise PlanFileError(
                [_("line %(line)s: YAML anchors and aliases (& and *) are not allowed in a plan file") % {"line": line}]
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise PlanFileError(
                    [_("line %(line)s: nested deeper than %(max)s levels") % {"line": line, "max": MAX_DEPTH}]
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def read_plan_file(text: str) -> PlanData:
    """Parse and validate a plan file; returns a normalised dict or raises PlanFileError."""
    try:
        _refuse_unsafe_structure(text)
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _("line %(line)s") % {"line": mark.line + 1} if mark else _("unknown place")
        problem = getattr(exc, "problem", None) or str(exc)
        raise PlanFileError(
            [_("The file is not valid YAML (%(where)s): %(problem)s") % {"where": where, "problem": problem}]
        ) from exc
    if node is None:
        raise PlanFileError([_("The file is empty.")])
    checker = FieldChecker(line_index(node))
    data = checker.mapping(data, "", TOP_LEVEL)
    plan = _read_header(checker, data)
    plan["organizations"] = _read_organizations(checker, data)
    organizations = {org["key"] for org in plan["organizations"]} | set(
        Organization.objects.values_list("key", flat=True)
    )
    plan["bodies"] = _read_bodies(checker, data, organizations)
    bodies = {body["key"] for body in plan["bodies"]} | set(Body.objects.values_list("key", flat=True))
    adopted_by = data.get("adopted_by")
    plan["adopted_by"] = checker.reference(adopted_by, "adopted_by", bodies, _("body")) if adopted_by else None
    plan["measures"] = _read_measures(checker, data, bodies, organizations, len(plan["focus_areas"]))
    numbers = {measure["number"] for measure in plan["measures"]}
    plan["links"] = _read_links(checker, data, numbers)
    plan["meeting_series"] = _read_series(checker, data, bodies)
    if checker.errors:
        raise PlanFileError(checker.errors)
    return plan


def _read_header(r: FieldChecker, data: YamlMapping) -> PlanData:
    """The plan's own fields, chapters, goals and focus areas."""
    if data.get("format") != FORMAT_VERSION:
        r.error("format", _("must be %(version)s") % {"version": FORMAT_VERSION})
    plan: PlanData = {
        "municipality": r.text(
            data, "municipality", "", required=True, max_length=max_length(ActionPlan, "municipality")
        ),
        "title": r.text(data, "title", "", required=True, max_length=max_length(ActionPlan, "title")),
        "published": r.boolean(data, "published", ""),
        "written_standard": r.choice(data, "written_standard", "", WrittenStandard, default=WrittenStandard.BOKMAL)
        or WrittenStandard.BOKMAL,
    }
    period = parse_period(data.get("period"))
    if period is None:
        r.error("period", _("must be two years like 2026-2027, the first not after the second"))
        period = (None, None)
    plan["period_start"], plan["period_end"] = period
    adopted_on = data.get("adopted_on")
    if adopted_on is not None and (
        not isinstance(adopted_on, datetime.date) or isinstance(adopted_on, datetime.datetime)
    ):
        r.error("adopted_on", _("must be a date like 2026-02-19"))
        adopted_on = None
    plan["adopted_on"] = adopted_on

    chapters = r.mapping(data.get("chapters") or {}, "chapters")
    names = ActionPlan.CHAPTER_FIELDS
    for name in chapters:
        if name not in names:
            r.error(f"chapters.{name}", _("unknown chapter; allowed: %(allowed)s") % {"allowed": ", ".join(names)})
    plan["chapters"] = {
        name: r.text(chapters, name, "chapters", max_length=max_length(ActionPlan, name)) for name in names
    }
    plan["goals"] = [r.list_text(path, value) for path, value in r.items(data, "goals", "")]
    plan["focus_areas"] = [r.list_text(path, value) for path, value in r.items(data, "focus_areas", "")]
    return plan


def _read_organizations(r: FieldChecker, data: YamlMapping) -> list[OrganizationData]:
    organizations: list[OrganizationData] = []
    seen: set[str] = set()
    for path, item in r.items(data, "organizations", ""):
        item = r.mapping(item, path, ["key", "name"])
        key = r.key(item, "key", path, max_length(Organization, "key"))
        r.unique(key, f"{path}.key", seen, _("organization"))
        name = r.text(item, "name", path, required=True, max_length=max_length(Organization, "name"))
        organizations.append({"key": key, "name": name})
    return organizations


def _read_bodies(r: FieldChecker, data: YamlMapping, organizations: set[str]) -> list[BodyData]:
    bodies: list[BodyData] = []
    seen: set[str] = set()
    for path, item in r.items(data, "bodies", "", required=True):
        item = r.mapping(item, path, BODY_FIELDS)
        key = r.key(item, "key", path, max_length(Body, "key"))
        r.unique(key, f"{path}.key", seen, _("body"))
        body: BodyData = {
            "key": key,
            "name": r.text(item, "name", path, required=True, max_length=max_length(Body, "name")),
            "name_in_sentence": r.text(item, "name_in_sentence", path, max_length=max_length(Body, "name_in_sentence")),
            "level": r.choice(item, "level", path, Level),
            "mandate": r.text(item, "mandate", path),
            "participants_text": r.text(item, "participants_text", path),
            "confidential": r.boolean(item, "confidential", path),
            "seats": [],
        }
        titles: set[str] = set()
        secretaries = chairs = 0
        for seat_path, seat in r.items(item, "seats", path):
            seat = r.mapping(seat, seat_path, ["title", "organization", "secretary", *SEAT_SETTINGS])
            title = r.text(seat, "title", seat_path, required=True, max_length=max_length(Position, "title"))
            r.unique(title, f"{seat_path}.title", titles, _("seat"))
            organization = seat.get("organization")
            if organization is not None:
                organization = r.reference(organization, f"{seat_path}.organization", organizations, _("organization"))
            secretary = r.boolean(seat, "secretary", seat_path)
            secretaries += secretary
            if secretaries > 1 and secretary:
                r.error(f"{seat_path}.secretary", _("a body has at most one secretary"))
            settings = {
                field: r.boolean(seat, name, seat_path) for name, field in SEAT_SETTINGS.items() if name in seat
            }
            chairs += settings.get("is_chair", False)
            if chairs > 1 and settings.get("is_chair"):
                r.error(f"{seat_path}.chair", _("a body has at most one chair"))
            body["seats"].append(
                {"title": title, "organization": organization, "secretary": secretary, "settings": settings}
            )
        bodies.append(body)
    return bodies


def _read_measures(
    r: FieldChecker, data: YamlMapping, bodies: set[str], organizations: set[str], focus_area_count: int
) -> list[MeasureData]:
    measures: list[MeasureData] = []
    numbers: set[int] = set()
    for path, item in r.items(data, "measures", "", required=True):
        item = r.mapping(item, path, MEASURE_FIELDS)
        number = r.integer(item, "number", path)
        if number is not None:
            r.unique(number, f"{path}.number", numbers, _("measure number"))
        focus_areas = []
        for area_path, area in r.items(item, "focus_areas", path):
            if isinstance(area, bool) or not isinstance(area, int) or not 1 <= area <= focus_area_count:
                r.error(area_path, _("must be the number of a focus area, 1 to %(max)s") % {"max": focus_area_count})
            else:
                focus_areas.append(area)
        measures.append(
            {
                "number": number,
                "title": r.text(item, "title", path, required=True, max_length=max_length(Measure, "title")),
                "subtitle": r.text(item, "subtitle", path, max_length=max_length(Measure, "subtitle")),
                "description": r.text(item, "description", path, required=True),
                "responsible": r.text(
                    item, "responsible", path, required=True, max_length=max_length(Measure, "responsible_text")
                ),
                "responsible_bodies": r.references(item, "responsible_bodies", path, bodies, _("body")),
                "responsible_organizations": r.references(
                    item, "responsible_organizations", path, organizations, _("organization")
                ),
                "focus_areas": focus_areas,
                "status": r.choice(item, "status", path, Status, default=Status.PLANNED),
            }
        )
    return measures


def _read_links(r: FieldChecker, data: YamlMapping, numbers: set[int | None]) -> list[LinkData]:
    links: list[LinkData] = []
    url_validator = URLValidator(schemes=["http", "https"])
    for path, item in r.items(data, "links", ""):
        item = r.mapping(item, path, ["title", "url", "section", "measure"])
        url = r.text(item, "url", path, required=True, max_length=max_length(Link, "url"))
        try:
            if url:
                url_validator(url)
        except ValidationError:
            r.error(f"{path}.url", _("«%(value)s» is not a web address") % {"value": url})
        section = r.choice(item, "section", path, LinkSection)
        measure = item.get("measure")
        if section == LinkSection.MEASURE:
            if not isinstance(measure, int) or measure not in numbers:
                r.error(f"{path}.measure", _("must be the number of a measure in this file"))
        elif measure is not None:
            r.error(f"{path}.measure", _("only links in the section «measure» belong to a measure"))
        links.append(
            {
                "title": r.text(item, "title", path, required=True, max_length=max_length(Link, "title")),
                "url": url,
                "section": section,
                "measure": measure if section == LinkSection.MEASURE else None,
            }
        )
    return links


def _read_rule(r: FieldChecker, item: YamlMapping, path: str) -> str:
    rule = r.text(item, "rrule", path, required=True, max_length=max_length(MeetingSeries, "rrule"))
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
    return rule


def _read_series(r: FieldChecker, data: YamlMapping, bodies: set[str]) -> list[SeriesData]:
    series: list[SeriesData] = []
    seen: set[str] = set()
    limit = max_length(StandingAgendaItem, "title")
    for path, item in r.items(data, "meeting_series", ""):
        item = r.mapping(item, path, SERIES_FIELDS)
        key = r.key(item, "key", path, max_length(MeetingSeries, "key"))
        r.unique(key, f"{path}.key", seen, _("meeting series"))
        rule = _read_rule(r, item, path)
        start_time = item.get("start_time", "09:00")
        time_match = TIME_RE.match(start_time) if isinstance(start_time, str) else None
        if not time_match:
            r.error(f"{path}.start_time", _("must be a time like 14:00"))
        series.append(
            {
                "key": key,
                "name": r.text(item, "name", path, required=True, max_length=max_length(MeetingSeries, "name")),
                "purpose": r.text(item, "purpose", path, required=True),
                "frequency": r.text(
                    item, "frequency", path, required=True, max_length=max_length(MeetingSeries, "frequency")
                ),
                "rrule": rule,
                "start_time": datetime.time(int(time_match.group(1)), int(time_match.group(2))) if time_match else None,
                "duration_minutes": r.integer(item, "duration_minutes", path, default=90),
                "location": r.text(item, "location", path, max_length=max_length(MeetingSeries, "location")),
                "bodies": r.references(item, "bodies", path, bodies, _("body")),
                "confidential": r.boolean(item, "confidential", path),
                "standing_agenda": [r.list_text(p, v, limit) for p, v in r.items(item, "standing_agenda", path)],
                "settings": _read_series_settings(r, item, path),
            }
        )
    return series


def _read_series_settings(r: FieldChecker, item: YamlMapping, path: str) -> dict[str, object]:
    settings: dict[str, object] = {}
    for name in ("pause_summer", "pause_christmas"):
        if name in item:
            settings[name] = r.boolean(item, name, path)
    if "notice_days" in item:
        settings["notice_days"] = r.integer(item, "notice_days", path, minimum=0)
    if "minutes_approval" in item:
        settings["minutes_approval"] = r.choice(item, "minutes_approval", path, MinutesApproval)
    return settings
