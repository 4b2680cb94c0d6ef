"""The årshjul's contents: the year's meetings and the plan's activities as rings of one wheel.

One ring per meeting series and one per measure with activities. The database counts a series'
meetings per month: a month with one meeting is a mark for that meeting, a month with several is
one mark with their number, so the wheel draws at most twelve marks per series however many
meetings there are. A weekly series is folded into one band with a single mark (52 marks would
drown the rest), and is listed once beside the wheel. Beside the wheel come the next few meetings
and activities; the meeting list has the rest, a page at a time.
The measure page and the plan PDF draw the same wheel for one measure's activities.
"""

from collections import defaultdict
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from measures.models import Activity, ActivityStatus, Measure

from .dates import is_frequent
from .models import Meeting, MeetingSeries, MeetingStatus
from .rendering import Mark, Ring, number_rings, year_wheel_svg

NEAREST = 8  # the next meetings and activities listed beside the wheel
MEASURE_RINGS = 12  # measures drawn as rings; the filter by measure shows any of the others


def month_counts(meetings):
    """Per series and month: the number of meetings, of them cancelled, the first start, and the lowest pk."""
    return (
        meetings.annotate(month=TruncMonth("starts_at"))
        .order_by()
        .values("series", "month")
        .annotate(
            count=Count("pk"),
            cancelled=Count("pk", filter=Q(status=MeetingStatus.CANCELLED)),
            first=Min("starts_at"),
            only=Min("pk"),  # the meeting itself, in a month with one
        )
    )


def series_rings(series_list, counts, year):
    """A ring per series that meets in the year, with a mark per month it meets in; a frequent series
    is folded to one mark. `counts` are month_counts' rows."""
    by_series = defaultdict(list)
    for row in counts:
        by_series[row["series"]].append(row)
    rings = []
    for series in series_list:
        own = sorted(by_series.get(series.pk, []), key=lambda row: row["first"])
        if not own:
            continue
        ring = Ring(name=series.name, note=series.frequency)
        if is_frequent(series):
            ring.folded = True
            held = sum(row["count"] - row["cancelled"] for row in own)
            ring.note = _("%(frequency)s, %(count)s meetings") % {"frequency": series.frequency, "count": held}
            ring.marks = [Mark(timezone.localtime(own[0]["first"]).date(), f"{series.name}: {ring.note}")]
        else:
            listed = reverse("meetings:meeting_list") + "?" + urlencode({"year": year, "serie": series.pk})
            for row in own:
                day = timezone.localtime(row["first"]).date()
                cancelled = row["cancelled"] == row["count"]
                status = MeetingStatus.CANCELLED.label if cancelled else ""
                if row["count"] == 1:
                    label = f"{series.name} {day:%d.%m.%Y}"
                    url = reverse("meetings:meeting_detail", args=[row["only"]])
                else:
                    label = ngettext(
                        "%(series)s: %(count)s meeting in %(month)s",
                        "%(series)s: %(count)s meetings in %(month)s",
                        row["count"],
                    ) % {"series": series.name, "count": row["count"], "month": date_format(day, "F")}
                    url = listed
                ring.marks.append(Mark(day, label, cancelled, url=url, status_label=status, count=row["count"]))
        rings.append(ring)
    return rings


def activity_rings(activities):
    """A ring per measure with activities, in the measures' order; activities in a month span it."""
    by_measure = defaultdict(list)
    for activity in activities:
        by_measure[activity.measure].append(activity)
    rings = []
    for measure in sorted(by_measure, key=lambda measure: measure.number):
        ring = Ring(name=f"{measure.number}. {measure.title}", kind="measure", note=_("activities"))
        ring.link = reverse("measures:measure_detail", args=[measure.number])
        for activity in by_measure[measure]:
            label = f"{activity.title} ({activity.when_display})"
            if activity.target_group:
                label += f" – {activity.target_group}"
            cancelled = activity.status == ActivityStatus.CANCELLED
            status = activity.get_status_display()
            ring.marks.append(Mark(activity.sort_date, label, cancelled, activity.date is None, ring.link, status))
        rings.append(ring)
    return rings


