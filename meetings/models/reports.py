"""The steering group's status reports of record: numbered per plan, made for one of its meetings.

Here and not in measures because a report links to the meeting it was made for; what every
report of record shares (texts while a draft, the PDF and its SHA-256 once frozen) is
measures.reports.FrozenReport.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from measures.models import ActionPlan, Measure
from measures.reports import FrozenReport
from participants.validators import validate_no_national_id

from .meeting import Meeting


class StatusReportQuerySet(models.QuerySet):
    def frozen(self):
        return self.filter(frozen_at__isnull=False)

    def drafts(self):
        return self.filter(frozen_at__isnull=True)


class StatusReport(FrozenReport):
    """A status report for the steering group, kept as it was frozen; it gets its number then."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="status_reports"
    )
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True, editable=False)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("steering group meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_reports",
        help_text=_("The meeting of the steering group the report is made for."),
    )

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="statusreport_unique_number"),
            # One draft at a time: the coordinator goes on with it rather than starting another.
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(frozen_at__isnull=True), name="statusreport_one_draft_per_plan"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="statusreport_period_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(frozen_at__isnull=True) | (models.Q(number__gte=1) & ~models.Q(pdf_sha256="")),
                name="statusreport_frozen_has_number_and_pdf",
            ),
        ]

    def __str__(self):
        if self.number:
            return _("Status report %(number)s – %(plan)s") % {"number": self.number, "plan": self.plan}
        return _("Draft status report – %(plan)s") % {"plan": self.plan}


class StatusReportAssessment(models.Model):
    """The coordinator's assessment (koordinators vurdering) of one measure, written before the report is frozen."""

    report = models.ForeignKey(
        StatusReport, verbose_name=_("status report"), on_delete=models.CASCADE, related_name="assessments"
    )
    measure = models.ForeignKey(Measure, verbose_name=_("measure"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("coordinator's assessment"), blank=True, validators=[validate_no_national_id])

    class Meta:
        ordering = ["report", "measure__number"]
        verbose_name = _("coordinator's assessment")
        verbose_name_plural = _("coordinator's assessments")
        constraints = [
            models.UniqueConstraint(fields=["report", "measure"], name="statusreportassessment_unique_measure"),
        ]

    def __str__(self):
        return f"{self.report} – {self.measure}"
