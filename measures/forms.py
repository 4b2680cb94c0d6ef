import re
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from participants.models import Body, Organization
from participants.validators import validate_no_national_id

from .models import (
    STATUSES_NEEDING_NOTE,
    ActionPlan,
    FocusArea,
    Goal,
    Link,
    LinkSection,
    Measure,
    Status,
    StatusUpdate,
)


class VersionedFormMixin:
    """No lost updates for a ModelForm: refuse to save over a newer version of the same object.

    The form carries the version of the object it was filled from in a hidden field. When the
    object has changed since, the form is invalid with a message, `conflicts` lists each field
    where the saved value differs from what this user typed (label, theirs, yours), the user's
    input stays in the form, and the hidden version moves to the saved one: saving again is a
    deliberate choice to keep one's own version.

    The version is `updated_at` by default; a model without it overrides `get_version` (e.g. the
    time of its latest history record). Views should load the object with select_for_update()
    inside transaction.atomic so that the check and the save cannot interleave with another save.
    """

    version_field_name = "version"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = []
        self.conflict_by = None
        self.fields[self.version_field_name] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[self.version_field_name].initial = self.version_token(self.instance)

    def get_version(self, instance):
        return instance.updated_at

    def version_token(self, instance):
        if instance.pk is None:
            return ""
        version = self.get_version(instance)
        return version.isoformat() if version else ""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        saved = type(self.instance)._default_manager.get(pk=self.instance.pk)
        current = self.version_token(saved)
        if cleaned_data.get(self.version_field_name, "") != current:
            self.conflicts = self._differences(saved, cleaned_data)
            if not self.conflicts:
                return cleaned_data  # the saved version already reads as this user's: nothing is lost
            self.conflict_by = self._last_changed_by(saved)
            data = self.data.copy()
            data[self.add_prefix(self.version_field_name)] = current
            self.data = data
            raise ValidationError(
                _(
                    "Someone else saved this while you were editing it. Their version is shown next to yours "
                    "below, and what you typed is kept in the form. Check the fields and save again to keep "
                    "your version."
                ),
                code="conflict",
            )
        return cleaned_data

    def _last_changed_by(self, saved):
        history = getattr(saved, "history", None)
        latest = history.select_related("history_user").first() if history is not None else None
        if latest is None:
            return None
        user = latest.history_user
        return {"user": (user.get_full_name() or user.username) if user else "", "when": latest.history_date}

    def _differences(self, saved, cleaned_data):
        differences = []
        for name, field in self.fields.items():
            if name == self.version_field_name or name not in cleaned_data:
                continue
            theirs = self._saved_value(saved, name)
            yours = cleaned_data[name]
            if _comparable(theirs) != _comparable(yours):
                differences.append(
                    {"label": field.label, "theirs": _display(field, theirs), "yours": _display(field, yours)}
                )
        return differences

    def _saved_value(self, saved, name):
        model_field = saved._meta.get_field(name)
        if model_field.many_to_many:
            return list(getattr(saved, name).all())
        return getattr(saved, name)


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(_comparable(item) for item in value)
    if value in (None, ""):
        return ""
    return value


def _display(field, value):
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(str(item) for item in value) or "–"
    if value in (None, ""):
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if hasattr(value, "strftime"):
        return date_format(value, "d.m.Y")
    choices = getattr(field, "choices", None)
    if choices and not isinstance(value, models.Model):
        return str(dict(choices).get(value, value))
    return str(value)


