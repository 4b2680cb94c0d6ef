"""A measure's activities: the dated or monthly work the plan's årshjul holds.

Livsmestring's teaching per grade, the parents' meeting themes, natteravn weekends, the Ungdata
survey week, report deadlines. Loaded by measures.models, so Django finds the model there.
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.models import Body
from participants.validators import validate_no_national_id


class ActivityStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planned")
    DONE = "utfort", _("Done")
    CANCELLED = "avlyst", _("Cancelled")


class Month(models.IntegerChoices):
    JANUARY = 1, _("January")
    FEBRUARY = 2, _("February")
    MARCH = 3, _("March")
    APRIL = 4, _("April")
    MAY = 5, _("May")
    JUNE = 6, _("June")
    JULY = 7, _("July")
    AUGUST = 8, _("August")
    SEPTEMBER = 9, _("September")
    OCTOBER = 10, _("October")
    NOVEMBER = 11, _("November")
    DECEMBER = 12, _("December")


class ActivityQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(models.Q(date__year=year) | models.Q(date__isnull=True, year=year))

    def in_order(self):
        return self.order_by("sort_date", "id")


class Activity(models.Model):
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("measure"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("activity"), max_length=200, validators=[validate_no_national_id])
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("For an activity on a given day."))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(
        _("month"), choices=Month, null=True, blank=True, help_text=_("For an activity some time in a month.")
    )
    # The first day it can fall on: the date, or the first of the month; what lists and the wheel sort by.
    sort_date = models.DateField(_("sort date"), editable=False)
    target_group = models.CharField(
        _("target group"),
        max_length=100,
        blank=True,
        help_text=_("For example “9. trinn” or “foreldre”."),
        validators=[validate_no_national_id],
    )
    responsible_text = models.CharField(
        _("responsible"), max_length=200, blank=True, validators=[validate_no_national_id]
    )
    responsible_body = models.ForeignKey(
        Body,
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus, default=ActivityStatus.PLANNED)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_date", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date__isnull=False, year__isnull=True, month__isnull=True)
                | models.Q(date__isnull=True, year__isnull=False, month__gte=1, month__lte=12),
                name="activity_date_or_month",
                violation_error_message=_("Give either a date, or a year and a month."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[choice.value for choice in ActivityStatus]),
                name="activity_status_valid",
            ),
        ]
        indexes = [
            # the year wheel and a measure's activities: by the day they fall on
            models.Index(fields=["measure", "sort_date"], name="activity_measure_sort_date"),
        ]

    def __str__(self):
        return f"{self.title} ({self.when_display})"

    @staticmethod
    def first_day(date, year, month):
        return date or datetime.date(year, month, 1)

    @property
    def when_display(self):
        """19.02.2026, or "februar 2026" for a monthly activity."""
        if self.date:
            return self.date.strftime("%d.%m.%Y")
        return date_format(datetime.date(self.year, self.month, 1), "F Y")

    @property
    def is_done(self):
        return self.status == ActivityStatus.DONE
