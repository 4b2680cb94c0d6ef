"""Form widgets for long choice lists.

Django renders every <option> of a select through its own template, which is slow for a
plan's 1,000+ measures (a meeting page has two such selects). QuickSelect writes the same
markup in Python.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single select with the markup of Django's Select, written without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        wanted = {str(v) for v in self.format_value(value)}
        parts = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                parts.append(f'<optgroup label="{escape(group_value)}">')
                options, closing = group_label, "</optgroup>"
            else:
                options, closing = [(group_value, group_label)], None
            for option_value, option_label in options:
                text = "" if option_value is None else str(option_value)
                selected = text in wanted
                if selected:
                    wanted = set()  # one selected option, as Django's Select
                mark = " selected" if selected else ""
                parts.append(f'<option value="{escape(text)}"{mark}>{conditional_escape(option_label)}</option>')
            if closing:
                parts.append(closing)
        parts.append("</select>")
        return mark_safe("\n".join(parts))
