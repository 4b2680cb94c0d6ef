from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Person, WrittenStandard


class ProfileForm(forms.ModelForm):
    """What people keep about themselves: how to reach them, and whether they want the weekly summary."""

    class Meta:
        model = Person
        fields = ["email", "phone", "weekly_digest", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The municipality's written standard")), *WrittenStandard.choices]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(char.isdigit() or char in "+ -()" for char in phone):
            raise forms.ValidationError(_("Write the phone number with digits, spaces and +."), code="invalid")
        return phone
