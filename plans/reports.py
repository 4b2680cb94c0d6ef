"""What the reports of record hold, and their PDFs: the steering group's numbered status report and
the årsrapport to the kommunestyre.

Both are drawn from the same data: the measures and their timelines, the meetings of the plan's
regular series with their saker, decisions, action items and attendance. Confidential series
(the operative group's) give their meetings' dates and attendance, never their decisions or
action items: a report leaves the portal.
"""

import datetime
from collections import Counter

from django.db.models import Count, Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from measures.charts import indicator_chart, status_chart
from measures.models import Activity, ActivityStatus, IndicatorValue, StatusUpdate
from meetings.models import ActionItem, ActionItemKind, AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingStatus
from slt_portal.pdf import render_pdf

from .documents import measure_changes

STATUS_RECORD_TEMPLATE = "pdf/status_report_record.html"
ANNUAL_TEMPLATE = "pdf/annual_report.html"


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _day_after(day):
    return _day_start(day + datetime.timedelta(days=1))


def measures_as_of(plan, day, *, assessments=None):
    """The plan's measures, each with `latest_update` (its latest status update up to the day) and
    `assessment` (the coordinator's text from {measure id: text})."""
    timeline = StatusUpdate.objects.filter(date__lte=day).order_by("-date", "-created_at")
    measures = list(plan.measures.prefetch_related(Prefetch("status_updates", queryset=timeline, to_attr="timeline")))
    for measure in measures:
        measure.latest_update = measure.timeline[0] if measure.timeline else None
        measure.assessment = (assessments or {}).get(measure.pk, "")
    return measures


def meetings_between(plan, start, end):
    """The meetings of the plan's series from one day to another (both included), not cancelled, in order."""
    return (
        Meeting.objects.filter(series__plan=plan, starts_at__gte=_day_start(start), starts_at__lt=_day_after(end))
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("series")
        .order_by("starts_at")
    )


def decisions_and_actions(meetings):
    """Per open (not confidential) meeting: its decisions (the saker's vedtak and items recorded as decisions)
    and its action items."""
    open_meetings = [meeting for meeting in meetings if not meeting.series.is_confidential]
    saker = AgendaItem.objects.filter(meeting__in=open_meetings).exclude(decision="").order_by("meeting", "order")
    items = ActionItem.objects.filter(meeting__in=open_meetings).select_related(
        "responsible_person", "responsible_body", "measure", "agenda_item"
    )
    rows = []
    for meeting in open_meetings:
        decisions = [{"label": str(sak), "text": sak.decision} for sak in saker if sak.meeting_id == meeting.pk] + [
            {"label": str(item.agenda_item or ""), "text": item.text}
            for item in items
            if item.meeting_id == meeting.pk and item.kind == ActionItemKind.DECISION
        ]
        actions = [item for item in items if item.meeting_id == meeting.pk and item.kind == ActionItemKind.ACTION]
        if decisions or actions:
            rows.append({"meeting": meeting, "decisions": decisions, "actions": actions})
    return rows


def overdue_action_items(plan, day):
    """Action items of the plan's open meetings due before the day and not done, oldest due first."""
    return list(
        ActionItem.objects.overdue(day)
        .filter(meeting__series__plan=plan, meeting__series__confidential=False)
        .select_related("meeting__series", "responsible_person", "responsible_body", "measure")
        .order_by("due", "id")
    )


def status_report_record_context(report):
    plan = report.plan
    day = report.report_date
    assessments = {row.measure_id: row.text for row in report.assessments.all()}
    measures = measures_as_of(plan, report.period_end, assessments=assessments)
    meetings = list(meetings_between(plan, report.period_start, report.period_end))
    updates = (
        StatusUpdate.objects.filter(measure__plan=plan, date__gte=report.period_start, date__lte=report.period_end)
        .select_related("measure")
        .order_by("-date", "-created_at")
    )
    return {
        "plan": plan,
        "report": report,
        "report_date": day,
        "measures": measures,
        "chart": status_chart(Counter(measure.status for measure in measures)),
        "meetings": decisions_and_actions(meetings),
        "overdue": overdue_action_items(plan, day),
        "updates": list(updates),
        "changes": measure_changes(plan, report.period_start, report.period_end),
    }


