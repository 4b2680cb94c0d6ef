"""The plan's knowledge base as data: indicators (Ungdata, BTI, the police's and the municipality's own
counts) and their values per year or half-year.

Loaded by measures.models, so Django finds the models there.
"""

from decimal import Decimal

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.validators import validate_no_national_id

# Fewer than this many people, or a count below it, is never shown publicly: it could point at a person.
SMALLEST_SHOWN = 5


class Source(models.TextChoices):
    UNGDATA = "ungdata", "Ungdata"
    BTI = "bti", "BTI"
    POLICE = "politiet", _("The police")
    MUNICIPALITY = "kommunen", _("The municipality's own figures")
    OTHER = "annet", _("Other")


class Unit(models.TextChoices):
    PERCENT = "prosent", _("per cent")
    COUNT = "antall", _("count")
    PER_THOUSAND = "promille", _("per thousand")
    AVERAGE = "gjennomsnitt", _("average")


class Direction(models.TextChoices):
    UP = "opp", _("Higher is better")
    DOWN = "ned", _("Lower is better")


class Half(models.IntegerChoices):
    WHOLE_YEAR = 0, _("whole year")
    FIRST = 1, _("first half")
    SECOND = 2, _("second half")


def format_number(value):
    """A decimal as the page's language writes it, with no trailing zeros: 12,5 or 40."""
    text = format(Decimal(value).normalize(), "f")
    places = len(text.split(".")[1]) if "." in text else 0
    return number_format(Decimal(text), places)


class Indicator(models.Model):
    plan = models.ForeignKey(
        "measures.ActionPlan", verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_national_id])
    unit = models.CharField(_("unit"), max_length=20, choices=Unit, default=Unit.PERCENT)
    source = models.CharField(_("source"), max_length=20, choices=Source, default=Source.UNGDATA)
    good_direction = models.CharField(
        _("good direction"),
        max_length=3,
        choices=Direction,
        default=Direction.UP,
        help_text=_("Whether a rising or a falling value is good news."),
    )
    target = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True, help_text=_("Optional.")
    )
    goals = models.ManyToManyField("measures.Goal", verbose_name=_("goals"), blank=True, related_name="indicators")
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("measures"), blank=True, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(m2m_fields=[goals, measures])

    class Meta:
        ordering = ["plan", "order", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="indicator_unique_name_per_plan"),
            models.CheckConstraint(
                condition=models.Q(source__in=[choice.value for choice in Source]), name="indicator_source_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(unit__in=[choice.value for choice in Unit]), name="indicator_unit_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(good_direction__in=[choice.value for choice in Direction]),
                name="indicator_direction_valid",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_count(self):
        return self.unit == Unit.COUNT

    def format_value(self, value):
        """The value with its unit: "12,5 %" or "40"."""
        number = format_number(value)
        if self.unit == Unit.PERCENT:
            return f"{number} %"
        if self.unit == Unit.PER_THOUSAND:
            return f"{number} ‰"
        return number


class IndicatorValue(models.Model):
    """An indicator's value for a year, or for one half of a year."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), choices=Half, default=Half.WHOLE_YEAR)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    sample_size = models.PositiveIntegerField(
        _("sample size"), null=True, blank=True, help_text=_("How many answered or were counted, where known.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year", "half"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "half"], name="indicatorvalue_unique_period"),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="indicatorvalue_year_in_range"
            ),
            models.CheckConstraint(condition=models.Q(half__in=[0, 1, 2]), name="indicatorvalue_half_valid"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_display} {self.indicator.format_value(self.value)}"

    @property
    def period_short(self):
        """The period on a chart's axis: "2025", or "2025/1" for its first half."""
        return str(self.year) if self.half == Half.WHOLE_YEAR else f"{self.year}/{self.half}"

    @property
    def period_display(self):
        if self.half == Half.WHOLE_YEAR:
            return str(self.year)
        return _("%(half)s %(year)s") % {"half": Half(self.half).label, "year": self.year}

    @property
    def formatted(self):
        """The value with its unit, as staff pages show it."""
        return self.indicator.format_value(self.value)

    @property
    def too_small_to_publish(self):
        """A count under 5, or a value from fewer than 5 people: never shown publicly."""
        if self.sample_size is not None and self.sample_size < SMALLEST_SHOWN:
            return True
        return self.indicator.is_count and self.value < SMALLEST_SHOWN

    def display(self, *, public):
        """The value as a page shows it; publicly, "under 5" where the number could point at a person."""
        if public and self.too_small_to_publish:
            return _("under %(number)s") % {"number": SMALLEST_SHOWN}
        return self.indicator.format_value(self.value)
