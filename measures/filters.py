"""Filtering and sorting the measure list in the database; the filters and the page live in the URL."""

import re

import django_filters
from django import forms
from django.db.models import CharField, Q, Value
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from participants.collation import norwegian_key
from participants.models import Body, Organization

from .models import FocusArea, Measure, Status

SORTS = [
    ("number", _("Number")),
    ("-number", _("Number, descending")),
    ("title", _("Title")),
    ("-title", _("Title, descending")),
    ("status", _("Status")),
    ("-status", _("Status, descending")),
    ("latest", _("Latest update, oldest first")),
    ("-latest", _("Latest update, newest first")),
]
DEFAULT_SORT = "number"


class FocusAreaChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return Truncator(obj.text).chars(70)


class FocusAreaFilter(django_filters.ModelChoiceFilter):
    field_class = FocusAreaChoice


class MeasureFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("All statuses"))
    focus_area = FocusAreaFilter(
        label=_("Focus area"),
        field_name="focus_areas",
        queryset=FocusArea.objects.none(),
        empty_label=_("All focus areas"),
    )
    responsible = django_filters.ChoiceFilter(
        label=_("Responsible"), method="by_responsible", empty_label=_("All responsible parties")
    )
    needs_attention = django_filters.BooleanFilter(
        label=_("Only measures that need attention"), method="attention", widget=forms.CheckboxInput
    )
    # Applied last, in filter_queryset: every list is sorted, by number unless asked otherwise.
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, empty_label=None, method="unchanged")

    class Meta:
        model = Measure
        fields = ["q", "status", "focus_area", "responsible", "needs_attention", "sort"]

    def __init__(self, data=None, *, plan, **kwargs):
        super().__init__(data, queryset=plan.measures.all(), **kwargs)
        self.plan = plan
        self.filters["focus_area"].queryset = plan.focus_areas.all()
        parties = {"body": [], "org": []}
        for kind, pk, name in sorted(_named_parties(plan), key=lambda row: norwegian_key(row[2])):
            parties[kind].append((f"{kind}-{pk}", name))
        self.filters["responsible"].extra["choices"] = [
            (_("Bodies"), parties["body"]),
            (_("Organizations"), parties["org"]),
        ]

    def search(self, measures, name, text):
        match = (
            Q(title__icontains=text)
            | Q(subtitle__icontains=text)
            | Q(description__icontains=text)
            | Q(responsible_text__icontains=text)
        )
        if re.fullmatch(r"[0-9]{1,4}", text):  # a measure number; not "²", not beyond the column
            match |= Q(number=int(text))
        return measures.filter(match)

    def by_responsible(self, measures, name, value):
        kind, pk = value.split("-", 1)
        if kind == "body":
            return measures.filter(responsible_bodies__pk=pk)
        return measures.filter(responsible_organizations__pk=pk)

    def attention(self, measures, name, value):
        return measures.needing_attention(self.plan) if value else measures

    def unchanged(self, measures, name, value):
        return measures

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).sorted_by(self.form.cleaned_data.get("sort") or DEFAULT_SORT)

    @property
    def selects(self):
        """The choice filters as (bound field, option groups), the groups marked up as Django's Select
        widget has them; the template writes the options out itself, not through a template per option."""
        fields = []
        for name in ("status", "responsible", "focus_area", "sort"):
            field = self.form[name]
            widget = field.field.widget
            fields.append((field, widget.optgroups(field.html_name, widget.format_value(field.value()))))
        return fields

    @property
    def measures(self):
        """The measures matching the valid filters, sorted; all of them, by number, without or with invalid filters."""
        if not self.is_bound or not self.is_valid():
            return self.queryset.sorted_by(DEFAULT_SORT)
        return self.qs


def _named_parties(plan):
    """("body" or "org", pk, name) of each body and organization responsible for a measure of the plan, in
    one UNION query of semi-joins: a plan of a thousand measures names a handful of parties."""
    kinds = [
        ("body", Body, Measure.responsible_bodies.through, "body"),
        ("org", Organization, Measure.responsible_organizations.through, "organization"),
    ]
    parts = []
    for kind, model, through, party in kinds:
        named = through.objects.filter(measure__plan=plan).values(party)
        parts.append(
            model.objects.filter(pk__in=named)
            .annotate(kind=Value(kind, output_field=CharField()))
            .values_list("kind", "pk", "name")
            .order_by()
        )
    return parts[0].union(*parts[1:], all=True)