def status_report_record_title(report):
    if report.number:
        return _("Status report no. %(number)s – %(title)s") % {"number": report.number, "title": report.plan.title}
    return _("Draft status report – %(title)s") % {"title": report.plan.title}


def render_status_report_record(report):
    """The status report of record as tagged PDF bytes; a draft says on its first page that it is one."""
    plan = report.plan
    lang = plan.written_standard
    with translation.override(lang):
        context = status_report_record_context(report)
        title = status_report_record_title(report)
    return render_pdf(STATUS_RECORD_TEMPLATE, context, title=title, author=plan.municipality_name, lang=lang)


# The årsrapport


def attendance_counts(meetings):
    """{meeting id: {"present", "absent_with_notice", "absent", "deputies"}} counted in the database."""
    rows = (
        Attendance.objects.filter(meeting__in=meetings)
        .values("meeting_id")
        .annotate(
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            absent_with_notice=Count("pk", filter=Q(status=AttendanceStatus.ABSENT_WITH_NOTICE)),
            absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
            deputies=Count("deputy"),
        )
        .order_by()
    )
    return {row.pop("meeting_id"): row for row in rows}


def annual_report_context(report):
    plan, year = report.plan, report.year
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    assessments = {row.measure_id: row.text for row in report.assessments.all()}
    measures = measures_as_of(plan, end, assessments=assessments)
    in_year = StatusUpdate.objects.filter(date__gte=start, date__lte=end).order_by("date", "created_at")
    done = Activity.objects.in_year(year).filter(status=ActivityStatus.DONE).in_order()
    with_work = plan.measures.prefetch_related(
        Prefetch("status_updates", queryset=in_year, to_attr="updates_in_year"),
        Prefetch("activities", queryset=done, to_attr="activities_done"),
    )
    work = {measure.pk: measure for measure in with_work}
    for measure in measures:
        measure.updates_in_year = work[measure.pk].updates_in_year
        measure.activities_done = work[measure.pk].activities_done
    moment = report.frozen_at or timezone.now()
    held = list(meetings_between(plan, start, end).filter(starts_at__lte=moment).annotate(guest_count=Count("guests")))
    counts = attendance_counts(held)
    empty = {"present": 0, "absent_with_notice": 0, "absent": 0, "deputies": 0}
    for meeting in held:
        meeting.counts = counts.get(meeting.pk, empty)
    return {
        "plan": plan,
        "report": report,
        "year": year,
        "report_date": report.report_date,
        "measures": measures,
        "chart": status_chart(Counter(measure.status for measure in measures)),
        "indicator_charts": _indicators_until(plan, year),
        "meetings": held,
        "decisions": [row for row in decisions_and_actions(held) if row["decisions"]],
    }


def _indicators_until(plan, year):
    """The plan's indicators with their values up to the report's year; the report is public: small
    numbers read "under 5"."""
    until = IndicatorValue.objects.filter(year__lte=year)
    indicators = plan.indicators.prefetch_related(Prefetch("values", queryset=until, to_attr="values_until"))
    return [
        indicator_chart(indicator, indicator.values_until, public=True)
        for indicator in indicators
        if indicator.values_until
    ]


def annual_report_title(report):
    return _("Annual report %(year)s – %(title)s") % {"year": report.year, "title": report.plan.title}


def render_annual_report_pdf(report):
    """The årsrapport as tagged PDF bytes (PDF/UA-1)."""
    plan = report.plan
    lang = plan.written_standard
    with translation.override(lang):
        context = annual_report_context(report)
        title = annual_report_title(report)
    return render_pdf(ANNUAL_TEMPLATE, context, title=title, author=plan.municipality_name, lang=lang)
