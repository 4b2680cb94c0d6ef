from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from measures.models import ActionPlan

MAX_LOGO_BYTES = 2 * 1024 * 1024


class LogoForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["logo"]
        help_texts = {"logo": _("PNG or JPEG, at most 2 MB. Shown on the cover of the plan.")}

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("The logo is too large: at most 2 MB."))
        image = getattr(logo, "image", None)  # set only on a new upload
        if image is not None and image.format not in {"PNG", "JPEG"}:
            raise forms.ValidationError(_("Upload the logo as PNG or JPEG."))
        return logo


class StatusReportForm(forms.Form):
    since = forms.DateField(
        label=_("Changes since"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The report lists status updates and changes to the measures from this date."),
    )

    def clean_since(self):
        since = self.cleaned_data["since"]
        if since > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return since


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)
