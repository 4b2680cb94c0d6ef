"""The årshjul's contents: the year's meetings and the plan's activities as rings of one wheel.

One ring per meeting series and one per measure with activities. A weekly series is folded into
one band with a single mark (52 marks would drown the rest), and is listed once beside the wheel.
The measure page and the plan PDF draw the same wheel for one measure's activities.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from measures.models import Activity, ActivityStatus

from .dates import is_frequent
from .models import Meeting
from .rendering import Mark, Ring, number_rings, year_wheel_svg


def series_rings(series_list, meetings):
    """A ring per series that meets in the year; a frequent series is folded to one mark."""
    by_series = defaultdict(list)
    for meeting in meetings:
        by_series[meeting.series_id].append(meeting)
    rings = []
    for series in series_list:
        own = sorted(by_series.get(series.pk, []), key=lambda meeting: meeting.starts_at)
        if not own:
            continue
        ring = Ring(name=series.name, note=series.frequency)
        if is_frequent(series):
            ring.folded = True
            held = [meeting for meeting in own if not meeting.is_cancelled]
            ring.note = _("%(frequency)s, %(count)s meetings") % {"frequency": series.frequency, "count": len(held)}
            ring.marks = [Mark(timezone.localtime(own[0].starts_at).date(), f"{series.name}: {ring.note}")]
        else:
            for meeting in own:
                day = timezone.localtime(meeting.starts_at).date()
                label = f"{series.name} {day:%d.%m.%Y}"
                url = reverse("meetings:meeting_detail", args=[meeting.pk])
                status = meeting.get_status_display()
                ring.marks.append(Mark(day, label, hollow=meeting.is_cancelled, url=url, status_label=status))
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
    """(meetings, activities) of the plan's year, narrowed by the filters.

    Meetings belong to no measure and no target group: filtering by either leaves activities only.
    """
    activities = Activity.objects.filter(measure__plan=plan).in_year(year).select_related("measure", "responsible_body")
    meetings = Meeting.objects.in_year(year).filter(series__plan=plan).select_related("series")
    if measure is not None:
        activities = activities.filter(measure=measure)
        meetings = meetings.none()
    if body is not None:
        activities = activities.filter(Q(responsible_body=body) | Q(measure__responsible_bodies=body)).distinct()
        meetings = meetings.filter(series__bodies=body).distinct()
    if target_group:
        activities = activities.filter(target_group__iexact=target_group)
        meetings = meetings.none()
    return list(meetings.order_by("starts_at")), list(activities.in_order())


def summary(year, rings):
    meetings = sum(len(ring.marks) for ring in rings if ring.kind == "series" and not ring.folded)
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
    """Everything the årshjul page draws: the rings, the SVG and the list by month."""
    meetings, activities = filtered(plan, year, measure=measure, body=body, target_group=target_group)
    rings = number_rings(series_rings(series_list, meetings) + activity_rings(activities))
    return {
        "rings": rings,
        "folded": [ring for ring in rings if ring.folded],
        "svg": year_wheel_svg(year, rings, summary=summary(year, rings)),
        "months": by_month(year, rings),
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
