"""The coordinator's forms for the organisation: bodies, seats, seat holders (terms) and people."""

from django import forms
from django.utils.translation import gettext_lazy as _

from measures.versioning import VersionedFormMixin
from participants.forms import ProfileForm
from participants.models import Body, Person, Position, SeatTerm

from .forms import DateInput, TimeInput
from .models import MeetingSeries


class BodyForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "mandate", "participants_text", "confidential"]
        widgets = {"mandate": forms.Textarea(attrs={"rows": 3}), "participants_text": forms.Textarea(attrs={"rows": 3})}


class PositionForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Position
        fields = ["title", "organization", "is_chair", "is_secretary", "approves_minutes", "order"]

    def clean(self):
        cleaned = super().clean()
        body = self.instance.body
        for flag in ("is_chair", "is_secretary"):
            if cleaned.get(flag) and body.positions.filter(**{flag: True}).exclude(pk=self.instance.pk).exists():
                self.add_error(flag, _("Another seat of the body has this already."))
        if cleaned.get("title") and body.positions.filter(title=cleaned["title"]).exclude(pk=self.instance.pk).exists():
            self.add_error("title", _("The body has a seat with this title already."))
        return cleaned


class SeatTermForm(VersionedFormMixin, forms.ModelForm):
    """A person in a seat from one day to another; a new term that starts later ends the open one the day before."""

    class Meta:
        model = SeatTerm
        fields = ["person", "starts_on", "ends_on", "deputy"]
        widgets = {"starts_on": DateInput, "ends_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = self.fields["deputy"].queryset = Person.objects.all()


class PersonForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "phone", "organization"]

    clean_phone = ProfileForm.clean_phone


class MeetingSeriesForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = MeetingSeries
        fields = [
            "name",
            "purpose",
            "frequency",
            "rrule",
            "start_time",
            "duration_minutes",
            "location",
            "bodies",
            "confidential",
            "pause_summer",
            "pause_christmas",
            "notice_days",
            "minutes_approval",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "start_time": TimeInput,
            "bodies": forms.CheckboxSelectMultiple,
        }

    def clean_rrule(self):
        from dateutil.rrule import rrulestr

        rule = self.cleaned_data["rrule"].strip()
        try:
            rrulestr(rule, ignoretz=True)
        except (ValueError, TypeError, OverflowError):
            raise forms.ValidationError(
                _("Write a recurrence rule such as FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1.")
            ) from None
        return rule
