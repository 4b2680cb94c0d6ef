import datetime
import re

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.collation import norwegian_key
from participants.models import Body, Organization, Person, WrittenStandard
from participants.validators import validate_no_national_id


class Status(models.TextChoices):
    PLANNED = "planlagt", _("Planned")
    IN_PROGRESS = "pagar", _("In progress")
    ONGOING = "lopende", _("Ongoing")
    DELAYED = "forsinket", _("Delayed")
    COMPLETED = "fullfort", _("Completed")
    ENDED = "avsluttet", _("Ended")


# A note is required when a measure moves to one of these.
STATUSES_NEEDING_NOTE = (Status.DELAYED, Status.ENDED)
# A measure in one of these is still being worked on.
ACTIVE_STATUSES = [Status.PLANNED, Status.IN_PROGRESS, Status.ONGOING, Status.DELAYED]


class Freshness(models.TextChoices):
    """How recently a measure was followed up, against the intervals its plan sets."""

    UP_TO_DATE = "oppdatert", _("Up to date")
    DUE_SOON = "snart", _("Update due soon")
    LATE = "forsinket", _("Update overdue")
    STALE = "foreldet", _("No update for a long time")
    CLOSED = "avsluttet", _("Completed or ended")


# Classes of measures that need follow-up now.
FRESHNESS_NEEDING_FOLLOW_UP = (Freshness.LATE, Freshness.STALE)


PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})$")


def parse_period(text):
    """(first year, last year) from a period as the plan file and URLs write it ("2026-2027"), else None."""
    match = PERIOD_RE.match(text) if isinstance(text, str) else None
    if match is None or int(match.group(1)) > int(match.group(2)):
        return None
    return int(match.group(1)), int(match.group(2))


class ActionPlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_period(self, period):
        """The plans of a period ("2026-2027"); none for anything that is not a period."""
        years = parse_period(period)
        if years is None:
            return self.none()
        return self.filter(period_start=years[0], period_end=years[1])

    def current(self):
        """The plan being worked on: one whose period covers this year, else the latest.

        A plan carried on into a new period is history: its successor is the current plan.
        """
        year = timezone.localdate().year
        live = self.filter(successors__isnull=True)
        covering = live.filter(period_start__lte=year, period_end__gte=year).order_by("-period_start")
        return covering.first() or live.order_by("-period_start").first() or self.order_by("-period_start").first()

    def current_first(self):
        """The plans ordered as `current` chooses, in one query: live ones first, the one covering this year
        first, then the latest."""
        year = timezone.localdate().year
        has_successor = models.Exists(ActionPlan.objects.filter(predecessor=models.OuterRef("pk")))
        covering = models.Case(
            models.When(period_start__lte=year, period_end__gte=year, then=models.Value(1)),
            default=models.Value(0),
        )
        return self.annotate(has_successor=has_successor, covering=covering).order_by(
            "has_successor", "-covering", "-period_start"
        )

    def written_standard(self):
        """The municipality's written standard ("nb" or "nn"): the current plan's."""
        chosen = self.current_first().values_list("written_standard", flat=True).first()
        return chosen or settings.LANGUAGE_CODE


