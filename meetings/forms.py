import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from measures.forms import StatusNoteRuleMixin
from measures.models import Activity, Measure, Status
from measures.versioning import VersionedFormMixin
from measures.widgets import MeasureField, measure_field_for
from participants.models import Body, Person
from participants.validators import validate_no_national_id

from .models import ActionItem, AgendaItem, Meeting

PERSONAL_DATA_NOTICE = _(
    "Do not write personal data about individual young people (names, national identity numbers or other "
    "details that identify them). Describe challenges in general terms."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class WheelFilterForm(forms.Form):
    """The årshjul's filters, kept in the page's address.

    The measure is typed or picked from suggestions (measures.widgets.MeasureField): a plan may hold
    1,000 or more. Its number, "tiltak=9", is what the measure page's link to the wheel gives.
    """

    year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tiltak = MeasureField(label=_("Measure"), required=False, queryset=Measure.objects.none())
    organ = forms.TypedChoiceField(label=_("Body"), required=False, coerce=int, empty_value=None)
    malgruppe = forms.ChoiceField(label=_("Target group"), required=False)

    def __init__(self, data, *, plan):
        super().__init__(data)
        everything = [("", _("All"))]
        if plan is not None:
            measure_field_for(self, plan, name="tiltak")
        self.fields["organ"].choices = everything + [(body.pk, body.name) for body in Body.objects.order_by("name")]
        groups = (
            Activity.objects.none()
            if plan is None
            else Activity.objects.filter(measure__plan=plan).exclude(target_group="")
        )
        names = sorted({group.strip() for group in groups.values_list("target_group", flat=True)}, key=str.lower)
        self.fields["malgruppe"].choices = everything + [(name, name) for name in names]

    def chosen(self):
        """(measure, body, target group) as chosen; a value that is not a choice is no filter."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        body_id = data.get("organ") if "organ" not in self.errors else None
        return (
            data.get("tiltak") if "tiltak" not in self.errors else None,
            Body.objects.filter(pk=body_id).first() if body_id else None,
            data.get("malgruppe", "") if "malgruppe" not in self.errors else "",
        )


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    """Move a single meeting (new date, time or place) or cancel it."""

    date = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Starts"), widget=TimeInput)
    end = forms.TimeField(label=_("Ends"), widget=TimeInput)

    class Meta:
        model = Meeting
        fields = ["location", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        starts = timezone.localtime(self.instance.starts_at)
        ends = timezone.localtime(self.instance.ends_at)
        self.initial.update(date=starts.date(), start=starts.time(), end=ends.time())
        self.order_fields(["date", "start", "end", "location", "status"])

    def clean(self):
        cleaned = super().clean()
        date, start, end = cleaned.get("date"), cleaned.get("start"), cleaned.get("end")
        if date and start and end:
            zone = timezone.get_current_timezone()
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(date, start), zone)
            cleaned["ends_at"] = timezone.make_aware(datetime.datetime.combine(date, end), zone)
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end", _("The meeting must end after it starts."))
            elif (
                Meeting.objects.filter(series=self.instance.series, starts_at=cleaned["starts_at"])
                .exclude(pk=self.instance.pk)
                .exists()
            ):
                self.add_error("date", _("This series already has a meeting at that time."))
        return cleaned

    def saved_value(self, saved, name):
        starts, ends = timezone.localtime(saved.starts_at), timezone.localtime(saved.ends_at)
        computed = {"date": starts.date(), "start": starts.time(), "end": ends.time()}
        return computed[name] if name in computed else super().saved_value(saved, name)

    def save(self, commit=True):
        self.instance.starts_at = self.cleaned_data["starts_at"]
        self.instance.ends_at = self.cleaned_data["ends_at"]
        return super().save(commit)


class StatusFromMinutesForm(StatusNoteRuleMixin, forms.Form):
    """A status update for the measure an agenda item is about, saved with the minutes."""

    status = forms.ChoiceField(label=_("New status"), required=False)
    note = forms.CharField(
        label=_("Status note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_national_id],
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["status"].choices = [("", _("No status update"))] + list(Status.choices)

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if not status and cleaned.get("note", "").strip():
            self.add_error("status", _("Choose a status for the note, or remove the note."))
        return cleaned


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "notes", "measure"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"measure": MeasureField}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        measure_field_for(self, plan)
        self.fields["notes"].validators.append(validate_no_national_id)
        self.fields["title"].validators.append(validate_no_national_id)


class AgendaMeasureForm(forms.Form):
    """One of the measures the meeting is offered for its agenda (services.measures_to_offer)."""

    measure = forms.ModelChoiceField(queryset=Measure.objects.none())

    def __init__(self, *args, offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = offered


class ActionItemForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["kind", "text", "responsible_person", "responsible_body", "due", "measure", "done"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due": DateInput}
        field_classes = {"measure": MeasureField}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        measure_field_for(self, plan)
        self.fields["responsible_person"].queryset = Person.objects.filter(
            Q(seat_terms__isnull=False) | Q(deputy_terms__isnull=False) | Q(user__isnull=False)
        ).distinct()
        self.fields["responsible_body"].queryset = Body.objects.all()
        self.fields["text"].validators.append(validate_no_national_id)
