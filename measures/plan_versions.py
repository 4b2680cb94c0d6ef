"""Adopted versions of a plan, and what became of each measure when a plan was carried into a new period.

Loaded by measures.models, so Django finds the models there.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Body, WrittenStandard
from participants.validators import validate_no_national_id


class PlanVersionQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-number")

    def summaries(self):
        """Without the archived contents (plan file, web page, PDF): for lists and "the adopted version of"."""
        return self.defer("plan_file", "html", "pdf")

    def with_pdf(self):
        """With the PDF but not the plan file or web page: for downloads."""
        return self.defer("plan_file", "html")


class PlanVersion(models.Model):
    """An adopted version of a plan, frozen: its data as the plan file and its PDF as bytes.

    Nothing in the portal changes or deletes a version: the admin shows it read-only, the plan
    file import refuses a file that would change it, and the PDF is checked against its SHA-256
    on every download.
    """

    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(
        Body, verbose_name=_("adopted by"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    case_reference = models.CharField(
        _("case reference"), max_length=50, blank=True, validators=[validate_no_national_id]
    )
    # Made by the portal when the version is frozen, never typed: not editable anywhere.
    plan_file = models.TextField(_("the plan as plan file"), editable=False)
    html = models.TextField(_("the plan as a web page"), editable=False)
    pdf = models.BinaryField(_("the plan as PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, editable=False)
    language = models.CharField(
        _("written standard"), max_length=2, choices=WrittenStandard.choices, default="nb", editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "number"]
        get_latest_by = "number"
        verbose_name = _("adopted version")
        verbose_name_plural = _("adopted versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="planversion_number_positive"),
        ]

    def __str__(self):
        return _("%(plan)s, version %(number)s") % {"plan": self.plan, "number": self.number}

    def pdf_is_intact(self):
        """Whether the archived PDF still has the bytes it was adopted with."""
        return hashlib.sha256(bytes(self.pdf)).hexdigest() == self.pdf_sha256


class RolloverDecision(models.TextChoices):
    CONTINUE = "videre", _("Continue")
    CHANGED = "endret", _("Continue, changed")
    COMPLETED = "fullfort", _("Completed")
    ENDED = "avsluttet", _("Ended")


# A reason is required for a measure that is not carried on.
DECISIONS_NEEDING_REASON = (RolloverDecision.COMPLETED, RolloverDecision.ENDED)


class MeasureRollover(models.Model):
    """What became of a measure of the previous period when the plan went on into a new one."""

    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="rollovers"
    )
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("measure of the previous period"),
        on_delete=models.PROTECT,
        related_name="rollovers",
    )
    decision = models.CharField(_("decision"), max_length=20, choices=RolloverDecision)
    reason = models.TextField(_("reason"), blank=True, validators=[validate_no_national_id])
    successor = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("measure of the new period"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_from",
    )

    class Meta:
        ordering = ["plan", "measure__number"]
        verbose_name = _("measure carried over")
        verbose_name_plural = _("measures carried over")
        constraints = [
            models.UniqueConstraint(fields=["plan", "measure"], name="measurerollover_unique_measure"),
            models.CheckConstraint(
                condition=models.Q(decision__in=[choice.value for choice in RolloverDecision]),
                name="measurerollover_decision_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision__in=[d.value for d in DECISIONS_NEEDING_REASON]) | ~models.Q(reason=""),
                name="measurerollover_reason_when_not_carried_on",
            ),
        ]

    def __str__(self):
        return f"{self.measure} – {self.get_decision_display()}"