class ActionPlan(models.Model):
    # The texts of the plan's chapters, in document order: the plan file and the edit form use them.
    CHAPTER_FIELDS = (
        "introduction",
        "goals_intro",
        "national_guidance",
        "levels_intro",
        "coordinator_role",
        "meetings_intro",
        "knowledge_base",
        "focus_intro",
        "appendix_title",
    )

    municipality = models.CharField(_("municipality"), max_length=100, validators=[validate_no_national_id])
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_national_id])
    introduction = models.TextField(_("introduction"), blank=True, validators=[validate_no_national_id])
    goals_intro = models.CharField(
        _("heading of the goals"), max_length=200, blank=True, validators=[validate_no_national_id]
    )
    national_guidance = models.TextField(
        _("national and municipal guidance"), blank=True, validators=[validate_no_national_id]
    )
    levels_intro = models.CharField(
        _("heading of the levels"), max_length=200, blank=True, validators=[validate_no_national_id]
    )
    coordinator_role = models.TextField(_("the coordinator's role"), blank=True, validators=[validate_no_national_id])
    meetings_intro = models.TextField(
        _("regular meetings, introduction"), blank=True, validators=[validate_no_national_id]
    )
    knowledge_base = models.TextField(_("knowledge base"), blank=True, validators=[validate_no_national_id])
    focus_intro = models.CharField(
        _("heading of the focus areas"), max_length=200, blank=True, validators=[validate_no_national_id]
    )
    appendix_title = models.CharField(
        _("title of the participants appendix"), max_length=200, blank=True, validators=[validate_no_national_id]
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        Body,
        verbose_name=_("adopted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_plans",
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Published plans are open to everyone, without login.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("previous plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
        help_text=_("The plan of the period before, which this plan carries on; it is kept as history."),
    )
    written_standard = models.CharField(
        _("written standard"),
        max_length=2,
        choices=WrittenStandard.choices,
        default=WrittenStandard.BOKMAL,
        help_text=_("The municipality's written standard: the pages, the e-mails and every document use it."),
    )
    update_interval_days = models.PositiveSmallIntegerField(
        _("days between status updates"),
        default=90,
        help_text=_("A measure with no status update for this many days is overdue for follow-up."),
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("days of notice"),
        default=14,
        help_text=_("A measure is “due soon” this many days before its update is overdue."),
    )
    stale_after_days = models.PositiveSmallIntegerField(
        _("days until stale"),
        default=180,
        help_text=_("A measure with no status update for this many days has gone stale."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ActionPlanQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-period_start", "municipality"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        permissions = [("publish_actionplan", _("Can publish the action plan"))]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "period_start", "period_end"], name="actionplan_unique_period"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="actionplan_period_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(update_interval_days__gte=1)
                & models.Q(due_soon_days__lt=models.F("update_interval_days"))
                & models.Q(stale_after_days__gt=models.F("update_interval_days")),
                name="actionplan_follow_up_intervals_ordered",
                violation_error_message=_(
                    "The days of notice must be fewer than the days between updates, and the days until stale more."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.municipality})"

    @property
    def first_day(self):
        """The first day of the plan period: nothing in the plan happens before it."""
        return datetime.date(self.period_start, 1, 1)

    @property
    def period(self):
        """The period as the plan file writes it: "2026-2027"."""
        return f"{self.period_start}-{self.period_end}"

    @property
    def municipality_name(self):
        """The municipality's full name as its documents print it: "Gjesdal kommune"."""
        if self.municipality.lower().endswith((" kommune", " herad")):
            return self.municipality
        return _("%(name)s kommune") % {"name": self.municipality}

    @property
    def period_display(self):
        return f"{self.period_start}–{self.period_end}"

    @property
    def follow_up_intervals(self):
        """(days between updates, days of notice, days until stale) for the freshness of its measures."""
        return self.update_interval_days, self.due_soon_days, self.stale_after_days


# The intervals of a new plan, for queries made without one.
DEFAULT_FOLLOW_UP = (90, 14, 180)


class MeasureQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status__in=[Status.COMPLETED, Status.ENDED])

    def with_freshness(self, plan=None, today=None):
        """Each measure with `followed_up` (its latest status update, else the day it was added) and
        `freshness` (a Freshness value) against the plan's intervals.

        A measure just added to the plan (imported, say) counts from the day it was added, so it is
        not overdue on day one.
        """
        today = today or timezone.localdate()
        interval, notice, stale = plan.follow_up_intervals if plan is not None else DEFAULT_FOLLOW_UP
        latest = StatusUpdate.objects.filter(measure=models.OuterRef("pk")).order_by("-date")
        added = (
            HistoricalMeasure.objects.filter(id=models.OuterRef("pk"), history_type="+")
            .order_by("history_date")
            .annotate(day=TruncDate("history_date"))
        )
        days_ago = lambda days: models.Value(today - datetime.timedelta(days=days))  # noqa: E731
        return self.annotate(
            followed_up=Coalesce(
                models.Subquery(latest.values("date")[:1]),
                models.Subquery(added.values("day")[:1]),
                TruncDate("updated_at"),
                output_field=models.DateField(),
            ),
            freshness=models.Case(
                models.When(status__in=[Status.COMPLETED, Status.ENDED], then=models.Value(Freshness.CLOSED)),
                models.When(followed_up__lte=days_ago(stale), then=models.Value(Freshness.STALE)),
                models.When(followed_up__lte=days_ago(interval), then=models.Value(Freshness.LATE)),
                models.When(followed_up__lte=days_ago(interval - notice), then=models.Value(Freshness.DUE_SOON)),
                default=models.Value(Freshness.UP_TO_DATE),
                output_field=models.CharField(),
            ),
        )

    def needing_attention(self, plan=None, today=None):
        """Delayed measures, and active ones whose status update is overdue or stale (see with_freshness).

        "Freshness LATE or STALE" said without the freshness CASE, whose every WHEN would build the
        follow-up date's subqueries into the SQL again: not closed, and not followed up for the plan's
        interval (a plan's measures go stale only after that, actionplan_follow_up_intervals_ordered).
        """
        today = today or timezone.localdate()
        interval, _notice, _stale = plan.follow_up_intervals if plan is not None else DEFAULT_FOLLOW_UP
        overdue = today - datetime.timedelta(days=interval)
        return self.with_freshness(plan, today).filter(
            models.Q(status=Status.DELAYED)
            | (~models.Q(status__in=[Status.COMPLETED, Status.ENDED]) & models.Q(followed_up__lte=overdue))
        )

    def freshness_counts(self, plan=None, today=None):
        """{freshness: number of measures}, counted in the database."""
        rows = self.with_freshness(plan, today).values_list("freshness").annotate(count=models.Count("pk"))
        return dict(rows.order_by())

    def for_user_to_update(self, user):
        """Measures whose responsible bodies include a body where the user holds a seat."""
        return self.filter(responsible_bodies__in=Body.objects.with_seat_for(user)).distinct()

    def status_counts(self):
        """{status: number of measures}, counted in the database."""
        return dict(self.values_list("status").annotate(count=models.Count("pk")).order_by())

    def with_latest_update(self):
        """Each measure with the date and note of its latest status update."""
        latest = StatusUpdate.objects.filter(measure=models.OuterRef("pk")).order_by("-date", "-created_at")
        return self.annotate(
            latest_update=models.Subquery(latest.values("date")[:1]),
            latest_note=models.Subquery(latest.values("note")[:1]),
        )

    def with_record_counts(self):
        """Each measure with `update_count` (its status updates) and `change_count` (its history records),
        counted in the query that reads it."""

        def count(records, key):
            rows = records.filter(**{key: models.OuterRef("pk")}).order_by().values(key)
            return Coalesce(models.Subquery(rows.annotate(n=models.Count("*")).values("n")), 0)

        return self.annotate(
            update_count=count(StatusUpdate.objects.all(), "measure"),
            change_count=count(HistoricalMeasure.objects.all(), "id"),
        )

    def sorted_by(self, sort):
        """Sorted by "number", "title", "status" (in the statuses' order) or "latest" update; "-" descends."""
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        # No DISTINCT: every filter of the list matches a measure once, so the database can stop at a
        # page of rows (and look up their latest update) instead of sorting the whole plan.
        measures = self.with_latest_update()
        if key == "status":
            order = models.Case(
                *[
                    models.When(status=status, then=models.Value(position))
                    for position, status in enumerate(Status.values)
                ],
                output_field=models.IntegerField(),
            )
            measures = measures.annotate(status_order=order)
            expression = models.F("status_order")
        elif key == "latest":
            expression = models.F("latest_update")
        else:
            expression = models.F(key)
        ordered = expression.desc(nulls_last=True) if descending else expression.asc(nulls_first=True)
        return measures.order_by(ordered, "number")


class Measure(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="measures"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_national_id])
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True, validators=[validate_no_national_id])
    description = models.TextField(_("description"), validators=[validate_no_national_id])
    responsible_text = models.CharField(
        _("responsible"),
        max_length=300,
        help_text=_("The responsible parties exactly as the plan writes them."),
        validators=[validate_no_national_id],
    )
    responsible_bodies = models.ManyToManyField(
        Body, verbose_name=_("responsible bodies"), blank=True, related_name="measures"
    )
    responsible_organizations = models.ManyToManyField(
        Organization, verbose_name=_("responsible organizations"), blank=True, related_name="measures"
    )
    focus_areas = models.ManyToManyField(
        "measures.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="measures"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeasureQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=[responsible_bodies, responsible_organizations, focus_areas]
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="measure_unique_number_per_plan"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="measure_number_positive"),
            models.CheckConstraint(
                condition=models.Q(status__in=[choice.value for choice in Status]), name="measure_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def status_label(self):
        """The status as people read it: get_status_display() rebuilds the choices on every call, which a
        list of fifty rows feels."""
        return Status(self.status).label

    def related_names(self):
        """{"responsible_bodies": names, "responsible_organizations": names, "focus_areas": texts}, each list
        in the order lists show it, read in one UNION query rather than one query a relation."""
        parts = [
            (self.responsible_bodies, models.F("order"), "name"),
            (self.responsible_organizations, models.Value(0), "name"),
            (self.focus_areas, models.F("order"), "text"),
        ]
        queries = [
            related.annotate(
                relation=models.Value(related.prefetch_cache_name, output_field=models.CharField()),
                position=position,
                label=models.F(label),
            )
            .values_list("relation", "position", "label")
            .order_by()
            for related, position, label in parts
        ]
        names = {related.prefetch_cache_name: [] for related, _position, _label in parts}
        rows = queries[0].union(*queries[1:], all=True)
        for relation, _position, label in sorted(rows, key=lambda row: (row[0], row[1], norwegian_key(row[2]))):
            names[relation].append(label)
        return names


# Read once: simple-history builds a new manager class on every access to `Measure.history`.
HistoricalMeasure = Measure.history.model


class StatusUpdate(models.Model):
    """A dated note by a person that moves a measure's status: the measure's timeline."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="status_updates"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=Status)
    note = models.TextField(_("note"), blank=True, validators=[validate_no_national_id])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_updates",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        get_latest_by = ["date", "created_at"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[choice.value for choice in Status]), name="statusupdate_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=[s.value for s in STATUSES_NEEDING_NOTE]) | ~models.Q(note=""),
                name="statusupdate_note_when_delayed_or_ended",
            ),
        ]
        indexes = [
            # measure timeline and the freshness of a measure (with_freshness): newest first per measure
            models.Index(fields=["measure", "-date"], name="statusupdate_measure_date"),
        ]

    def __str__(self):
        return f"{self.measure} – {self.get_status_display()} ({self.date:%d.%m.%Y})"


# A measure's activities and a plan's adopted versions live in modules of their own; importing them
# here registers the models.
from .activities import Activity, ActivityStatus  # noqa: E402, F401
from .indicators import Direction, Half, Indicator, IndicatorValue, Source, Unit  # noqa: E402, F401
from .plan_parts import FocusArea, Goal, Link, LinkSection  # noqa: E402, F401
from .plan_versions import DECISIONS_NEEDING_REASON, MeasureRollover, PlanVersion, PlanVersionQuerySet, RolloverDecision  # noqa: E402, F401
from .reports import AnnualReport, AnnualReportAssessment, AnnualReportQuerySet, FrozenReport, ReportFrozenError  # noqa: E402, F401
