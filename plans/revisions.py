"""What changed in the working draft since an adopted version, field by field.

Both sides are read as plan files (the version keeps its own; the draft is exported), so the
comparison covers everything the plan file holds and nothing it does not.
"""

import yaml
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .planfile import export_plan
from .planfile.checks import Loader
from .planfile.reader import SEAT_SETTINGS, SERIES_SETTINGS

# Not part of what a political body adopts.
IGNORED = {"format", "published"}

FIELD_LABELS = {
    "municipality": gettext_lazy("municipality"),
    "period": gettext_lazy("period"),
    "title": gettext_lazy("title"),
    "adopted_on": gettext_lazy("adopted on"),
    "adopted_by": gettext_lazy("adopted by"),
    "introduction": gettext_lazy("introduction"),
    "goals_intro": gettext_lazy("heading of the goals"),
    "national_guidance": gettext_lazy("national and municipal guidance"),
    "levels_intro": gettext_lazy("heading of the levels"),
    "coordinator_role": gettext_lazy("the coordinator's role"),
    "meetings_intro": gettext_lazy("regular meetings, introduction"),
    "knowledge_base": gettext_lazy("knowledge base"),
    "focus_intro": gettext_lazy("heading of the focus areas"),
    "appendix_title": gettext_lazy("title of the participants appendix"),
    "name": gettext_lazy("name"),
    "subtitle": gettext_lazy("subtitle"),
    "description": gettext_lazy("description"),
    "responsible": gettext_lazy("responsible"),
    "responsible_bodies": gettext_lazy("responsible bodies"),
    "responsible_organizations": gettext_lazy("responsible organizations"),
    "focus_areas": gettext_lazy("focus areas"),
    "status": gettext_lazy("status"),
    "url": gettext_lazy("address"),
    "section": gettext_lazy("section"),
    "measure": gettext_lazy("measure"),
    "level": gettext_lazy("level"),
    "mandate": gettext_lazy("mandate"),
    "participants_text": gettext_lazy("participants"),
    "confidential": gettext_lazy("confidential"),
    "seats": gettext_lazy("seats"),
    "purpose": gettext_lazy("purpose"),
    "frequency": gettext_lazy("frequency"),
    "rrule": gettext_lazy("recurrence rule"),
    "start_time": gettext_lazy("start time"),
    "duration_minutes": gettext_lazy("duration in minutes"),
    "location": gettext_lazy("location"),
    "bodies": gettext_lazy("bodies"),
    "standing_agenda": gettext_lazy("standing agenda"),
}


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return f"{value.get('title', '')} ({value.get('url', '')})" if "url" in value else str(value)
    if isinstance(value, list):
        return "; ".join(_text(item.get("title", item) if isinstance(item, dict) else item) for item in value)
    return str(value)


def _label(field):
    return str(FIELD_LABELS.get(field, field))


def _compare_fields(section, item, old, new):
    rows = []
    for field in dict.fromkeys([*old, *new]):
        if old.get(field) != new.get(field):
            rows.append(
                {
                    "section": section,
                    "item": item,
                    "field": _label(field),
                    "old": _text(old.get(field)),
                    "new": _text(new.get(field)),
                }
            )
    return rows


def _compare_items(section, name, old, new, key):
    old_by_key = {entry[key]: entry for entry in old or []}
    new_by_key = {entry[key]: entry for entry in new or []}
    rows = []
    for item_key in dict.fromkeys([*old_by_key, *new_by_key]):
        before, after = old_by_key.get(item_key), new_by_key.get(item_key)
        title = (after or before).get("title") or (after or before).get("name") or ""
        item = f"{name(item_key)} {title}".strip()
        if before is None:
            rows.append({"section": section, "item": item, "field": _("added"), "old": "", "new": title})
        elif after is None:
            rows.append({"section": section, "item": item, "field": _("removed"), "old": title, "new": ""})
        else:
            rows.extend(_compare_fields(section, item, before, after))
    return rows


def _compare_texts(section, name, old, new):
    rows = []
    old, new = old or [], new or []
    for position in range(max(len(old), len(new))):
        before = old[position] if position < len(old) else None
        after = new[position] if position < len(new) else None
        if before != after:
            rows.append(
                {"section": section, "item": name(position + 1), "field": "", "old": _text(before), "new": _text(after)}
            )
    return rows


def without_running_settings(content):
    """A parsed plan file without the portal's running settings: who chairs and approves, and how a
    series pauses, gives notice and approves its minutes are not what a political body adopts."""
    for body in content.get("bodies") or []:
        for seat in body.get("seats") or []:
            for name in SEAT_SETTINGS:
                seat.pop(name, None)
    for series in content.get("meeting_series") or []:
        for name in SERIES_SETTINGS:
            series.pop(name, None)
    return content


def compare_plan_files(old_text, new_text):
    """The differences between two plan files, as rows of section, item, field, old and new value."""
    old = without_running_settings(yaml.load(old_text, Loader=Loader))  # noqa: S506 - a safe loader
    new = without_running_settings(yaml.load(new_text, Loader=Loader))  # noqa: S506 - a safe loader
    plan_fields = {field: value for field, value in old.items() if not isinstance(value, dict | list)}
    new_fields = {field: value for field, value in new.items() if not isinstance(value, dict | list)}
    for ignored in IGNORED:
        plan_fields.pop(ignored, None)
        new_fields.pop(ignored, None)
    section_plan = _("The plan")
    rows = _compare_fields(section_plan, "", plan_fields, new_fields)
    rows += _compare_fields(_("Chapters"), "", old.get("chapters", {}), new.get("chapters", {}))
    rows += _compare_texts(_("Goals"), lambda n: _("Goal %(n)s") % {"n": n}, old.get("goals"), new.get("goals"))
    rows += _compare_texts(
        _("Focus areas"),
        lambda n: _("Focus area %(n)s") % {"n": n},
        old.get("focus_areas"),
        new.get("focus_areas"),
    )
    rows += _compare_items(
        _("Measures"),
        lambda number: _("Measure %(number)s") % {"number": number},
        old.get("measures"),
        new.get("measures"),
        "number",
    )
    rows += _compare_texts(_("Links"), lambda n: _("Link %(n)s") % {"n": n}, old.get("links"), new.get("links"))
    rows += _compare_items(_("Bodies"), str, old.get("bodies"), new.get("bodies"), "key")
    rows += _compare_items(_("Organizations"), str, old.get("organizations"), new.get("organizations"), "key")
    rows += _compare_items(_("Regular meetings"), str, old.get("meeting_series"), new.get("meeting_series"), "key")
    return rows


def changes_since(version):
    """What the working draft changes in an adopted version."""
    return compare_plan_files(version.plan_file, export_plan(version.plan))
