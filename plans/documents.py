"""The plan document and the steering group's status report: what they show, rendered to PDF.

Renderers are pure functions returning bytes; views only wrap them in a response. A rendered
plan PDF is kept in Django's cache (a database table shared by every worker) under the plan's
change stamp, the time of the latest change to anything the document shows, so an unchanged
plan is served without rendering anything and any edit gives a new PDF at once. The status report
is kept the same way, under the latest change to its measures and their status updates.
"""

import datetime
import hashlib
from collections import Counter
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Count, OuterRef, Prefetch
from django.db.models.functions import TruncMinute
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from measures.charts import indicator_charts, status_chart
from measures.history import latest_change
from measures.models import (
    ActionPlan,
    Activity,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    Link,
    LinkSection,
    Measure,
    Status,
    StatusUpdate,
)
from meetings.models import MeetingSeries
from meetings.wheel import measure_wheel
from participants.models import Body, Level
from slt_portal.pdf import render_pdf

PLAN_TEMPLATE = "pdf/plan.html"
ARTICLE_TEMPLATE = "plans/_public_article.html"
STATUS_TEMPLATE = "pdf/status_report.html"
CACHE_TIMEOUT = 60 * 60 * 24 * 30  # an unchanged plan is served from the cache for a month
# The styles the documents are printed with, besides the templates (see sources_fingerprint).
PRINT_STYLES = ["css/print.css"]


def levels_with_bodies():
    """The model's three levels, each with its bodies; the first body is the level's own."""
    bodies = list(Body.objects.all())
    levels = []
    for value, label in Level.choices:
        at_level = [body for body in bodies if body.level == value]
        levels.append({"value": value, "label": label, "bodies": at_level})
    return levels


def plan_context(plan, *, for_pdf=True, draft=False):
    """Everything the plan document shows, read through the plan's relations.

    `draft` marks a working draft of a plan that has an adopted version: every page says so.
    """
    links = list(plan.links.order_by("order", "id"))  # the plan's and its measures' links, in one query
    by_measure = {}
    for link in links:
        if link.measure_id is not None:
            by_measure.setdefault(link.measure_id, []).append(link)
    measures = list(plan.measures.all())
    for measure in measures:
        measure.measure_links = by_measure.get(measure.pk, [])
    logo_src = ""
    if plan.logo:
        logo_src = Path(plan.logo.path).as_uri() if for_pdf else plan.logo.url
    return {
        "plan": plan,
        "goals": list(plan.goals.all()),
        "focus_areas": list(plan.focus_areas.all()),
        "measures": measures,
        "meeting_series": list(plan.meeting_series.all()),
        "levels": levels_with_bodies(),
        "links": {section: [link for link in links if link.section == section] for section in LinkSection.values},
        "logo_src": logo_src,
        "for_pdf": for_pdf,
        "draft": draft,
        "rollovers": list(plan.rollovers.select_related("measure", "successor")),
        "indicator_charts": indicator_charts(plan.indicators.prefetch_related("values"), public=True)
        if for_pdf
        else [],
        "measure_wheels": _measure_wheels(plan, measures) if for_pdf else [],
    }


def _measure_wheels(plan, measures):
    """The årshjul of each measure with activities in the plan period, one per year that has some."""
    activities = Activity.objects.filter(
        measure__plan=plan, sort_date__year__gte=plan.period_start, sort_date__year__lte=plan.period_end
    )
    by_measure = {}
    for activity in activities.in_order():
        by_measure.setdefault(activity.measure_id, []).append(activity)
    wheels = []
    for measure in measures:
        own = by_measure.get(measure.pk, [])
        for year in sorted({activity.sort_date.year for activity in own}):
            for activity in own:
                activity.measure = measure
            wheel = measure_wheel(measure, year, own, size=480, dom_id=f"pdf-wheel-{measure.number}-{year}")
            wheel["measure"] = measure
            wheel["activities"] = [activity for activity in own if activity.sort_date.year == year]
            wheels.append(wheel)
    return wheels


