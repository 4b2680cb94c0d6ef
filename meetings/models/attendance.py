"""Attendance per seat at a meeting, and guests."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.models import Person, Position
from participants.validators import validate_no_national_id

from .meeting import Meeting


class AttendanceStatus(models.TextChoices):
    PRESENT = "til_stede", _("Present")
    ABSENT_WITH_NOTICE = "forfall", _("Absent with notice (forfall)")
    ABSENT = "ikke_mott", _("Did not attend")


class Attendance(models.Model):
    """A seat at a meeting: who held it on the day, whether they came, and the deputy (vara) who met."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance")
    position = models.ForeignKey(Position, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        Person,
        verbose_name=_("seat holder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendance",
        help_text=_("Who held the seat on the meeting's date, as recorded; empty for a vacant seat."),
    )
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus, blank=True)
    deputy = models.ForeignKey(
        Person,
        verbose_name=_("deputy who met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_attendance",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="attendance_unique_seat"),
            models.CheckConstraint(
                condition=models.Q(status__in=["", *(choice.value for choice in AttendanceStatus)]),
                name="attendance_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.position} – {self.meeting}"

    @property
    def present(self):
        return self.status == AttendanceStatus.PRESENT


class MeetingGuest(models.Model):
    """Someone who met without a seat: by name and organisation."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_national_id])
    organization = models.CharField(_("organisation"), max_length=200, blank=True, validators=[validate_no_national_id])

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self):
        return f"{self.name} ({self.organization})" if self.organization else self.name
