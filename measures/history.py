"""Reading django-simple-history for people: a measure's change log, in a fixed number of queries."""

from django.db.models import CharField, F, Subquery, Value
from django.utils.text import Truncator

from participants.history import ACTIONS
from participants.models import Body, Organization, Person

from .models import ActionPlan, FocusArea, HistoricalMeasure, Measure, Status


def latest_change(plan, histories, default=None):
    """The time of the newest record among `histories` (historical querysets, in which OuterRef("pk") is the
    plan), read in one query; `default` when there is none."""
    latest = {
        f"changed_{index}": Subquery(history.order_by("-history_date").values("history_date")[:1])
        for index, history in enumerate(histories)
    }
    moments = ActionPlan.objects.filter(pk=plan.pk).annotate(**latest).values_list(*latest).get()
    return max((moment for moment in moments if moment is not None), default=default)


def who(record):
    user = record.history_user
    return (user.get_full_name() or user.username) if user else ""


def measure_label(measure):
    return f"{measure.number}. {measure.title}" if measure else "–"


M2M_FIELDS = {
    "responsible_bodies": Body,
    "responsible_organizations": Organization,
    "focus_areas": FocusArea,
}
HIDDEN_FIELDS = ["plan"]
# The history's through models, read once: simple-history builds a manager class on each access.
M2M_HISTORY = {name: getattr(HistoricalMeasure, name).model for name in M2M_FIELDS}


def _m2m_rows(measure, history_ids):
    """For each m2m field: {history_id: set of related ids} of these records, read in one UNION query."""
    parts = []
    for name, target in M2M_FIELDS.items():
        through = M2M_HISTORY[name]
        target_field = next(f for f in through._meta.fields if f.is_relation and f.related_model is target)
        parts.append(
            through.objects.filter(measure_id=measure.pk, history_id__in=history_ids)
            .annotate(field=Value(name, output_field=CharField()), target=F(target_field.attname))
            .values_list("field", "history_id", "target")
            .order_by()
        )
    rows = {name: {} for name in M2M_FIELDS}
    for name, history_id, target_id in parts[0].union(*parts[1:], all=True):
        rows[name].setdefault(history_id, set()).add(target_id)
    return rows


def measure_changes(measure, *, start=0, count=None):
    """The measure's change log, newest first: who, when, action and field changes of each record.

    From record `start`, `count` records (all when None); one record more is read to compare the
    last one with, so a page of the log costs the same however long the history is.
    """
    records = (
        HistoricalMeasure.objects.filter(id=measure.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    window = list(records[start : start + count + 1] if count is not None else records[start:])
    shown = window[:count] if count is not None else window
    m2m = _m2m_rows(measure, [record.history_id for record in window])
    raw = []
    for index, newer in enumerate(shown):
        older = window[index + 1] if index + 1 < len(window) else None
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
            "who": who(record),
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
