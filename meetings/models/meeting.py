"""A meeting of a series: when and where, its status by hand and its phase, the minutes' state."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.models import Body, Person
from participants.validators import validate_no_national_id

from ..rendering import MINUTES_MAX_LENGTH, validate_minutes_markdown
from .series import MeetingSeries


class MeetingStatus(models.TextChoices):
    """What is set by hand; the rest of a meeting's life (Meeting.phase) follows from what happened."""

    PLANNED = "planlagt", _("Planned")
    CANCELLED = "avlyst", _("Cancelled")


class MeetingPhase(models.TextChoices):
    PLANNED = "planlagt", _("Planned")
    NOTICE_SENT = "innkalt", _("Notice sent")
    HELD = "avholdt", _("Held")
    APPROVED = "godkjent", _("Minutes approved")
    CANCELLED = "avlyst", _("Cancelled")


class MinutesStatus(models.TextChoices):
    DRAFT = "utkast", _("Draft")
    SUBMITTED = "til_godkjenning", _("Sent for approval")
    APPROVED = "godkjent", _("Approved")


class MeetingQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(starts_at__year=year)

    def attended_by(self, user):
        """Meetings of series whose bodies include a body where the user holds a seat."""
        return self.filter(series__bodies__in=Body.objects.with_seat_for(user)).distinct()

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).exclude(status=MeetingStatus.CANCELLED)


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("meeting series"), on_delete=models.CASCADE, related_name="meetings"
    )
    occurrence = models.DateField(
        _("date in the rhythm"),
        null=True,
        blank=True,
        help_text=_("The date the recurrence rule gave; kept when the meeting is moved."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=200, blank=True, validators=[validate_no_national_id])
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus, default=MeetingStatus.PLANNED)
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        max_length=MINUTES_MAX_LENGTH,
        help_text=_("Markdown."),
        validators=[validate_no_national_id, MaxLengthValidator(MINUTES_MAX_LENGTH), validate_minutes_markdown],
    )
    # The minutes as sanitised HTML, rendered once when they are saved (rendering.minutes_html_bounded).
    minutes_html = models.TextField(_("minutes as HTML"), blank=True, editable=False)
    minutes_status = models.CharField(
        _("minutes status"), max_length=20, choices=MinutesStatus, default=MinutesStatus.DRAFT
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
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent for approval by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_meetings",
    )
    submitted_at = models.DateTimeField(_("sent for approval at"), null=True, blank=True)
    notice_sent_at = models.DateTimeField(_("notice sent at"), null=True, blank=True, editable=False)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair (møteleder)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    secretary = models.ForeignKey(
        Person,
        verbose_name=_("minutes taker (referent)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recorded_meetings",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "minutes_html"])

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
            models.UniqueConstraint(fields=["series", "occurrence"], name="meeting_unique_occurrence_per_series"),
        ]
        indexes = [
            # upcoming meetings on the dashboard and the year view: by start time
            models.Index(fields=["starts_at"], name="meeting_starts_at"),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.series} {local:%d.%m.%Y}"

    @property
    def minutes_locked(self):
        return self.minutes_status == MinutesStatus.APPROVED

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    def phase_at(self, now=None):
        """planlagt → innkalt → avholdt (its time has passed, or minutes exist) → protokoll godkjent; or avlyst."""
        if self.is_cancelled:
            return MeetingPhase.CANCELLED
        if self.minutes_locked:
            return MeetingPhase.APPROVED
        if self.starts_at <= (now or timezone.now()) or self.minutes or self.minutes_status == MinutesStatus.SUBMITTED:
            return MeetingPhase.HELD
        if self.notice_sent_at:
            return MeetingPhase.NOTICE_SENT
        return MeetingPhase.PLANNED

    @property
    def phase(self):
        return self.phase_at()

    @property
    def phase_label(self):
        return self.phase.label
