"""The forms of the minutes page: the meeting's chair, referent and notes, a seat's attendance, a guest,
a sak with its minutes and decision, and an action item row.

Every form that edits a saved row keeps lost updates out with measures.versioning, merging what
the user left untouched (the page sends every sak and every seat back, changed or not).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from measures.versioning import VersionedFormMixin
from measures.widgets import MeasureField, measure_field_for

from .forms import DateInput
from .models import ActionItem, AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingGuest
from .seats import chair_of, secretary_of

NOTICE_ID = "personal-data-notice"


def _described(widget_class, rows=None):
    attrs = {"aria-describedby": NOTICE_ID}
    if rows:
        attrs["rows"] = rows
    return widget_class(attrs=attrs)


class MeetingMinutesForm(VersionedFormMixin, forms.ModelForm):
    """Who led the meeting and wrote the minutes, and notes outside the saker (unprefixed)."""

    merge_untouched = True

    class Meta:
        model = Meeting
        fields = ["chair", "secretary", "minutes"]
        labels = {"minutes": _("Other notes")}
        widgets = {"minutes": _described(forms.Textarea, rows=3)}
        help_texts = {"minutes": _("Optional. Markdown: **bold**, *italic*, lists with “-”.")}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("chair", "secretary"):
            self.fields[name].queryset = people
        meeting = self.instance
        # The chair and referent default to the holders of the bodies' chair and secretary seats on the day.
        if not meeting.chair_id:
            self.initial["chair"] = getattr(chair_of(meeting), "pk", None)
        if not meeting.secretary_id:
            self.initial["secretary"] = getattr(secretary_of(meeting), "pk", None)

    def _seen_value(self, seen, name):
        # Not chosen yet, the page showed the default chair and referent: that is what the user saw.
        value = super()._seen_value(seen, name)
        if name in ("chair", "secretary") and value is None:
            return self.initial.get(name)
        return value


class AttendanceForm(VersionedFormMixin, forms.ModelForm):
    """One seat: til stede / forfall / ikke møtt for its holder, and a deputy (vara) who met instead."""

    merge_untouched = True

    class Meta:
        model = Attendance
        fields = ["status", "deputy"]

    def __init__(self, *args, seat, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.seat = seat
        self.fields["deputy"].queryset = people
        self.fields["deputy"].required = False
        self.fields["deputy"].empty_label = _("No deputy")
        self.fields["deputy"].label = _("Deputy (vara)")
        self.fields["deputy"].widget.attrs["class"] = "form-select form-select-sm"
        if seat.vacant:
            del self.fields["status"]  # a vacant seat has no one to be present or absent
        else:
            self.fields["status"].choices = list(AttendanceStatus.choices)
            self.fields["status"].required = True
            self.fields["status"].label = _("Attendance")
            # A seat not yet recorded is shown as present: most people come.
            if not self.instance.status:
                self.initial["status"] = AttendanceStatus.PRESENT.value

    def _seen_value(self, seen, name):
        # A seat not recorded yet was shown as present: that is what the user saw, and left alone.
        value = super()._seen_value(seen, name)
        if name == "status" and not value and not self.seat.vacant:
            return AttendanceStatus.PRESENT.value
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("deputy") and cleaned.get("status") == AttendanceStatus.PRESENT:
            self.add_error("deputy", _("A deputy meets only when the seat holder does not."))
        if cleaned.get("deputy") and self.seat.holder and cleaned["deputy"] == self.seat.holder:
            self.add_error("deputy", _("The deputy must be someone other than the seat holder."))
        return cleaned


class GuestForm(forms.ModelForm):
    class Meta:
        model = MeetingGuest
        fields = ["name", "organization"]


# A meeting has a handful of guests; a posted form count beyond the limit is refused, never built.
MAX_GUESTS = 40
GuestFormSet = forms.modelformset_factory(
    MeetingGuest,
    form=GuestForm,
    extra=1,
    can_delete=True,
    max_num=MAX_GUESTS,
    validate_max=True,
    absolute_max=MAX_GUESTS,
)


class SakForm(VersionedFormMixin, forms.ModelForm):
    """A sak on the minutes page: its title, what was said (minutes) and what was decided (vedtak)."""

    merge_untouched = True

    class Meta:
        model = AgendaItem
        fields = ["title", "minutes", "decision"]
        labels = {"minutes": _("Minutes"), "decision": _("Decision (vedtak)")}
        widgets = {
            "title": _described(forms.TextInput),
            "minutes": _described(forms.Textarea, rows=3),
            "decision": _described(forms.Textarea, rows=2),
        }


class NewSakForm(forms.ModelForm):
    """A sak added on the minutes page: left empty, nothing is created."""

    class Meta(SakForm.Meta):
        pass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, empty_permitted=True, use_required_attribute=False, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].label = _("Title of the new sak")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title", "").strip() and (cleaned.get("minutes") or cleaned.get("decision")):
            self.add_error("title", _("Give the new sak a title, or leave all its fields empty."))
        return cleaned

    @property
    def is_filled(self):
        return bool(self.is_bound and self.cleaned_data.get("title", "").strip())


class ActionRowForm(VersionedFormMixin, forms.ModelForm):
    """An action item of a sak: what, who, by when, and the measure it serves."""

    merge_untouched = True

    class Meta:
        model = ActionItem
        fields = ["text", "responsible_person", "due", "measure"]
        labels = {"text": _("Action item")}
        widgets = {"text": _described(forms.TextInput), "due": DateInput}
        field_classes = {"measure": MeasureField}

    def __init__(self, *args, plan, people, **kwargs):
        super().__init__(*args, **kwargs)
        measure_field_for(self, plan)
        self.fields["responsible_person"].queryset = people
        if self.instance.pk:
            self.fields["delete"] = forms.BooleanField(label=_("Remove"), required=False)

    def saved_value(self, saved, name):
        if name == "delete":  # not a column: a saved item is never "removed"
            return False
        return super().saved_value(saved, name)


class NewActionRowForm(ActionRowForm):
    """A new action item row: left empty, nothing is created."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, empty_permitted=True, use_required_attribute=False, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip():
            self.add_error("text", _("Write the action item, or leave all its fields empty."))
        return cleaned

    @property
    def is_filled(self):
        return bool(self.is_bound and self.has_changed() and self.cleaned_data.get("text", "").strip())
