"""What the portal records about confidential minutes: who opened them, and when they were purged.

Kept apart from the meeting models: they record what people did with the minutes, not the minutes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.validators import validate_no_national_id


class MinutesAccessKind(models.TextChoices):
    PAGE = "page", _("Meeting page")
    PDF = "pdf", _("Minutes PDF")


class MinutesAccess(models.Model):
    """Someone opened the minutes of a confidential meeting (the page or the PDF)."""

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="minutes_accesses",
    )
    # Kept when the login is deleted: the log says who it was.
    username = models.CharField(_("user name"), max_length=150)
    kind = models.CharField(_("opened"), max_length=10, choices=MinutesAccessKind)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("access to confidential minutes")
        verbose_name_plural = _("access to confidential minutes")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[choice.value for choice in MinutesAccessKind]),
                name="minutesaccess_kind_valid",
            ),
        ]
        indexes = [
            # the coordinator's access log page: newest first
            models.Index(fields=["-at"], name="minutesaccess_newest_first"),
        ]

    def __str__(self):
        return f"{self.username} – {self.meeting_id} ({self.get_kind_display()})"


class MinutesPurge(models.Model):
    """Confidential minutes whose text was purged after the retention period, archived as PDF first."""

    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes_purge"
    )
    purged_at = models.DateTimeField(_("purged at"), default=timezone.now)
    archive_name = models.CharField(_("archived as"), max_length=255, validators=[validate_no_national_id])

    class Meta:
        verbose_name = _("purged confidential minutes")
        verbose_name_plural = _("purged confidential minutes")

    def __str__(self):
        return f"{self.meeting_id} ({self.purged_at:%d.%m.%Y})"
