"""The meeting overview: a year's meetings, upcoming first and then past, weekly series folded.

The database sorts and pages the rows: upcoming meetings soonest first, then past ones newest first,
each past one flagged when it has no minutes yet. A weekly (or more frequent) series is not a row per
meeting but one row per part (upcoming, past) with its counts, counted by the database, and a link
to the list of that series alone, where it is not folded. The page reads the same number of rows
whether the year has 40 meetings or 4,000.
"""

from dataclasses import dataclass

import django_filters
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, Exists, ExpressionWrapper, Max, Min, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Body

from .access import can_see_content, location_for
from .dates import is_frequent
from .models import AgendaItem, Meeting, MeetingSeries, MeetingStatus, MinutesStatus

PAGE_SIZE = 25


class MeetingFilter(django_filters.FilterSet):
    """The list's filters, kept in the page's address; a value that is no choice filters nothing."""

    serie = django_filters.ModelChoiceFilter(
        label=_("Meeting series"),
        field_name="series",
        queryset=MeetingSeries.objects.none(),
        empty_label=_("All series"),
    )
    organ = django_filters.ModelChoiceFilter(
        label=_("Body"), method="by_body", queryset=Body.objects.none(), empty_label=_("All bodies")
    )

    class Meta:
        model = Meeting
        fields = ["serie", "organ"]

    def __init__(self, data, *, year, series_list):
        super().__init__(data, queryset=Meeting.objects.in_year(year).filter(series__in=series_list))
        self.filters["serie"].queryset = series_list
        self.filters["organ"].queryset = Body.objects.filter(meeting_series__in=series_list).distinct()

    def by_body(self, meetings, name, body):
        # through the series, so that a series in two bodies does not give its meetings twice
        return meetings.filter(series__in=MeetingSeries.objects.filter(bodies=body))

    def chosen(self, name):
        """The valid choice of a filter, or None (an invalid value is left out of cleaned_data)."""
        self.is_valid()
        return self.form.cleaned_data.get(name)


def missing_minutes(now):
    """Past, not cancelled, and no minutes begun: not in the meeting's notes, nor a sak's minutes or decision."""
    written = AgendaItem.objects.filter(meeting=OuterRef("pk")).filter(~Q(minutes="") | ~Q(decision=""))
    return (
        Q(starts_at__lt=now, minutes_status=MinutesStatus.DRAFT, minutes="")
        & ~Q(status=MeetingStatus.CANCELLED)
        & ~Exists(written)
    )


@dataclass
class Folded:
    """A frequent series' meetings in one part of the list (upcoming or past), as one row."""

    series: object
    count: int
    day: object  # the next meeting's start (upcoming) or the latest one's (past)
    missing_minutes: int = 0
    folded = True


def _folded(meetings, series_ids, now):
    """(upcoming rows, past rows) for the frequent series: one aggregate query, a row per series and part."""
    if not series_ids:
        return [], []
    upcoming_q, past_q = Q(ends_at__gte=now), Q(ends_at__lt=now)
    counts = (
        meetings.filter(series__in=series_ids)
        .order_by()
        .values("series")
        .annotate(
            upcoming=Count("pk", filter=upcoming_q),
            past=Count("pk", filter=past_q),
            missing=Count("pk", filter=missing_minutes(now)),
            next=Min("starts_at", filter=upcoming_q),
            latest=Max("starts_at", filter=past_q),
        )
    )
    by_pk = {series.pk: series for series in series_ids}
    upcoming = [Folded(by_pk[row["series"]], row["upcoming"], row["next"]) for row in counts if row["upcoming"]]
    past = [Folded(by_pk[row["series"]], row["past"], row["latest"], row["missing"]) for row in counts if row["past"]]
    return sorted(upcoming, key=lambda row: row.day), sorted(past, key=lambda row: row.day, reverse=True)


def overview(user, meetings, series_list, *, page_number=None, unfolded=None, now=None):
    """The list's rows: {'page', 'upcoming', 'past', 'total'}.

    The page holds the single meetings, sorted and cut by the database; the folded rows of the frequent
    series (all but `unfolded`) come first in their part, on the first page.
    """
    now = now or timezone.now()
    frequent = [series for series in series_list if is_frequent(series) and series.pk != unfolded]
    past = Q(ends_at__lt=now)
    singles = (
        meetings.exclude(series__in=frequent)
        .select_related("series")
        .defer("minutes_html")
        .annotate(
            past=ExpressionWrapper(past, output_field=BooleanField()),
            missing_minutes=ExpressionWrapper(missing_minutes(now), output_field=BooleanField()),
            # as Meeting.objects.attended_by: a series of a body where the user holds a seat
            attended=Exists(
                MeetingSeries.objects.filter(pk=OuterRef("series"), bodies__in=Body.objects.with_seat_for(user))
            ),
        )
        # upcoming first, soonest first; then past, newest first
        .order_by(Case(When(past, then=Value(1)), default=Value(0)), Case(When(~past, then="starts_at")), "-starts_at")
    )
    page = Paginator(singles, PAGE_SIZE).get_page(page_number)
    rows = list(page.object_list)
    may_see = {}  # the location rule (access.location_for), checked once per series
    for meeting in rows:
        if meeting.series_id not in may_see:
            may_see[meeting.series_id] = can_see_content(user, meeting.series)
        meeting.shown_location = location_for(user, meeting) if may_see[meeting.series_id] else ""
    folded_upcoming, folded_past = _folded(meetings, frequent, now)
    folded_total = sum(row.count for row in folded_upcoming + folded_past)
    if page.number > 1:
        folded_upcoming, folded_past = [], []
    return {
        "page": page,
        "upcoming": folded_upcoming + [meeting for meeting in rows if not meeting.past],
        "past": folded_past + [meeting for meeting in rows if meeting.past],
        "total": page.paginator.count + folded_total,
    }
