import datetime

from dateutil.rrule import rrulestr
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from measures.models import ActionPlan, Measure
from participants.models import Body, Person, Position


class MeetingSeries(models.Model):
    """A regular meeting of the plan ("fast treffpunkt"): what, purpose, frequency."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="meeting_series"
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("what"), max_length=200)
    purpose = models.TextField(_("purpose"))
    frequency = models.CharField(_("frequency"), max_length=100, help_text=_("As the plan writes it."))
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=300,
        help_text=_("RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1."),
    )
    start_time = models.TimeField(_("start time"), default=datetime.time(9, 0))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    location = models.CharField(_("location"), max_length=200, blank=True)
    bodies = models.ManyToManyField(Body, verbose_name=_("attending bodies"), blank=True, related_name="meeting_series")
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Minutes, agenda and action items only for the coordinator and the body's members."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(m2m_fields=[bodies])

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
    title = models.CharField(_("title"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["series", "order"]
        verbose_name = _("standing agenda item")
        verbose_name_plural = _("standing agenda items")
        constraints = [models.UniqueConstraint(fields=["series", "order"], name="standingitem_unique_order")]

    def __str__(self):
        return self.title


class MeetingStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planned")
    HELD = "gjennomfort", _("Held")
    CANCELLED = "avlyst", _("Cancelled")


class MinutesStatus(models.TextChoices):
    DRAFT = "utkast", _("Draft")
    APPROVED = "godkjent", _("Approved")


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("meeting series"), on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    minutes_status = models.CharField(
        _("minutes status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_meetings",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        permissions = [("approve_minutes", _("Can approve minutes"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[choice.value for choice in MeetingStatus]), name="meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_status__in=[choice.value for choice in MinutesStatus]),
                name="meeting_minutes_status_valid",
            ),
            models.UniqueConstraint(fields=["series", "starts_at"], name="meeting_unique_start_per_series"),
        ]
        indexes = [
            # upcoming meetings on the dashboard and the year view: by start time
            models.Index(fields=["starts_at"], name="meeting_starts_at"),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.series} {local:%d.%m.%Y}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="agendaitem_unique_order")]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance")
    position = models.ForeignKey(Position, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.SET_NULL, null=True, blank=True, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="attendance_unique_seat")]

    def __str__(self):
        return f"{self.position} – {self.meeting}"


class ActionItemKind(models.TextChoices):
    DECISION = "vedtak", _("Decision")
    ACTION = "oppfolging", _("Action item")


class ActionItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActionItemKind.choices, default=ActionItemKind.ACTION)
    text = models.TextField(_("text"))
    responsible_person = models.ForeignKey(
        Person,
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    responsible_body = models.ForeignKey(
        Body,
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due = models.DateField(_("due"), null=True, blank=True)
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    done = models.BooleanField(_("done"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[choice.value for choice in ActionItemKind]), name="actionitem_kind_valid"
            ),
        ]
        indexes = [
            # overdue reminders: open items by due date
            models.Index(fields=["done", "due"], name="actionitem_open_due"),
        ]

    def __str__(self):
        return self.text[:80]