def filtered(plan, year, *, measure=None, body=None, target_group=""):
    """(meetings, activities) of the plan's year as querysets, narrowed by the filters.

    Meetings belong to no measure and no target group: filtering by either leaves activities only.
    """
    activities = Activity.objects.filter(measure__plan=plan).in_year(year)
    meetings = Meeting.objects.in_year(year).filter(series__plan=plan)
    if measure is not None:
        activities = activities.filter(measure=measure)
        meetings = meetings.none()
    if body is not None:
        # through subqueries, so that nothing comes twice and nothing needs DISTINCT
        responsible = Measure.objects.filter(responsible_bodies=body)
        activities = activities.filter(Q(responsible_body=body) | Q(measure__in=responsible))
        meetings = meetings.filter(series__in=MeetingSeries.objects.filter(bodies=body))
    if target_group:
        activities = activities.filter(target_group__iexact=target_group)
        meetings = meetings.none()
    return meetings, activities


def drawn_activities(activities):
    """(the activities of the first MEASURE_RINGS measures that have any, how many measures are left out)."""
    numbers = list(
        activities.order_by("measure__number").values_list("measure__number", flat=True).distinct()[: MEASURE_RINGS + 1]
    )
    left_out = 0
    if not numbers:
        return [], 0
    if len(numbers) > MEASURE_RINGS:
        numbers = numbers[:MEASURE_RINGS]
        left_out = activities.values("measure").distinct().count() - MEASURE_RINGS
    drawn = activities.filter(measure__number__in=numbers).select_related("measure", "responsible_body").in_order()
    return list(drawn), left_out


def nearest(meetings, activities, *, now=None):
    """The next NEAREST meetings and activities, soonest first: [(day, label, url)]."""
    now = now or timezone.now()
    upcoming = meetings.upcoming(now).select_related("series").defer("minutes", "minutes_html")[:NEAREST]
    items = [
        (
            timezone.localtime(meeting.starts_at).date(),
            f"{meeting.series.name} {timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M}",
            reverse("meetings:meeting_detail", args=[meeting.pk]),
        )
        for meeting in upcoming
    ]
    # an activity of a whole month (sort_date the 1st) stays "next" until the month is over
    month_start = timezone.localdate(now).replace(day=1)
    coming = activities.filter(sort_date__gte=month_start).exclude(status=ActivityStatus.CANCELLED)
    for activity in coming.select_related("measure").in_order()[:NEAREST]:
        if activity.date is not None and activity.date < timezone.localdate(now):
            continue
        url = reverse("measures:measure_detail", args=[activity.measure.number])
        items.append((activity.sort_date, f"{activity.title} ({activity.when_display})", url))
    return sorted(items, key=lambda item: item[0])[:NEAREST]


def summary(year, rings):
    meetings = sum(mark.count for ring in rings if ring.kind == "series" and not ring.folded for mark in ring.marks)
    activities = sum(len(ring.marks) for ring in rings if ring.kind == "measure")
    return _(
        "Year wheel %(year)s: %(rings)s rings, %(meetings)s single meetings, %(folded)s frequent series shown as "
        "one band each, and %(activities)s activities. The same are listed by month."
    ) % {
        "year": year,
        "rings": len(rings),
        "meetings": meetings,
        "folded": sum(1 for ring in rings if ring.folded),
        "activities": activities,
    }


def by_month(year, rings):
    """[(first day of the month, [(mark, ring)])] for the list beside the wheel; folded rings are left out."""
    months = defaultdict(list)
    for ring in rings:
        if ring.folded:
            continue
        for mark in ring.marks:
            months[mark.day.month].append((mark, ring))
    return [
        (date(year, month, 1), sorted(months.get(month, []), key=lambda pair: pair[0].day)) for month in range(1, 13)
    ]


def year_wheel(plan, year, series_list, *, measure=None, body=None, target_group=""):
    """Everything the årshjul page draws: the rings, the SVG, the list by month and the next few items."""
    meetings, activities = filtered(plan, year, measure=measure, body=body, target_group=target_group)
    drawn, left_out = drawn_activities(activities)
    rings = number_rings(series_rings(series_list, month_counts(meetings), year) + activity_rings(drawn))
    return {
        "rings": rings,
        "folded": [ring for ring in rings if ring.folded],
        "svg": year_wheel_svg(year, rings, summary=summary(year, rings)),
        "months": by_month(year, rings),
        "nearest": nearest(meetings, activities if drawn else activities.none()),
        "measures_left_out": left_out,
    }


def measure_wheel(measure, year, activities, *, size=520, dom_id=None):
    """One measure's activities of a year as a wheel of its own (the measure page, the plan PDF)."""
    rings = number_rings(activity_rings([activity for activity in activities if activity.sort_date.year == year]))
    return {
        "year": year,
        "rings": rings,
        "svg": year_wheel_svg(
            year, rings, size=size, summary=summary(year, rings), dom_id=dom_id or f"wheel-{measure.number}-{year}"
        ),
    }
