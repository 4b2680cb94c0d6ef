"""The plan's own forms: its texts, goals, focus areas and links, the logo, publishing, the status report."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from measures.models import ActionPlan, FocusArea, Goal, Link, LinkSection
from measures.versioning import VersionedFormMixin

MAX_LOGO_BYTES = 2 * 1024 * 1024


class LogoForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["logo"]
        help_texts = {"logo": _("PNG or JPEG, at most 2 MB. Shown on the cover of the plan.")}

    def version(self, instance):
        # The stored file's name: a text edit of the plan is no conflict for the logo, a newer upload is.
        return instance.logo.name or ""

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


class ActionPlanTextsForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "title",
            *ActionPlan.CHAPTER_FIELDS,
            "adopted_on",
            "adopted_by",
            "update_interval_days",
            "due_soon_days",
            "stale_after_days",
        ]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class OrderedInPlanMixin:
    def clean_order(self):
        order = self.cleaned_data["order"]
        siblings = type(self.instance)._default_manager.filter(plan=self.instance.plan, order=order)
        if siblings.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Another entry already has this place in the order."), code="unique")
        return order


class GoalForm(OrderedInPlanMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class FocusAreaForm(OrderedInPlanMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class LinkForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Link
        fields = ["section", "measure", "title", "url", "order"]
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = self.instance.plan.measures.all()
        self.fields["measure"].help_text = _("Only for links in the section “Measure”.")

    def clean(self):
        cleaned_data = super().clean()
        section, measure = cleaned_data.get("section"), cleaned_data.get("measure")
        if section == LinkSection.MEASURE and measure is None:
            self.add_error("measure", _("Choose the measure the link belongs to."))
        elif section and section != LinkSection.MEASURE and measure is not None:
            self.add_error("measure", _("Only links in the section “Measure” belong to a measure."))
        return cleaned_data
