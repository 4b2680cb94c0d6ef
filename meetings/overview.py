"""The meeting overview: a year's meetings, upcoming first and then past, weekly series folded.

Upcoming meetings run soonest first; past ones newest first, a page at a time, each flagged when it
has no minutes yet. A weekly (or more frequent) series is one row with its next meeting and a list
to open, unless it is the series chosen in the filter.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .access import can_see_content, location_for
from .dates import is_frequent
from .models import AgendaItem, Meeting, MeetingStatus, MinutesStatus

PAST_PAGE_SIZE = 25


@dataclass
class Folded:
    """A frequent series' meetings in the list as one row."""

    series: object
    meetings: list = field(default_factory=list)

    @property
    def first(self):
        return self.meetings[0]

    @property
    def missing_minutes(self):
        return sum(1 for meeting in self.meetings if meeting.missing_minutes)

    folded = True


def year_meetings(year, series_list, *, series_id=None, body_id=None):
    written = AgendaItem.objects.filter(meeting=OuterRef("pk")).filter(~Q(minutes="") | ~Q(decision=""))
    meetings = (
        Meeting.objects.in_year(year)
        .filter(series__in=series_list)
        .select_related("series")
        .prefetch_related("series__bodies")
        .annotate(has_saker_minutes=Exists(written))
    )
    if series_id is not None:
        meetings = meetings.filter(series_id=series_id)
    if body_id is not None:
        meetings = meetings.filter(series__bodies__id=body_id).distinct()
    return meetings


def _flag(meeting, now):
    meeting.missing_minutes = (
        meeting.starts_at < now
        and meeting.status != MeetingStatus.CANCELLED
        and meeting.minutes_status == MinutesStatus.DRAFT
        and not meeting.minutes
        and not meeting.has_saker_minutes
    )
    return meeting


def _fold(meetings, unfolded_series):
    """Rows: single meetings, and one Folded row per frequent series (at the place of its first meeting)."""
    rows, folded = [], {}
    for meeting in meetings:
        series = meeting.series
        if series.pk != unfolded_series and is_frequent(series):
            if series.pk not in folded:
                folded[series.pk] = Folded(series)
                rows.append(folded[series.pk])
            folded[series.pk].meetings.append(meeting)
        else:
            rows.append(meeting)
    return rows


def overview(user, meetings, *, page_number=None, series_id=None, now=None):
    """{'upcoming': rows, 'past': page of rows, 'meetings': every meeting} for the template."""
    now = now or timezone.now()
    every = [_flag(meeting, now) for meeting in meetings.order_by("starts_at")]
    may_see = {}  # the location rule (access.location_for), checked once per series
    for meeting in every:
        if meeting.series_id not in may_see:
            may_see[meeting.series_id] = can_see_content(user, meeting.series)
        meeting.shown_location = location_for(user, meeting) if may_see[meeting.series_id] else ""
    upcoming = [meeting for meeting in every if meeting.ends_at >= now]
    past = [meeting for meeting in reversed(every) if meeting.ends_at < now]
    page = Paginator(_fold(past, series_id), PAST_PAGE_SIZE).get_page(page_number)
    return {"upcoming": _fold(upcoming, series_id), "past_page": page, "meetings": every}