def plan_title(plan):
    return f"{plan.title} – {plan.municipality_name}"


def plan_stamp(plan):
    """The time of the latest change to anything the plan document shows, read in one query.

    Every model the document draws from keeps its history, deletions included, and a change to a
    measure's many-to-many fields is a history record of the measure too.
    """
    plan_id = OuterRef("pk")
    histories = [
        ActionPlan.history.filter(id=plan_id),
        Goal.history.filter(plan_id=plan_id),
        FocusArea.history.filter(plan_id=plan_id),
        Link.history.filter(plan_id=plan_id),
        Measure.history.filter(plan_id=plan_id),
        MeetingSeries.history.filter(plan_id=plan_id),
        Activity.history.filter(measure__plan_id=plan_id),
        *_indicator_histories(),
        Body.history.all(),
    ]
    return latest_change(plan, histories, default=plan.updated_at)


def _indicator_histories():
    plan_id = OuterRef("pk")
    return [Indicator.history.filter(plan_id=plan_id), IndicatorValue.history.filter(indicator__plan_id=plan_id)]


def indicators_stamp(plan):
    """The time of the latest change to the plan's indicators or their values, in one query (None when it
    has none): the public page shows them as they stand, also beside an adopted version."""
    return latest_change(plan, _indicator_histories())


@once
def sources_fingerprint():
    """A digest of every template and the print styles, read once per process: a release with other
    templates or styles does not serve documents stored by the old one."""
    digest = hashlib.sha256()
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            digest.update(path.read_bytes())
    for name in PRINT_STYLES:
        digest.update(Path(finders.find(name)).read_bytes())
    return digest.hexdigest()[:16]


def plan_pdf_key(plan):
    """The cache key of the plan's PDF as it stands now (a working draft once a version is adopted)."""
    marking = "draft" if plan.versions.exists() else "plain"
    stamp = plan_stamp(plan).isoformat()
    return f"plan-pdf:{plan.pk}:{stamp}:{sources_fingerprint()}:{plan.written_standard}:{marking}"


def render_plan_pdf(plan):
    """The working plan as tagged PDF bytes; served from the cache when nothing it shows has changed.

    Once the plan has an adopted version, this is the working draft, marked as such on every page.
    """
    key = plan_pdf_key(plan)
    pdf = cache.get(key)
    if pdf is None:
        lang = plan.written_standard
        with translation.override(lang):
            context = plan_context(plan, draft=key.endswith(":draft"))
        pdf = render_pdf(PLAN_TEMPLATE, context, title=plan_title(plan), author=plan.municipality_name, lang=lang)
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def render_adopted_plan(plan):
    """The plan as it is adopted now: (the public page's article as HTML, the PDF's bytes).

    The PDF is kept in the cache under a digest of the HTML it is drawn from, so the same plan
    document is rendered only once, however many times it is frozen.
    """
    lang = plan.written_standard
    title = plan_title(plan)
    with translation.override(lang):
        context = plan_context(plan, for_pdf=True)
        page = get_template(ARTICLE_TEMPLATE).render(plan_context(plan, for_pdf=False))
        print_html = get_template(PLAN_TEMPLATE).render({**context, "pdf_title": title, "pdf_lang": lang})
    digest = hashlib.sha256(print_html.encode()).hexdigest()
    key = f"adopted-plan-pdf:{digest}:{sources_fingerprint()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(PLAN_TEMPLATE, context, title=title, author=plan.municipality_name, lang=lang)
        cache.set(key, pdf, CACHE_TIMEOUT)
    return page, pdf


# Status report for the steering group


def default_since(today=None):
    return (today or timezone.localdate()) - datetime.timedelta(days=90)


# Created together by one person within a minute, this many measures are an import or a new
# period being set up, not news for the steering group (the dashboard's feed groups them alike).
BULK_CREATION = 3


def _bulk_creations(records):
    """(minute, user id) of every burst of BULK_CREATION or more measures created by one person in one minute."""
    rows = (
        records.filter(history_type="+")
        .annotate(minute=TruncMinute("history_date"))
        .values("minute", "history_user_id")
        .annotate(count=Count("history_id"))
        .filter(count__gte=BULK_CREATION)
        .order_by()
    )
    return {(row["minute"], row["history_user_id"]) for row in rows}


