"""Reading django-simple-history for people: recent changes and a measure's change log.

Both read a fixed number of queries however long the history is.
"""

from django.apps import apps
from django.db.models import CharField, F, Value
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from participants.models import Body, Organization, Person

from .models import ActionPlan, FocusArea, Goal, Link, Measure, Status, StatusUpdate

ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


def _who(record):
    user = record.history_user
    return (user.get_full_name() or user.username) if user else ""


def _measure_label(measure):
    return f"{measure.number}. {measure.title}" if measure else "–"


def _meeting_label(record):
    series = record.series
    return f"{series.name if series else '–'} {timezone.localtime(record.starts_at):%d.%m.%Y}"


def _recent_sources(plan):
    """(model, historical queryset, label function, measure id function) for everything in the plan."""
    sources = [
        (ActionPlan, ActionPlan.history.filter(id=plan.pk), lambda r: r.title, None),
        (Goal, Goal.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (FocusArea, FocusArea.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (Link, Link.history.filter(plan_id=plan.pk), lambda r: r.title, None),
        (Measure, Measure.history.filter(plan_id=plan.pk), _measure_label, lambda r: r.number),
        (
            StatusUpdate,
            StatusUpdate.history.filter(measure__plan_id=plan.pk).select_related("measure"),
            lambda r: _measure_label(r.measure),
            lambda r: r.measure.number if r.measure else None,
        ),
    ]
    if apps.is_installed("meetings"):
        meeting = apps.get_model("meetings", "Meeting")
        sources.append(
            (meeting, meeting.history.filter(series__plan_id=plan.pk).select_related("series"), _meeting_label, None)
        )
    return sources


def recent_changes(plan, limit=10):
    """The latest changes across the plan, its measures, status updates and meetings: who, when, what."""
    entries = []
    for model, records, label, measure_number in _recent_sources(plan):
        for record in records.select_related("history_user").order_by("-history_date")[:limit]:
            entries.append(
                {
                    "when": record.history_date,
                    "who": _who(record),
                    "kind": model._meta.verbose_name,
                    "label": label(record),
                    "action": ACTIONS.get(record.history_type, ""),
                    "measure_number": measure_number(record) if measure_number else None,
                }
            )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]


M2M_FIELDS = {
    "responsible_bodies": Body,
    "responsible_organizations": Organization,
    "focus_areas": FocusArea,
}
HIDDEN_FIELDS = ["plan"]


def _m2m_rows(measure):
    """For each m2m field: {history_id: set of related ids}, all fields read in one UNION query."""
    parts = []
    for name, target in M2M_FIELDS.items():
        through = getattr(Measure.history.model, name).model
        target_field = next(f for f in through._meta.fields if f.is_relation and f.related_model is target)
        parts.append(
            through.objects.filter(measure_id=measure.pk)
            .annotate(field=Value(name, output_field=CharField()), target=F(target_field.attname))
            .values_list("field", "history_id", "target")
            .order_by()
        )
    rows = {name: {} for name in M2M_FIELDS}
    for name, history_id, target_id in parts[0].union(*parts[1:], all=True):
        rows[name].setdefault(history_id, set()).add(target_id)
    return rows


def measure_changes(measure):
    """The measure's change log, newest first: each entry with who, when, action and field changes."""
    records = list(measure.history.select_related("history_user").order_by("-history_date", "-history_id"))
    m2m = _m2m_rows(measure)
    raw = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=[*M2M_FIELDS, *HIDDEN_FIELDS])
            changes = [(change.field, change.old, change.new) for change in delta.changes]
            for name in M2M_FIELDS:
                old_ids = m2m[name].get(older.history_id, set())
                new_ids = m2m[name].get(newer.history_id, set())
                if old_ids != new_ids:
                    changes.append((name, sorted(old_ids), sorted(new_ids)))
        if older is None or changes or newer.history_type != "~":
            raw.append((newer, changes))
    names = _names_for(raw)
    return [
        {
            "when": record.history_date,
            "who": _who(record),
            "action": ACTIONS.get(record.history_type, ""),
            "changes": [
                {
                    "field": Measure._meta.get_field(name).verbose_name,
                    "old": _value(name, old, names),
                    "new": _value(name, new, names),
                }
                for name, old, new in changes
            ],
        }
        for record, changes in raw
    ]


NAME_FIELDS = {"contact": (Person, "name"), "responsible_bodies": (Body, "name"),
               "responsible_organizations": (Organization, "name"), "focus_areas": (FocusArea, "text")}  # fmt: skip


def _names_for(raw):
    """Names of the people, bodies, organizations and focus areas the changes refer to, in one UNION query."""
    wanted = {name: set() for name in NAME_FIELDS}
    for _record, changes in raw:
        for name, old, new in changes:
            if name == "contact":
                wanted[name].update(value for value in (old, new) if value is not None)
            elif name in M2M_FIELDS:
                wanted[name].update(old, new)
    names = {name: {} for name in NAME_FIELDS}
    parts = [
        model.objects.filter(pk__in=wanted[name])
        .annotate(field=Value(name, output_field=CharField()), label=F(label_field))
        .values_list("field", "pk", "label")
        .order_by()
        for name, (model, label_field) in NAME_FIELDS.items()
        if wanted[name]
    ]
    if parts:
        for name, pk, label in parts[0].union(*parts[1:], all=True):
            names[name][pk] = label
    return names


def _value(name, value, names):
    if name == "status":
        return Status(value).label if value in Status.values else value
    if name == "contact":
        return str(names["contact"].get(value, "–")) if value is not None else "–"
    if name in M2M_FIELDS:
        labels = [Truncator(str(names[name].get(pk, pk))).chars(60) for pk in value]
        return ", ".join(labels) or "–"
    return value if value not in (None, "") else "–"
