import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .collation import norwegian
from .validators import validate_no_national_id


class WrittenStandard(models.TextChoices):
    """Norway's two written standards: the municipality writes one, a user may read the other."""

    BOKMAL = "nb", _("Norsk bokmål")
    NYNORSK = "nn", _("Norsk nynorsk")


class Level(models.TextChoices):
    """The three fixed levels of the national SLT model."""

    GOVERNING = "styrende", _("Governing level")
    COORDINATING = "koordinerende", _("Coordinating level")
    EXECUTING = "utforende", _("Executing level")


class Organization(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_national_id])

    history = HistoricalRecords()

    class Meta:
        ordering = [norwegian("name")]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class BodyQuerySet(models.QuerySet):
    def with_seat_for(self, user, on=None):
        """Bodies where the user, through their person, holds a seat on the day (default today)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        terms = SeatTerm.objects.on(on or timezone.localdate()).filter(person__user=user)
        return self.filter(pk__in=terms.values("position__body"))


class Body(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_national_id])
    level = models.CharField(_("level"), max_length=20, choices=Level)
    mandate = models.TextField(
        _("mandate"), blank=True, help_text=_("“Oppdrag” as the plan writes it."), validators=[validate_no_national_id]
    )
    name_in_sentence = models.CharField(
        _("name in running text"),
        max_length=200,
        blank=True,
        help_text=_("The body as a sentence names it, e.g. “styringsgruppa/politirådet”; the name if empty."),
        validators=[validate_no_national_id],
    )
    participants_text = models.TextField(
        _("participants as written"),
        blank=True,
        help_text=_("“Deltakere” as the plan writes it."),
        validators=[validate_no_national_id],
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Minutes and agendas are visible only to the coordinator and the body's members."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = BodyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=[choice.value for choice in Level]),
                name="body_level_valid",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def sentence_name(self):
        """The body as running text names it: "vedtatt … av styringsgruppa/politirådet"."""
        return self.name_in_sentence or self.name


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_national_id])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    weekly_digest = models.BooleanField(
        _("weekly summary by e-mail"),
        default=True,
        help_text=_("Once a week: your open tasks, your measures that need an update and your next meetings."),
    )
    language = models.CharField(
        _("written standard of the pages"),
        max_length=2,
        choices=WrittenStandard.choices,
        blank=True,
        help_text=_("Empty: the municipality's. E-mails and documents always follow the municipality."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = [norwegian("name")]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Position(models.Model):
    """A seat in a body, named as the plan names it; held over time by people (SeatTerm), or vacant."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_national_id])
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="positions",
    )
    is_secretary = models.BooleanField(
        _("secretary"), default=False, help_text=_("The holder writes the minutes (referent) unless another is chosen.")
    )
    is_chair = models.BooleanField(
        _("chairs the meetings"),
        default=False,
        help_text=_("The holder leads the body's meetings (møteleder) unless another is chosen."),
    )
    approves_minutes = models.BooleanField(
        _("approves minutes"),
        default=False,
        help_text=_("The holder approves the minutes of the body's meetings when the series says so."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["body", "order", "id"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["body", "title"], name="position_unique_title_per_body"),
            models.UniqueConstraint(
                fields=["body"], condition=models.Q(is_secretary=True), name="position_one_secretary_per_body"
            ),
            models.UniqueConstraint(
                fields=["body"], condition=models.Q(is_chair=True), name="position_one_chair_per_body"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.body})"

    def term_on(self, day):
        """The seat's term on the day (with its holder and deputy), or None when the seat is vacant then."""
        return self.terms.on(day).select_related("person", "deputy").first()

    def holder_on(self, day):
        term = self.term_on(day)
        return term.person if term else None


def terms_on(positions, day):
    """{position id: SeatTerm} for the seats held on the day, in one query."""
    terms = SeatTerm.objects.on(day).filter(position__in=positions).select_related("person", "person__user", "deputy")
    return {term.position_id: term for term in terms}


class SeatTermQuerySet(models.QuerySet):
    def on(self, day):
        """Terms that cover the day: started on or before it (or no start given), not ended before it."""
        return self.filter(
            models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=day),
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day),
        )

    def current(self):
        return self.on(timezone.localdate())


