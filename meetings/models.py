import datetime
import hashlib
import secrets

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from measures.models import ActionPlan, Measure, StatusUpdate
from participants.models import Body, Person, Position
from participants.validators import validate_no_national_id

from .rendering import MINUTES_MAX_LENGTH, validate_minutes_markdown


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


class MeetingStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planned")
    HELD = "gjennomfort", _("Held")
    CANCELLED = "avlyst", _("Cancelled")


class MinutesStatus(models.TextChoices):
    DRAFT = "utkast", _("Draft")
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


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_national_id])
    notes = models.TextField(_("notes"), blank=True, validators=[validate_no_national_id])
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    status_update = models.ForeignKey(
        StatusUpdate,
        verbose_name=_("status update"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        help_text=_("The status update this item recorded for its measure."),
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


class ActionItemQuerySet(models.QuerySet):
    def overdue(self, today=None):
        return self.filter(done=False, due__lt=today or timezone.localdate())


class ActionItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActionItemKind, default=ActionItemKind.ACTION)
    text = models.TextField(_("text"), validators=[validate_no_national_id])
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

    objects = ActionItemQuerySet.as_manager()
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


from .minutes_records import MinutesAccess, MinutesAccessKind, MinutesPurge  # noqa: E402, F401  (their own module)
