"""What goes out of the portal about meetings: calendar addresses, reminders and notices (innkallinger)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Person

from .meeting import Meeting
from .series import MeetingSeries


def new_feed_token():
    return secrets.token_urlsafe(32)


def feed_token_hash(token: str) -> str:
    """What the database keeps of a feed address: its SHA-256 (the token itself has 256 random bits)."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarTokenQuerySet(models.QuerySet):
    def issue(self, *, user, series=None):
        """A new secret address for the user (and series), replacing any earlier one.

        Returns the row and the token; only the token's hash is stored, so the full address can be
        shown this once. An upsert: a double submit replaces the address instead of failing.
        """
        token = new_feed_token()
        row, _created = self.update_or_create(
            user=user, series=series, defaults={"token_hash": feed_token_hash(token), "created_at": timezone.now()}
        )
        return row, token

    def for_token(self, token: str):
        return self.filter(token_hash=feed_token_hash(token))


class CalendarToken(models.Model):
    """The secret part of a calendar subscription address: a user's meetings, or one series."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("meeting series"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_tokens",
        help_text=_("Empty for the feed of the user's own meetings."),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(series__isnull=True), name="calendartoken_one_personal_per_user"
            ),
            models.UniqueConstraint(
                fields=["user", "series"],
                condition=models.Q(series__isnull=False),
                name="calendartoken_one_per_user_and_series",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.series or _('my meetings')}"


class ReminderKind(models.TextChoices):
    MEETING = "meeting", _("Meeting reminder")
    OVERDUE = "overdue", _("Overdue action item")


class ReminderLog(models.Model):
    """A reminder e-mail that was sent, so that the same one is not sent twice on a day."""

    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind)
    object_id = models.PositiveBigIntegerField(_("meeting or action item"))
    email = models.EmailField(_("e-mail"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "email", "sent_on"], name="reminderlog_once_a_day"),
            models.CheckConstraint(
                condition=models.Q(kind__in=[choice.value for choice in ReminderKind]), name="reminderlog_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id} → {self.email} ({self.sent_on:%d.%m.%Y})"


class Notice(models.Model):
    """An innkalling that was sent: when, by whom, with which agenda, to whom."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="notices")
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when sent on schedule."),
    )
    agenda = models.TextField(_("agenda as sent"), blank=True, editable=False)  # derived from the saker

    class Meta:
        ordering = ["meeting", "-sent_at"]
        verbose_name = _("notice (innkalling)")
        verbose_name_plural = _("notices (innkallinger)")

    def __str__(self):
        return f"{self.meeting} ({timezone.localtime(self.sent_at):%d.%m.%Y %H:%M})"


class NoticeRecipient(models.Model):
    notice = models.ForeignKey(Notice, verbose_name=_("notice"), on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(_("e-mail"))

    class Meta:
        ordering = ["notice", "email"]
        verbose_name = _("notice recipient")
        verbose_name_plural = _("notice recipients")

    def __str__(self):
        return self.email
