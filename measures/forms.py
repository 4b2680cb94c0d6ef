from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from participants.validators import validate_no_national_id

from .indicator_csv import LARGEST_VALUE, MAX_BYTES, parse_decimal, parse_indicator_csv
from .models import STATUSES_NEEDING_NOTE, Activity, Half, Indicator, IndicatorValue, Measure, Status, StatusUpdate
from .services import earliest_date_message
from .versioning import VersionedFormMixin


class StatusNoteRuleMixin:
    """The one rule for every form that writes a status update: a delayed or ended measure needs a note."""

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


class StatusUpdateForm(StatusNoteRuleMixin, forms.Form):
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

    def __init__(self, *args, measure=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        if self.measure is not None and date < self.measure.plan.first_day:
            raise ValidationError(earliest_date_message(self.measure.plan), code="before_plan")
        return date


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


class ActivityForm(forms.ModelForm):
    """An activity of a measure: on a date, or some time in a month of a year."""

    class Meta:
        model = Activity
        fields = ["title", "date", "year", "month", "target_group", "responsible_text", "responsible_body"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "target_group", "responsible_text"):
            self.fields[name].validators.append(validate_no_national_id)
        self.fields["year"].widget.attrs.update(min=2000, max=2100)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and not 2000 <= year <= 2100:
            raise ValidationError(_("Give a year between 2000 and 2100."), code="year")
        return year

    def clean(self):
        cleaned_data = super().clean()
        date, year, month = (cleaned_data.get(name) for name in ("date", "year", "month"))
        if any(name in self.errors for name in ("date", "year", "month")):
            return cleaned_data
        if date and (year or month):
            raise ValidationError(_("Give either a date, or a year and a month, not both."), code="date_or_month")
        if not date and not (year and month):
            raise ValidationError(_("Give either a date, or a year and a month."), code="date_or_month")
        self.instance.sort_date = Activity.first_day(date, year, month)
        return cleaned_data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "source", "good_direction", "target", "goals", "measures"]
        widgets = {"goals": forms.CheckboxSelectMultiple, "measures": forms.CheckboxSelectMultiple}
        field_classes = dict.fromkeys(["goals", "measures"], IdsMultipleChoiceField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = self.instance.plan.goals.all()
        self.fields["measures"].queryset = self.instance.plan.measures.all()
        self.fields["target"].localize = True
        self.fields["target"].widget.is_localized = True

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = self.instance.plan.indicators.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("The plan already has an indicator with this name."), code="unique")
        return name


class IndicatorValueForm(forms.Form):
    """One period's value; a value already given for the period is replaced."""

    year = forms.IntegerField(label=capfirst(IndicatorValue._meta.get_field("year").verbose_name))
    half = forms.TypedChoiceField(
        label=capfirst(IndicatorValue._meta.get_field("half").verbose_name),
        choices=Half.choices,
        coerce=int,
        initial=Half.WHOLE_YEAR,
    )
    value = forms.CharField(
        label=capfirst(IndicatorValue._meta.get_field("value").verbose_name),
        max_length=30,
        help_text=_("A number such as 12,5."),
    )
    sample_size = forms.IntegerField(
        label=capfirst(IndicatorValue._meta.get_field("sample_size").verbose_name),
        required=False,
        min_value=0,
        help_text=IndicatorValue._meta.get_field("sample_size").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs.update(min=2000, max=2100)
        self.fields["value"].widget.attrs.update(inputmode="decimal")

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise ValidationError(_("Give a year between 2000 and 2100."), code="year")
        return year

    def clean_value(self):
        value = parse_decimal(self.cleaned_data["value"])
        if value is None:
            raise ValidationError(_("Give a number, such as 12,5."), code="number")
        if abs(value) > LARGEST_VALUE or value != value.quantize(Decimal("0.01")):
            raise ValidationError(
                _("The value can have at most two decimals and ten digits before the comma."), code="number"
            )
        return value


class IndicatorCSVForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("Semicolon- or comma-separated, with a header row."))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_file(self):
        """The file's checked rows (see measures.indicator_csv)."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."), code="too_large")
        return parse_indicator_csv(upload.read(), plan=self.plan)
