"""The parts of a plan beside its measures: its ordered goals and focus areas, and its links.

Loaded by measures.models, so Django finds the models there.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.validators import validate_no_national_id


class Goal(models.Model):
    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="goals"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("goal"), validators=[validate_no_national_id])

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="goal_unique_order")]

    def __str__(self):
        return self.text


class FocusArea(models.Model):
    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="focus_areas"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("focus area"), validators=[validate_no_national_id])

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="focusarea_unique_order")]

    def __str__(self):
        return self.text


class LinkSection(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    GUIDANCE = "guidance", _("National and municipal guidance")
    KNOWLEDGE = "knowledge", _("Knowledge base")
    MEASURE = "measure", _("Measure")
    USEFUL = "useful", _("Useful links")


class Link(models.Model):
    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="links"
    )
    section = models.CharField(_("section"), max_length=20, choices=LinkSection)
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="links",
    )
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_national_id])
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(section__in=[choice.value for choice in LinkSection]), name="link_section_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(section="measure", measure__isnull=False)
                | (~models.Q(section="measure") & models.Q(measure__isnull=True)),
                name="link_measure_iff_measure_section",
            ),
        ]

    def __str__(self):
        return self.title