def measure_changes(plan, since, until=None):
    """Changes people made to the plan's measures from one day to another (both included), newest first.

    Never what an import or a command wrote (no person made it), nor a bulk creation: those are
    how a plan is loaded or carried into a new period, and would bury the real changes.
    """
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    records = Measure.history.filter(plan_id=plan.pk, history_date__gte=start, history_user__isnull=False)
    if until is not None:
        end = timezone.make_aware(datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min))
        records = records.filter(history_date__lt=end)
    bulk = _bulk_creations(records)
    changes = []
    for record in records.select_related("history_user").order_by("-history_date"):
        minute = record.history_date.replace(second=0, microsecond=0)
        if record.history_type == "+" and (minute, record.history_user_id) in bulk:
            continue
        if record.history_type == "+":
            what = _("Measure added")
        elif record.history_type == "-":
            what = _("Measure removed")
        else:
            previous = record.prev_record
            if previous is None:
                continue
            changed = [change.field for change in record.diff_against(previous).changes]
            if not changed:
                continue
            fields = [str(Measure._meta.get_field(field).verbose_name) for field in changed]
            what = _("Changed: %(fields)s") % {"fields": ", ".join(fields)}
            if "status" in changed:
                what += " (" + _("new status: %(status)s") % {"status": Status(record.status).label} + ")"
        changes.append(
            {
                "when": timezone.localtime(record.history_date),
                "number": record.number,
                "title": record.title,
                "what": what,
            }
        )
    return changes


def status_report_context(plan, *, since, now=None):
    now = now or timezone.now()
    newest_first = StatusUpdate.objects.order_by("-date", "-created_at")
    measures = list(
        plan.measures.prefetch_related(Prefetch("status_updates", queryset=newest_first, to_attr="timeline"))
    )
    for measure in measures:
        measure.latest_update = measure.timeline[0] if measure.timeline else None
    updates = (
        StatusUpdate.objects.filter(measure__plan=plan, date__gte=since)
        .select_related("measure", "author")
        .order_by("-date", "-created_at")
    )
    return {
        "plan": plan,
        "measures": measures,
        "chart": status_chart(Counter(measure.status for measure in measures)),
        "since": since,
        "updates": list(updates),
        "changes": measure_changes(plan, since),
        "generated_at": timezone.localtime(now),
    }


def status_report_title(plan):
    return _("Status report – %(title)s") % {"title": plan.title}


def measures_stamp(plan):
    """The time of the latest change to the plan, its measures, their status updates or the bodies named, read
    in one query: what the status report and the start page's overview of the measures show."""
    plan_id = OuterRef("pk")
    histories = [
        ActionPlan.history.filter(id=plan_id),
        Measure.history.filter(plan_id=plan_id),
        StatusUpdate.history.filter(measure__plan_id=plan_id),
        Body.history.all(),
    ]
    return latest_change(plan, histories, default=plan.updated_at)


def render_status_report_pdf(plan, *, since, now=None):
    """The steering group's status report as tagged PDF bytes.

    Drawn as it stands now (or at `now`); kept in the cache under the time of the latest change to what it
    shows, so the same report asked again is served without drawing anything. It then says when it was
    drawn, which is after the latest change it shows.
    """
    key = None
    if now is None:
        stamp = measures_stamp(plan).isoformat()
        key = f"status-report:{plan.pk}:{since.isoformat()}:{stamp}:{sources_fingerprint()}:{plan.written_standard}"
        pdf = cache.get(key)
        if pdf is not None:
            return pdf
    lang = plan.written_standard
    with translation.override(lang):
        context = status_report_context(plan, since=since, now=now)
        title = status_report_title(plan)
    pdf = render_pdf(STATUS_TEMPLATE, context, title=title, author=plan.municipality_name, lang=lang)
    if key is not None:
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf
