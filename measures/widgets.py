"""The measure field of forms that pick one measure of a plan that may hold 1,000 or more.

A select would send every measure with every page. The field is a text input instead: the person
types the measure's number or words of its title; while typing, the portal suggests up to ten
measures (htmx, `measures:measure_search`), and a suggestion picked fills the field. Without
JavaScript the number, or words only one measure's title holds, are enough.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .models import Measure

SUGGESTIONS = 10
# A longer text is no part of any measure's title (nor may SQLite's LIKE pattern be much longer).
TITLE_LENGTH = Measure._meta.get_field("title").max_length
_NUMBER = re.compile(r"^(\d{1,9})(?!\d)")


def _cleaned(text):
    """What was typed, with whitespace collapsed and the NUL characters no database text can hold removed."""
    return " ".join(str(text or "").replace("\x00", "").split())


class MeasureSearchInput(forms.TextInput):
    """A text input with a list of suggestions the portal fills as the person types."""

    plan_pk = None  # set by MeasureField.for_plan: suggestions come from the form's plan

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        box = f"{attrs.get('id') or name}-forslag"
        attrs.update(
            {
                "hx-get": f"{reverse('measures:measure_search')}?plan={self.plan_pk or ''}",
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{box}",
                "hx-sync": "this:replace",
                "aria-controls": box,
                "placeholder": _("No. or word"),
            }
        )
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="measure-search">{}<div id="{}" class="measure-suggestions" aria-live="polite"></div></div>',
            field,
            box,
        )


class MeasureField(forms.ModelChoiceField):
    """One measure of the queryset, found by its number ("9", "9. Natteravnordning") or a unique title word."""

    widget = MeasureSearchInput
    default_error_messages = {
        "invalid_choice": _("The plan has no measure %(value)s."),
        "no_match": _("No measure's title holds “%(value)s”. Type the measure's number."),
        "ambiguous": _("Several measures match “%(value)s”: %(measures)s. Type the measure's number."),
    }

    def for_plan(self, plan):
        """Offer the measures of this plan."""
        self.queryset = plan.measures.all()
        self.widget.plan_pk = plan.pk

    def prepare_value(self, value):
        if hasattr(value, "_meta"):
            return str(value)
        if isinstance(value, int) and not isinstance(value, bool):  # a saved choice, by its id
            found = self.queryset.filter(pk=value).first()
            return str(found) if found else ""
        return "" if value is None else value  # what the person typed, shown back as typed

    def to_python(self, value):
        text = _cleaned(value)
        if not text:
            return None
        number = _NUMBER.match(text)
        if number:
            found = self.queryset.filter(number=int(number[1])).first()
            if found is None:
                raise ValidationError(self.error_messages["invalid_choice"], "invalid_choice", {"value": number[1]})
            return found
        if len(text) > TITLE_LENGTH:
            raise ValidationError(self.error_messages["no_match"], "no_match", {"value": Truncator(text).chars(40)})
        matches = list(self.queryset.filter(title__icontains=text).order_by("number")[:6])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(self.error_messages["no_match"], "no_match", {"value": text})
        shown = ", ".join(str(measure) for measure in matches[:5])
        raise ValidationError(self.error_messages["ambiguous"], "ambiguous", {"value": text, "measures": shown})

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial_pk = getattr(initial, "pk", initial)
        try:
            chosen = self.to_python(data)
        except ValidationError:
            return True
        return str(getattr(chosen, "pk", "") or "") != str(initial_pk or "")


def measure_field_for(form, plan, name="measure"):
    """Point a form's measure field at the plan; a saved object's measure shows without another query."""
    form.fields[name].for_plan(plan)
    instance = getattr(form, "instance", None)
    chosen = getattr(instance, f"{name}_id", None)
    if chosen is not None and form.initial.get(name) == chosen:
        form.initial[name] = getattr(instance, name)  # the object, which ModelForm gave as its id


def suggestions(measures, text):
    """The measures a search text suggests: by number first, then by title, at most SUGGESTIONS."""
    text = _cleaned(text)
    if not text:
        return []
    number = _NUMBER.match(text)
    found = []
    if number:
        # "1" suggests 1, 10, 11 …: what the person may be about to type.
        numbered = measures.annotate(number_text=Cast("number", CharField())).filter(number_text__startswith=number[1])
        found = list(numbered.order_by("number")[:SUGGESTIONS])
    if len(text) > TITLE_LENGTH:
        return found
    by_title = measures.filter(title__icontains=text).exclude(pk__in=[measure.pk for measure in found])
    return found + list(by_title.order_by("number")[: SUGGESTIONS - len(found)])
