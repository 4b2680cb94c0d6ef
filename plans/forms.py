"""The plan's own forms: its texts, goals, focus areas and links, the logo, publishing, the status report."""

import datetime
import io
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from PIL import Image

from measures.models import (
    DECISIONS_NEEDING_REASON,
    ActionPlan,
    AnnualReport,
    FocusArea,
    Goal,
    Link,
    LinkSection,
    RolloverDecision,
    Status,
)
from measures.versioning import VersionedFormMixin
from measures.widgets import MeasureField, measure_field_for
from meetings.models import Meeting, MeetingStatus, StatusReport
from participants.models import Body, Level
from participants.validators import validate_no_national_id

MAX_LOGO_BYTES = 2 * 1024 * 1024
# A small file can hold a huge image (12000 x 12000 px in 17 KB), and every plan PDF would decode
# it: refuse what is beyond any cover, and store the rest at the size the cover uses.
MAX_LOGO_PIXELS = 4000 * 4000
LOGO_SIDE = 1200


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
        if image is None:
            return logo
        if image.format not in {"PNG", "JPEG"}:
            raise forms.ValidationError(_("Upload the logo as PNG or JPEG."))
        if image.width * image.height > MAX_LOGO_PIXELS:
            raise forms.ValidationError(
                _("The logo is too large: at most %(max)s million pixels.") % {"max": MAX_LOGO_PIXELS // 1_000_000}
            )
        try:
            return _downscaled(logo, image.format)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as broken:
            # Pillow's verify() passed a header whose pixel data cannot be decoded.
            raise forms.ValidationError(forms.ImageField.default_error_messages["invalid_image"]) from broken


EARLIEST_REPORT_DATE = datetime.date(2000, 1, 1)


def _downscaled(upload, image_format):
    """The upload at most LOGO_SIDE pixels wide and high, under a name of our own (not the user's)."""
    upload.seek(0)
    with Image.open(upload) as image:
        image.thumbnail((LOGO_SIDE, LOGO_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, format=image_format)
    extension = "png" if image_format == "PNG" else "jpg"
    return ContentFile(buffer.getvalue(), name=f"logo.{extension}")


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
        if since < EARLIEST_REPORT_DATE:
            # Year 1 is a valid date, but not one the database can subtract or compare with time zones.
            raise forms.ValidationError(_("Choose a date from 2000 onwards."))
        return since


class AdoptionForm(forms.Form):
    adopted_on = forms.DateField(
        label=_("Adopted on"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    adopted_by = forms.ModelChoiceField(label=_("Adopted by"), queryset=Body.objects.all(), empty_label=None)
    case_reference = forms.CharField(
        label=_("Case reference"),
        max_length=50,
        help_text=_("The case number of the decision (saksnummer), for example 26/123."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest = plan.versions.summaries().latest_first().first()
        governing = Body.objects.filter(level=Level.GOVERNING).first()
        self.fields["adopted_by"].initial = plan.adopted_by or governing

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if self.latest and adopted_on <= self.latest.adopted_on:
            raise forms.ValidationError(
                _("A revision is adopted after version %(number)s of %(date)s.")
                % {"number": self.latest.number, "date": self.latest.adopted_on.strftime("%d.%m.%Y")}
            )
        return adopted_on


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
            "written_standard",
            "update_interval_days",
            "due_soon_days",
            "stale_after_days",
        ]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.versions.exists():
            # Adopted: the adoption is recorded through "Registrer vedtak", as a new version.
            del self.fields["adopted_on"]
            del self.fields["adopted_by"]


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
        field_classes = {"url": partial(forms.URLField, assume_scheme="https"), "measure": MeasureField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        measure_field_for(self, self.instance.plan)
        self.fields["measure"].help_text = _("Only for links in the section “Measure”.")

    def clean(self):
        cleaned_data = super().clean()
        section, measure = cleaned_data.get("section"), cleaned_data.get("measure")
        if section == LinkSection.MEASURE and measure is None:
            self.add_error("measure", _("Choose the measure the link belongs to."))
        elif section and section != LinkSection.MEASURE and measure is not None:
            self.add_error("measure", _("Only links in the section “Measure” belong to a measure."))
        return cleaned_data


class RolloverForm(forms.Form):
    """The next period: its years and title, and for every measure what becomes of it."""

    period_start = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    period_end = forms.IntegerField(label=_("Last year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=200)
    generate_meetings = forms.BooleanField(
        label=_("Create the new period's meetings from the regular meetings"), required=False, initial=True
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        length = plan.period_end - plan.period_start + 1
        start, end = plan.period_end + 1, plan.period_end + length
        self.fields["period_start"].initial = start
        self.fields["period_end"].initial = end
        self.fields["title"].initial = plan.title.replace(plan.period_display, f"{start}–{end}")
        self.measures = list(plan.measures.all())
        self.rows = []
        for measure in self.measures:
            carried_on = measure.status not in (Status.COMPLETED, Status.ENDED)
            decision = forms.ChoiceField(
                label=pgettext_lazy("what becomes of a measure in the next period", "Decision"),
                choices=RolloverDecision.choices,
                initial=RolloverDecision.CONTINUE if carried_on else RolloverDecision.COMPLETED,
                widget=forms.RadioSelect,
            )
            reason = forms.CharField(
                label=_("Reason (required when completed or ended)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=[validate_no_national_id],
            )
            self.fields[f"decision_{measure.number}"] = decision
            self.fields[f"reason_{measure.number}"] = reason
            self.rows.append((measure, f"decision_{measure.number}", f"reason_{measure.number}"))

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("period_start"), cleaned_data.get("period_end")
        if start is not None and end is not None:
            if end < start:
                self.add_error("period_end", _("The last year cannot come before the first."))
            elif start <= self.plan.period_end:
                self.add_error("period_start", _("The new period starts after the current one ends."))
            elif ActionPlan.objects.filter(
                municipality=self.plan.municipality, period_start=start, period_end=end
            ).exists():
                self.add_error("period_start", _("A plan for this period exists already."))
        for measure, decision_field, reason_field in self.rows:
            decision = cleaned_data.get(decision_field)
            if decision in DECISIONS_NEEDING_REASON and not cleaned_data.get(reason_field, "").strip():
                self.add_error(reason_field, _("Give a reason for measure %(number)s.") % {"number": measure.number})
        return cleaned_data

    def measure_rows(self):
        """For the template: each measure with its bound decision and reason fields."""
        return [(measure, self[decision], self[reason]) for measure, decision, reason in self.rows]

    def decisions(self):
        """{measure number: (decision, reason)} from the cleaned form."""
        return {
            measure.number: (self.cleaned_data[decision_field], self.cleaned_data[reason_field].strip())
            for measure, decision_field, reason_field in self.rows
        }


class AssessmentFieldsMixin:
    """The coordinator's assessment of every measure of the plan as one text field each, in the same form."""

    def add_assessment_fields(self, measures, saved):
        self.measures = list(measures)
        for measure in self.measures:
            self.fields[self.assessment_name(measure)] = forms.CharField(
                label=f"{measure.number}. {measure.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                validators=[validate_no_national_id],
                initial=saved.get(measure.pk, ""),
            )

    @staticmethod
    def assessment_name(measure):
        return f"assessment_{measure.pk}"

    def assessment_fields(self):
        return [(measure, self[self.assessment_name(measure)]) for measure in self.measures]

    def assessments(self):
        """{measure id: text} from the cleaned form."""
        return {measure.pk: self.cleaned_data.get(self.assessment_name(measure), "") for measure in self.measures}

    def saved_value(self, saved, name):
        if name.startswith("assessment_"):
            row = saved.assessments.filter(measure_id=int(name.removeprefix("assessment_"))).first()
            return row.text if row else ""
        return super().saved_value(saved, name)


def steering_group_meetings(plan):
    """The meetings of the plan's series a governing-level body attends (the steering group's)."""
    return (
        Meeting.objects.filter(series__plan=plan, series__bodies__level=Level.GOVERNING)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("series")
        .distinct()
        .order_by("starts_at")
    )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.series.name} {timezone.localtime(obj.starts_at):%d.%m.%Y}"


class StatusReportDraftForm(AssessmentFieldsMixin, VersionedFormMixin, forms.ModelForm):
    """A draft status report on one page: its period, the meeting, the overall and per-measure assessments."""

    class Meta:
        model = StatusReport
        fields = ["period_start", "period_end", "meeting", "overall_assessment"]
        field_classes = {"meeting": MeetingChoiceField}
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "overall_assessment": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.instance
        for name in ("period_start", "period_end"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        self.fields["meeting"].queryset = steering_group_meetings(report.plan)
        saved = {row.measure_id: row.text for row in report.assessments.all()}
        self.add_assessment_fields(report.plan.measures.with_latest_update(), saved)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("period_start"), cleaned_data.get("period_end")
        for name, day in (("period_start", start), ("period_end", end)):
            if day is not None and day < EARLIEST_REPORT_DATE:
                self.add_error(name, _("Choose a date from 2000 onwards."))
        if start and end and start > end:
            self.add_error("period_end", _("The period ends before it starts."))
        return cleaned_data


class AnnualReportDraftForm(AssessmentFieldsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["overall_assessment", "next_steps"]
        widgets = {
            "overall_assessment": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.instance
        saved = {row.measure_id: row.text for row in report.assessments.all()}
        self.add_assessment_fields(report.plan.measures.with_latest_update(), saved)


class AnnualReportStartForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        last = min(plan.period_end, timezone.localdate().year)
        years = list(range(plan.period_start, max(last, plan.period_start) + 1))
        self.fields["year"].choices = [(year, str(year)) for year in reversed(years)]