class MeasureFilterForm(forms.Form):
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

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All statuses")), *Status.choices])
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), required=False, queryset=FocusArea.objects.none(), empty_label=_("All focus areas")
    )
    responsible = forms.ChoiceField(label=_("Responsible"), required=False)
    needs_attention = forms.BooleanField(label=_("Only measures that need attention"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = plan.focus_areas.all()
        self.fields["focus_area"].label_from_instance = lambda area: Truncator(area.text).chars(70)
        bodies = Body.objects.filter(measures__plan=plan).distinct()
        organizations = Organization.objects.filter(measures__plan=plan).distinct()
        self.fields["responsible"].choices = [
            ("", _("All responsible parties")),
            (_("Bodies"), [(f"body-{body.pk}", body.name) for body in bodies]),
            (_("Organizations"), [(f"org-{org.pk}", org.name) for org in organizations]),
        ]

    def filter(self, measures):
        """The measures matching the valid filters, sorted; all of them when the filters are invalid."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            text = data["q"]
            match = (
                Q(title__icontains=text)
                | Q(subtitle__icontains=text)
                | Q(description__icontains=text)
                | Q(responsible_text__icontains=text)
            )
            if re.fullmatch(r"[0-9]{1,4}", text):  # a measure number; not "²", not beyond the column
                match |= Q(number=int(text))
            measures = measures.filter(match)
        if data.get("status"):
            measures = measures.filter(status=data["status"])
        if data.get("focus_area"):
            measures = measures.filter(focus_areas=data["focus_area"])
        if data.get("responsible"):
            kind, pk = data["responsible"].split("-", 1)
            if kind == "body":
                measures = measures.filter(responsible_bodies__pk=pk)
            else:
                measures = measures.filter(responsible_organizations__pk=pk)
        if data.get("needs_attention"):
            measures = measures.needing_attention()
        return sort_measures(measures, data.get("sort") or "number")


def with_latest_update(measures):
    """Annotate each measure with the date and note of its latest status update."""
    latest = StatusUpdate.objects.filter(measure=OuterRef("pk")).order_by("-date", "-created_at")
    return measures.annotate(
        latest_update=Subquery(latest.values("date")[:1]),
        latest_note=Subquery(latest.values("note")[:1]),
    )


STATUS_ORDER = Case(
    *[When(status=status, then=Value(position)) for position, status in enumerate(Status.values)],
    output_field=IntegerField(),
)


def sort_measures(measures, sort):
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    measures = with_latest_update(measures).distinct()
    if key == "status":
        measures = measures.annotate(status_order=STATUS_ORDER)
        expression = F("status_order")
    elif key == "latest":
        expression = F("latest_update")
    else:
        expression = F(key)
    ordered = expression.desc(nulls_last=True) if descending else expression.asc(nulls_first=True)
    return measures.order_by(ordered, "number")


class StatusUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    date = forms.DateField(
        label=capfirst(StatusUpdate._meta.get_field("date").verbose_name),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=capfirst(StatusUpdate._meta.get_field("note").verbose_name),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_no_national_id],
        help_text=_(
            "Required when the measure is delayed or ended. Do not write personal data about individual young people."
        ),
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        return date

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if status in STATUSES_NEEDING_NOTE and not cleaned_data.get("note", "").strip() and "note" not in self.errors:
            self.add_error(
                "note",
                ValidationError(
                    _("Write a note that explains why the measure is %(status)s.")
                    % {"status": Status(status).label.lower()},
                    code="note_required",
                ),
            )
        return cleaned_data


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ids beyond a database integer are an invalid choice, not a query the database cannot run."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            try:
                too_large = abs(int(str(pk))) > MAX_ID
            except ValueError:
                continue  # the parent says "not a valid value"
            if too_large:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


MAX_ID = 2**31 - 1


class MeasureForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "number",
            "title",
            "subtitle",
            "description",
            "responsible_text",
            "responsible_bodies",
            "responsible_organizations",
            "focus_areas",
            "contact",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "responsible_bodies": forms.CheckboxSelectMultiple,
            "responsible_organizations": forms.CheckboxSelectMultiple,
            "focus_areas": forms.CheckboxSelectMultiple,
        }
        field_classes = dict.fromkeys(
            ["responsible_bodies", "responsible_organizations", "focus_areas"], IdsMultipleChoiceField
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_areas"].queryset = self.instance.plan.focus_areas.all()

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Measure.objects.filter(plan=self.instance.plan, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("The plan already has a measure with this number."), code="unique")
        return number


class ActionPlanTextsForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", *ActionPlan.CHAPTER_FIELDS, "adopted_on", "adopted_by"]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class HistoryVersionMixin(VersionedFormMixin):
    """Version of a model without updated_at: the time of its latest history record."""

    def get_version(self, instance):
        return instance.history.values_list("history_date", flat=True).first()


class OrderedInPlanMixin:
    def clean_order(self):
        order = self.cleaned_data["order"]
        siblings = type(self.instance)._default_manager.filter(plan=self.instance.plan, order=order)
        if siblings.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Another entry already has this place in the order."), code="unique")
        return order


class GoalForm(OrderedInPlanMixin, HistoryVersionMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class FocusAreaForm(OrderedInPlanMixin, HistoryVersionMixin, forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class LinkForm(HistoryVersionMixin, forms.ModelForm):
    class Meta:
        model = Link
        fields = ["section", "measure", "title", "url", "order"]
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = self.instance.plan.measures.all()
        self.fields["measure"].help_text = _("Only for links in the section “Measure”.")

    def clean(self):
        cleaned_data = super().clean()
        section, measure = cleaned_data.get("section"), cleaned_data.get("measure")
        if section == LinkSection.MEASURE and measure is None:
            self.add_error("measure", _("Choose the measure the link belongs to."))
        elif section and section != LinkSection.MEASURE and measure is not None:
            self.add_error("measure", _("Only links in the section “Measure” belong to a measure."))
        return cleaned_data
