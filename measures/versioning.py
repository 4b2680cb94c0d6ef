"""No lost updates: one mechanism for every form that edits a saved object.

A form carries the version of the object it was filled from in a hidden field. When the object
has changed since, the form is invalid with a message, `conflicts` lists each field where the
saved value differs from what this user typed (label, theirs, yours), the user's input stays in
the form, and the hidden version moves to the saved one: saving again is a deliberate choice to
keep one's own version.

The version is the object's `updated_at` where the model has one (plan, measure, meeting, action
item), else the time of its latest history record (goals, focus areas, links). Views load the
object with select_for_update() inside transaction.atomic, so that the check and the save
cannot interleave with another save.
"""

import datetime

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Someone else saved this while you were editing it. Their version is shown next to yours "
    "below, and what you typed is kept in the form. Check the fields and save again to keep "
    "your version."
)


def version_of(instance):
    """The version token of a saved object: its last change as ISO text, "" for a new one."""
    if instance.pk is None:
        return ""
    try:
        instance._meta.get_field("updated_at")
    except FieldDoesNotExist:
        version = instance.history.values_list("history_date", flat=True).first()
    else:
        version = instance.updated_at
    return version.isoformat() if version else ""


class VersionedFormMixin:
    """For a ModelForm: refuse to save over a newer version of the same object."""

    version_field_name = "version"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = []
        self.conflict_by = None
        self.fields[self.version_field_name] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[self.version_field_name].initial = self.version(self.instance)

    def version(self, instance):
        """What tells this form's object apart from a newer save; a form may narrow it to its own fields."""
        return version_of(instance)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        saved = type(self.instance)._default_manager.get(pk=self.instance.pk)
        current = self.version(saved)
        if cleaned_data.get(self.version_field_name, "") != current:
            self.conflicts = self._differences(saved, cleaned_data)
            if not self.conflicts:
                return cleaned_data  # the saved version already reads as this user's: nothing is lost
            self.conflict_by = _last_changed_by(saved)
            data = self.data.copy()
            data[self.add_prefix(self.version_field_name)] = current
            self.data = data
            raise ValidationError(CONFLICT_MESSAGE, code="conflict")
        return cleaned_data

    def _differences(self, saved, cleaned_data):
        differences = []
        for name, field in self.fields.items():
            if name == self.version_field_name or name not in cleaned_data:
                continue
            theirs = self.saved_value(saved, name)
            yours = cleaned_data[name]
            if _comparable(theirs) != _comparable(yours):
                differences.append(
                    {"label": field.label, "theirs": _display(field, theirs), "yours": _display(field, yours)}
                )
        return differences

    def saved_value(self, saved, name):
        """The saved object's value for a form field; forms with fields that are no column override it."""
        model_field = saved._meta.get_field(name)
        if model_field.many_to_many:
            return list(getattr(saved, name).all())
        return getattr(saved, name)


def _last_changed_by(saved):
    history = getattr(saved, "history", None)
    latest = history.select_related("history_user").first() if history is not None else None
    if latest is None:
        return None
    user = latest.history_user
    return {"user": (user.get_full_name() or user.username) if user else "", "when": latest.history_date}


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(_comparable(item) for item in value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
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
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if hasattr(value, "strftime"):
        return date_format(value, "d.m.Y")
    choices = getattr(field, "choices", None)
    if choices and not isinstance(value, models.Model):
        return str(dict(choices).get(value, value))
    return str(value)
