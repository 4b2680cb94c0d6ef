"""Reports of record: written in the portal as a draft, then frozen with their documents as bytes.

The steering group's numbered status report is made for one of its meetings and lives in
meetings (meetings.models.reports); the årsrapport to the kommunestyre lives here. Both share
`FrozenReport`: once frozen, a report is a document of record. Nothing in the portal changes or
deletes it (the services refuse, the admin is read-only), and its documents are checked against
their SHA-256 on every download.

Loaded by measures.models, so Django finds the models there.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.validators import validate_no_national_id


class ReportFrozenError(Exception):
    """A frozen report is a document of record: nothing changes, deletes or freezes it again."""


def sha256(data):
    return hashlib.sha256(bytes(data)).hexdigest()


class FrozenReport(models.Model):
    """What every report of record has: its texts while a draft, and its PDF once frozen."""

    overall_assessment = models.TextField(_("overall assessment"), blank=True, validators=[validate_no_national_id])
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True, editable=False)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Made by the portal when the report is frozen, never typed.
    pdf = models.BinaryField(_("the report as PDF"), blank=True, default=b"")
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_frozen(self):
        return self.frozen_at is not None

    @property
    def report_date(self):
        """The day the report speaks for: the day it was frozen, or today for a draft."""
        return timezone.localdate(self.frozen_at) if self.frozen_at else timezone.localdate()

    def pdf_is_intact(self):
        """Whether the archived PDF still has the bytes it was frozen with."""
        return bool(self.pdf_sha256) and sha256(self.pdf) == self.pdf_sha256


class AnnualReportQuerySet(models.QuerySet):
    def frozen(self):
        return self.filter(frozen_at__isnull=False)

    def drafts(self):
        return self.filter(frozen_at__isnull=True)


class AnnualReport(FrozenReport):
    """The årsrapport to the kommunestyre: one per calendar year of a plan, as PDF and as Word file."""

    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    next_steps = models.TextField(_("what comes next"), blank=True, validators=[validate_no_national_id])
    docx = models.BinaryField(_("the report as Word file"), blank=True, default=b"")
    docx_sha256 = models.CharField(_("SHA-256 of the Word file"), max_length=64, blank=True, editable=False)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-year"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="annualreport_unique_year"),
            models.CheckConstraint(
                condition=models.Q(frozen_at__isnull=True) | (~models.Q(pdf_sha256="") & ~models.Q(docx_sha256="")),
                name="annualreport_frozen_has_documents",
            ),
        ]

    def __str__(self):
        return _("Annual report %(year)s – %(plan)s") % {"year": self.year, "plan": self.plan}

    def docx_is_intact(self):
        """Whether the archived Word file still has the bytes it was frozen with."""
        return bool(self.docx_sha256) and sha256(self.docx) == self.docx_sha256


class AnnualReportAssessment(models.Model):
    """The coordinator's assessment of one measure in an årsrapport, written before it is frozen."""

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("annual report"), on_delete=models.CASCADE, related_name="assessments"
    )
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("measure"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("coordinator's assessment"), blank=True, validators=[validate_no_national_id])

    class Meta:
        ordering = ["report", "measure__number"]
        verbose_name = _("coordinator's assessment")
        verbose_name_plural = _("coordinator's assessments")
        constraints = [
            models.UniqueConstraint(fields=["report", "measure"], name="annualreportassessment_unique_measure"),
        ]

    def __str__(self):
        return f"{self.report} – {self.measure}"
