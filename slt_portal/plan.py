"""The plan document and the steering group's status report: data assembly and rendering.

Renderers are pure functions returning bytes; views only wrap them in a response. The plan
PDF is cached under a hash of its HTML, so an unchanged plan is not rendered again, and any
edit that changes what the PDF shows gives a new key at once. The cache is Django's (a
database table), shared by every worker.
"""

import datetime
import hashlib
from pathlib import Path

from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from measures.models import LinkSection, Measure, Status, StatusUpdate
from participants.models import Body, Level

from .pdf import html_to_pdf

PLAN_TEMPLATE = "pdf/plan.html"
STATUS_TEMPLATE = "pdf/status_report.html"
LANG = "nb"
CACHE_TIMEOUT = 60 * 60 * 24 * 30  # an unchanged plan is served from the cache for a month

# How many times a plan PDF was actually rendered by this process: the cache is meant to
# keep this from growing on repeated downloads of an unchanged plan.
render_count = 0


def levels_with_bodies():
    """The model's three levels, each with its bodies; the first body is the level's own."""
    bodies = list(Body.objects.all())
    levels = []
    for value, label in Level.choices:
        at_level = [body for body in bodies if body.level == value]
        levels.append({"value": value, "label": label, "bodies": at_level})
    return levels


def plan_context(plan, *, for_pdf=True):
    """Everything the plan document shows, read through the plan's relations."""
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
    }


def plan_title(plan):
    return f"{plan.title} – {plan.municipality}"


def plan_html(plan):
    with translation.override(LANG):
        return render_to_string(PLAN_TEMPLATE, {**plan_context(plan), "pdf_title": plan_title(plan), "pdf_lang": LANG})


def plan_cache_key(plan, html=None):
    html = plan_html(plan) if html is None else html
    digest = hashlib.sha256(html.encode()).hexdigest()
    return f"plan-pdf:{plan.pk}:{digest}"


def render_plan_pdf(plan):
    """The plan as tagged PDF bytes; served from the cache when nothing it shows has changed."""
    global render_count
    html = plan_html(plan)
    key = plan_cache_key(plan, html)
    pdf = cache.get(key)
    if pdf is None:
        render_count += 1
        pdf = html_to_pdf(html, title=plan_title(plan), author=plan.municipality, lang=LANG)
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


# Status report for the steering group

CHART_ROW_HEIGHT = 26
CHART_LABEL_WIDTH = 130
CHART_BAR_WIDTH = 300


def default_since(today=None):
    return (today or timezone.localdate()) - datetime.timedelta(days=90)


def status_chart(measures):
    """Rows of a horizontal bar chart: one per status, widths relative to the largest count."""
    counts = dict.fromkeys(Status.values, 0)
    for measure in measures:
        counts[measure.status] += 1
    largest = max(counts.values(), default=0) or 1
    rows = []
    for index, (value, label) in enumerate(Status.choices):
        count = counts[value]
        width = round(CHART_BAR_WIDTH * count / largest)
        y = index * CHART_ROW_HEIGHT
        rows.append(
            {
                "status": value,
                "label": label,
                "count": count,
                "y": y,
                "text_y": y + CHART_ROW_HEIGHT // 2 + 4,
                "width": width,
                "count_x": CHART_LABEL_WIDTH + width + 6,
            }
        )
    return {
        "rows": rows,
        "height": len(rows) * CHART_ROW_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 40,
        "bar_x": CHART_LABEL_WIDTH,
        "bar_height": CHART_ROW_HEIGHT - 8,
        "total": sum(counts.values()),
    }


def _measure_changes(plan, since):
    """Changes to the plan's measures since a date, from their history, newest first."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    records = Measure.history.filter(plan_id=plan.pk, history_date__gte=start).order_by("-history_date")
    changes = []
    for record in records.select_related("history_user"):
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
        "chart": status_chart(measures),
        "since": since,
        "updates": list(updates),
        "changes": _measure_changes(plan, since),
        "generated_at": timezone.localtime(now),
    }


def status_report_title(plan):
    return _("Status report – %(title)s") % {"title": plan.title}


def render_status_report_pdf(plan, *, since, now=None):
    """The steering group's status report as tagged PDF bytes (not cached: it shows the time)."""
    with translation.override(LANG):
        title = status_report_title(plan)
        html = render_to_string(
            STATUS_TEMPLATE,
            {**status_report_context(plan, since=since, now=now), "pdf_title": title, "pdf_lang": LANG},
        )
    return html_to_pdf(html, title=title, author=plan.municipality, lang=LANG)
