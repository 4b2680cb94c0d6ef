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

Forms that send a whole set back (the minutes page: every sak, every seat's attendance) set
`merge_untouched`: the values this user saw are read from the history at their version, and a
field they left as it was takes the newer saved value instead of writing the old one back. Only a
field both changed, differently, is a conflict.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.http import QueryDict
    from django_stubs_ext import StrOrPromise

    # The mixin is only ever mixed into a ModelForm, ahead of it; at runtime it stays a plain class.
    _ModelFormBase = forms.ModelForm[models.Model]
else:
    _ModelFormBase = object

CONFLICT_MESSAGE = _(
    "Someone else saved this while you were editing it. Their version is shown next to yours "
    "below, and what you typed is kept in the form. Check the fields and save again to keep "
    "your version."
)


# A save's history record is written within this time of its `updated_at`.
SAME_SAVE = datetime.timedelta(seconds=2)


class Conflict(TypedDict):
    """A field where the saved value differs from what this user typed."""

    label: StrOrPromise | None
    theirs: StrOrPromise
    yours: StrOrPromise


class ConflictAuthor(TypedDict):
    """Who saved the newer version, and when."""

    user: str
    when: datetime.datetime


def version_of(instance: models.Model) -> str:
    """The version token of a saved object: its last change as ISO text, "" for a new one."""
    if instance.pk is None:
        return ""
    version: datetime.datetime | None
    try:
        instance._meta.get_field("updated_at")
    except FieldDoesNotExist:
        # HistoricalRecords adds the `history` manager at runtime; simple_history ships no types for it.
        version = instance.history.values_list("history_date", flat=True).first()  # type: ignore[attr-defined]
    else:
        version = instance.updated_at  # type: ignore[attr-defined]  # the field is there: _meta found it above
    return version.isoformat() if version else ""


class VersionedFormMixin(_ModelFormBase):
    """For a ModelForm: refuse to save over a newer version of the same object."""

    version_field_name = "version"
    merge_untouched = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conflicts: list[Conflict] = []
        self.conflict_by: ConflictAuthor | None = None
        self.fields[self.version_field_name] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[self.version_field_name].initial = self.version(self.instance)

    def version(self, instance: models.Model) -> str:
        """What tells this form's object apart from a newer save; a form may narrow it to its own fields."""
        return version_of(instance)

    def clean(self) -> dict[str, Any]:
        # ModelForm.clean returns self.cleaned_data; the stubs allow None, which a form's clean may return.
        cleaned_data = cast("dict[str, Any]", super().clean())
        if self.instance.pk is None:
            return cleaned_data
        saved = type(self.instance)._default_manager.get(pk=self.instance.pk)
        current = self.version(saved)
        if cleaned_data.get(self.version_field_name, "") != current:
            seen = self._seen(saved, cleaned_data.get(self.version_field_name, "")) if self.merge_untouched else None
            self.conflicts = self._differences(saved, cleaned_data, seen)
            if not self.conflicts:
                return cleaned_data  # the saved version already reads as this user's: nothing is lost
            self.conflict_by = _last_changed_by(saved)
            # A bound form's data is the request's QueryDict (a dict in tests); the stubs say Mapping.
            data = cast("QueryDict | dict[str, Any]", self.data).copy()
            data[self.add_prefix(self.version_field_name)] = current
            self.data = data
            raise ValidationError(CONFLICT_MESSAGE, code="conflict")
        return cleaned_data

    def _differences(
        self, saved: models.Model, cleaned_data: dict[str, Any], seen: models.Model | None = None
    ) -> list[Conflict]:
        differences: list[Conflict] = []
        for name, field in self.fields.items():
            if name == self.version_field_name or name not in cleaned_data:
                continue
            theirs = self.saved_value(saved, name)
            yours = cleaned_data[name]
            if _comparable(theirs) == _comparable(yours):
                continue
            if seen is not None:
                before = _comparable(self._seen_value(seen, name))
                if _comparable(yours) == before:
                    cleaned_data[name] = theirs  # left as this user saw it: the newer saved value stays
                    continue
                if _comparable(theirs) == before:
                    continue  # only this user changed it
            differences.append(
                {"label": field.label, "theirs": _display(field, theirs), "yours": _display(field, yours)}
            )
        return differences

    def _seen(self, saved: models.Model, version: str) -> models.Model | None:
        """The object as it was at the version this user's form was filled from (a new, unsaved one for "")."""
        if not version:
            return type(saved)()
        history = getattr(saved, "history", None)
        try:
            moment = datetime.datetime.fromisoformat(version)
            if history is None or moment.tzinfo is None:
                return None  # not a version this portal wrote
            # The version's save wrote its history record at, or just after, the version's time; a record
            # much later is another save (the version's own was written without history): nothing to merge by.
            record = history.filter(history_date__gte=moment).order_by("history_date").first()
        except (ValueError, OverflowError):
            return None
        if record is None or record.history_date - moment > SAME_SAVE:
            return None
        return record.instance

    def _seen_value(self, seen: models.Model, name: str) -> Any:
        try:
            return self.saved_value(seen, name)
        except (FieldDoesNotExist, ValueError):
            return None

    def saved_value(self, saved: models.Model, name: str) -> Any:
        """The saved object's value for a form field; forms with fields that are no column override it."""
        model_field = saved._meta.get_field(name)
        if model_field.many_to_many:
            return list(getattr(saved, name).all())
        return getattr(saved, name)


def _last_changed_by(saved: models.Model) -> ConflictAuthor | None:
    history = getattr(saved, "history", None)
    latest = history.select_related("history_user").first() if history is not None else None
    if latest is None:
        return None
    user = latest.history_user
    return {"user": (user.get_full_name() or user.username) if user else "", "when": latest.history_date}


def _comparable(value: object) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(_comparable(item) for item in value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if value in (None, ""):
        return ""
    return value


def _display(field: forms.Field, value: Any) -> StrOrPromise:
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
