"""Meeting series: the plan's regular meetings, their rhythm, pauses, notice and approval settings."""

import datetime

from dateutil.rrule import rrulestr
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from measures.models import ActionPlan
from participants.models import Body
from participants.validators import validate_no_national_id


class MinutesApproval(models.TextChoices):
    CHAIR = "moteleder", _("The chair (møteleder)")
    APPROVERS = "godkjennere", _("The body's chosen approvers")
    NEXT_MEETING = "neste_mote", _("The next meeting")


class MeetingSeries(models.Model):
    """A regular meeting of the plan ("fast treffpunkt"): what, purpose, frequency."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="meeting_series"
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("what"), max_length=200, validators=[validate_no_national_id])
    purpose = models.TextField(_("purpose"), validators=[validate_no_national_id])
    frequency = models.CharField(
        _("frequency"), max_length=100, help_text=_("As the plan writes it."), validators=[validate_no_national_id]
    )
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=300,
        help_text=_("RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1."),
    )
    start_time = models.TimeField(_("start time"), default=datetime.time(9, 0))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    location = models.CharField(_("location"), max_length=200, blank=True, validators=[validate_no_national_id])
    bodies = models.ManyToManyField(Body, verbose_name=_("attending bodies"), blank=True, related_name="meeting_series")
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Minutes, agenda and action items only for the coordinator and the body's members."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    pause_summer = models.BooleanField(_("pause in fellesferien"), default=True, help_text=_("No meetings in July."))
    pause_christmas = models.BooleanField(
        _("pause in juleferien"), default=True, help_text=_("No meetings from 20 December to 2 January.")
    )
    notice_days = models.PositiveSmallIntegerField(
        _("notice days ahead"),
        default=7,
        help_text=_("The notice (innkalling) with the agenda goes out this many days before the meeting."),
    )
    minutes_approval = models.CharField(
        _("who approves the minutes"),
        max_length=20,
        choices=MinutesApproval,
        default=MinutesApproval.CHAIR,
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[bodies], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="meetingseries_unique_key_per_plan"),
            models.CheckConstraint(condition=models.Q(duration_minutes__gte=1), name="meetingseries_duration_positive"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_confidential(self):
        """The series' own flag decides (the plan file sets it per series), not its bodies'."""
        return self.confidential

    def occurrences(self, start, end):
        """Start times (aware, Europe/Oslo) from the recurrence rule between two dates, inclusive."""
        zone = timezone.get_default_timezone()
        dtstart = datetime.datetime.combine(start, self.start_time)
        until = datetime.datetime.combine(end, datetime.time.max)
        rule = rrulestr(self.rrule, dtstart=dtstart, ignoretz=True)
        return [moment.replace(tzinfo=zone) for moment in rule.between(dtstart, until, inc=True)]


class StandingAgendaItem(models.Model):
    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("meeting series"), on_delete=models.CASCADE, related_name="standing_items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_national_id])

    history = HistoricalRecords()

    class Meta:
        ordering = ["series", "order"]
        verbose_name = _("standing agenda item")
        verbose_name_plural = _("standing agenda items")
        constraints = [models.UniqueConstraint(fields=["series", "order"], name="standingitem_unique_order")]

    def __str__(self):
        return self.title
