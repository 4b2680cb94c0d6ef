from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

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
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class BodyQuerySet(models.QuerySet):
    def with_seat_for(self, user):
        """Bodies where the user, through their person, holds a seat."""
        return self.filter(positions__holder__user=user).distinct()


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
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Position(models.Model):
    """A seat in a body, named as the plan names it; held by a person or vacant."""

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
    is_secretary = models.BooleanField(_("secretary"), default=False)
    holder = models.ForeignKey(
        Person,
        verbose_name=_("held by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="positions",
        help_text=_("Empty when the seat is vacant."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "order", "id"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["body", "title"], name="position_unique_title_per_body"),
            models.UniqueConstraint(
                fields=["body"], condition=models.Q(is_secretary=True), name="position_one_secretary_per_body"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.body})"

    @property
    def is_vacant(self):
        return self.holder_id is None


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
