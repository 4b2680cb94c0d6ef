"""Saker (agenda items with case numbers, minutes and decisions) and their action items."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from measures.models import Measure, StatusUpdate
from participants.models import Body, Person
from participants.validators import validate_no_national_id

from ..rendering import MINUTES_MAX_LENGTH, validate_minutes_markdown
from .meeting import Meeting


class AgendaItemKind(models.TextChoices):
    STANDING = "fast", _("Standing item")
    ITEM = "sak", _("Item")
    OTHER_BUSINESS = "eventuelt", _("Other business (Eventuelt)")


OTHER_BUSINESS_TITLE = "Eventuelt"


def case_label(number, year):
    """ "Sak 3/27": the case number within its series and the year's last two digits."""
    return _("Item %(number)s/%(year)02d") % {"number": number, "year": year % 100}


class AgendaItem(models.Model):
    """A sak: on the agenda with its case number, and in the minutes with its own text, decision and action items."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=AgendaItemKind, default=AgendaItemKind.ITEM)
    case_year = models.PositiveSmallIntegerField(_("case year"), null=True, blank=True, editable=False)
    case_number = models.PositiveIntegerField(_("case number"), null=True, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_national_id])
    notes = models.TextField(_("notes"), blank=True, validators=[validate_no_national_id])
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        max_length=MINUTES_MAX_LENGTH,
        help_text=_("Markdown."),
        validators=[validate_no_national_id, MaxLengthValidator(MINUTES_MAX_LENGTH), validate_minutes_markdown],
    )
    # The minutes as sanitised HTML, rendered once when they are saved (rendering.render_texts).
    minutes_html = models.TextField(_("minutes as HTML"), blank=True, editable=False)
    decision = models.TextField(
        _("decision (vedtak)"),
        blank=True,
        max_length=10_000,
        validators=[validate_no_national_id, MaxLengthValidator(10_000)],
    )
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
    continues = models.ForeignKey(
        "self",
        verbose_name=_("continues"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_("The unfinished sak of an earlier meeting this one carries forward."),
    )

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["minutes_html", "updated_at"])

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agendaitem_unique_order"),
            models.CheckConstraint(
                condition=models.Q(kind__in=[choice.value for choice in AgendaItemKind]), name="agendaitem_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["case_year", "case_number"], name="agendaitem_case")]

    def __str__(self):
        return f"{self.case_label} {self.title}" if self.case_number else self.title

    @property
    def case_label(self):
        return case_label(self.case_number, self.case_year) if self.case_number else ""

    @property
    def is_other_business(self):
        return self.kind == AgendaItemKind.OTHER_BUSINESS

    @property
    def approves_previous_minutes(self):
        """The standing "Godkjenning av referat fra forrige møte" (or "protokoll"): it links to those minutes."""
        title = self.title.casefold()
        return "godkjenning av" in title and ("referat" in title or "protokoll" in title)


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
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    done = models.BooleanField(_("done"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ActionItemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

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