class SeatTerm(models.Model):
    """A person holding a seat from one day to another (either end open), with an optional named deputy (vara)."""

    position = models.ForeignKey(Position, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="terms")
    person = models.ForeignKey(Person, verbose_name=_("held by"), on_delete=models.CASCADE, related_name="seat_terms")
    starts_on = models.DateField(_("from"), null=True, blank=True, help_text=_("Empty: from the start."))
    ends_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Empty: until further notice."))
    deputy = models.ForeignKey(
        Person,
        verbose_name=_("deputy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_terms",
        help_text=_("The personal deputy (vara) who meets when the holder cannot."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SeatTermQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["position", models.F("starts_on").asc(nulls_first=True)]
        verbose_name = _("seat term")
        verbose_name_plural = _("seat terms")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="seatterm_ends_after_start",
            ),
            models.CheckConstraint(condition=~models.Q(deputy=models.F("person")), name="seatterm_deputy_not_holder"),
        ]

    def __str__(self):
        return f"{self.person} – {self.position}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The term must end on or after the day it starts.")})
        if self.deputy_id and self.deputy_id == self.person_id:
            raise ValidationError({"deputy": _("The deputy must be someone other than the holder.")})
        if self.position_id and self.overlapping().exists():
            raise ValidationError(_("The seat is already held by someone else in part of this period."))

    # A new holder from a date ends the open term before (meetings.seat_terms): that one is no overlap.
    closes_open_terms = False

    def open_terms_before(self):
        """The seat's terms without an end that started before this one (or with no start given)."""
        if self.starts_on is None:
            return SeatTerm.objects.none()
        return (
            SeatTerm.objects.filter(position_id=self.position_id, ends_on__isnull=True)
            .filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lt=self.starts_on))
            .exclude(pk=self.pk)
        )

    def overlapping(self):
        """Other terms of the same seat that share at least one day with this one."""
        others = SeatTerm.objects.filter(position_id=self.position_id).exclude(pk=self.pk)
        if self.closes_open_terms:
            others = others.exclude(pk__in=self.open_terms_before().values("pk"))
        if self.ends_on:
            others = others.filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=self.ends_on))
        if self.starts_on:
            others = others.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=self.starts_on))
        return others

    def covers(self, day: datetime.date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (self.ends_on is None or day <= self.ends_on)


class DigestSent(models.Model):
    """A weekly summary that was sent, so that running the command again the same day sends nothing twice."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="digests")
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("sent weekly summary")
        verbose_name_plural = _("sent weekly summaries")
        constraints = [models.UniqueConstraint(fields=["person", "sent_on"], name="digestsent_once_a_day")]

    def __str__(self):
        return f"{self.person} ({self.sent_on:%d.%m.%Y})"


class SsoIdentity(models.Model):
    """A login's account at the municipality's OpenID Connect provider, by a stable claim.

    The claim (Entra ID's `oid`, or `sub`) never changes for an account, unlike its e-mail address,
    so a user is found by it on every login after the first; the first login links it through the
    coordinator's invitation (the person's e-mail address). A national identity number is never
    stored here: a claim holding one is refused.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("single sign-on", "login"),
        on_delete=models.CASCADE,
        related_name="sso_identity",
    )
    issuer = models.URLField(_("issuer"), max_length=300)
    subject = models.CharField(_("account ID"), max_length=255, validators=[validate_no_national_id])
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("single sign-on account")
        verbose_name_plural = _("single sign-on accounts")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="ssoidentity_one_user_per_subject"),
        ]

    def __str__(self):
        return f"{self.user} ({self.issuer})"
