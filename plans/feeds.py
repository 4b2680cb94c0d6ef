"""The dashboard's feeds: the coming meetings and the latest changes across the plan, as sentences.

Each reads a fixed number of queries however much history there is. Many records created or changed
by one person within the same minute (an import, the year's meetings made from a rhythm) are one line.
"""

import datetime

from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import TruncMinute
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from measures.history import ACTIONS, latest_change, measure_label, who
from measures.models import ActionPlan, FocusArea, Goal, Link, Measure, Status, StatusUpdate
from meetings.models import Meeting

UPCOMING_DAYS = 30
CHANGES_TIMEOUT = 10 * 60
# Created together, this many records or more are one line of the feed.
BULK = 3


def upcoming_meetings(plan, days=UPCOMING_DAYS):
    now = timezone.now()
    until = now + datetime.timedelta(days=days)
    return list(
        Meeting.objects.filter(series__plan=plan, starts_at__gte=now, starts_at__lt=until)
        .select_related("series")
        .order_by("starts_at")
    )


def _meeting_label(record):
    series = record.series
    return f"{series.name if series else '–'} {timezone.localtime(record.starts_at):%d.%m.%Y}"


def _sources(plan):
    """(model, historical queryset, label function, measure number function) for everything in the plan."""
    return [
        (ActionPlan, ActionPlan.history.filter(id=plan.pk), lambda r: r.title, None),
        (Goal, Goal.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (FocusArea, FocusArea.history.filter(plan_id=plan.pk), lambda r: Truncator(r.text).chars(60), None),
        (Link, Link.history.filter(plan_id=plan.pk), lambda r: r.title, None),
        (Measure, Measure.history.filter(plan_id=plan.pk), measure_label, lambda r: r.number),
        (
            StatusUpdate,
            StatusUpdate.history.filter(measure__plan_id=plan.pk).select_related("measure"),
            lambda r: measure_label(r.measure),
            lambda r: r.measure.number if r.measure else None,
        ),
        (Meeting, Meeting.history.filter(series__plan_id=plan.pk).select_related("series"), _meeting_label, None),
    ]


def _bulk_groups(records, limit):
    """The latest groups of records made by one user in one minute, keyed by (minute, user id, type)."""
    groups = (
        records.annotate(minute=TruncMinute("history_date"))
        .values(
            "minute",
            "history_user_id",
            "history_type",
            "history_user__first_name",
            "history_user__last_name",
            "history_user__username",
        )
        .annotate(count=Count("history_id"), when=Max("history_date"))
        .order_by("-when")[:limit]
    )
    return {(group["minute"], group["history_user_id"], group["history_type"]): group for group in groups}


def _runs(groups):
    """The groups of one user and kind in consecutive minutes, joined: records made together that cross a
    minute (a year's meetings made at 10:59:58) are one line. Each run keeps the keys of its groups."""
    runs, open_runs = [], {}
    for (minute, user, kind), group in sorted(groups.items(), key=lambda item: item[0][0]):
        run = open_runs.get((user, kind))
        if run is not None and minute - run["minute"] <= datetime.timedelta(minutes=1):
            run.update(count=run["count"] + group["count"], when=max(run["when"], group["when"]), minute=minute)
            run["keys"].append((minute, user, kind))
        else:
            run = open_runs[(user, kind)] = {**group, "keys": [(minute, user, kind)]}
            runs.append(run)
    return runs


def _sentence(*, who_name, action, kind, label, url, record=None, model=None):
    """The change as a sentence: "Kari Solberg satte Natteravnordning til Pågår"."""
    linked = format_html('<a href="{}">{}</a>', url, label) if url else escape(label)
    if model is StatusUpdate and record is not None and record.history_type == "+" and record.measure:
        title = format_html('<a href="{}">{}</a>', url, record.measure.title) if url else escape(record.measure.title)
        status = escape(Status(record.status).label if record.status in Status.values else record.status)
        if who_name:
            text = _("%(who)s set %(measure)s to %(status)s") % {
                "who": escape(who_name),
                "measure": title,
                "status": status,
            }
        else:
            text = _("%(measure)s was set to %(status)s") % {"measure": title, "status": status}
        return mark_safe(text)  # noqa: S308  # every part above is escaped
    parts = {"who": escape(who_name), "action": escape(action), "kind": escape(kind), "label": linked}
    if who_name:
        return mark_safe(_("%(who)s %(action)s %(kind)s «%(label)s»") % parts)  # noqa: S308  # parts are escaped
    return mark_safe(_("%(kind)s «%(label)s» was %(action)s") % parts)  # noqa: S308  # parts are escaped


def _bulk_sentence(*, who_name, count, model, action):
    parts = {"who": escape(who_name), "count": count, "what": escape(model._meta.verbose_name_plural)}
    parts["action"] = escape(action)
    if who_name:
        return mark_safe(_("%(who)s %(action)s %(count)s %(what)s") % parts)  # noqa: S308  # the parts are escaped
    return mark_safe(_("%(count)s %(what)s were %(action)s") % parts)  # noqa: S308  # the parts are escaped


def _changes_stamp(plan):
    """The time of the latest change the feed could show, in one query: the feed is kept under it."""
    return latest_change(plan, [records for _model, records, _label, _number in _sources(plan)])


def recent_changes(plan, limit=10):
    """The latest changes across the plan, its measures, status updates and meetings: who, when, what.

    Kept in the cache under the time of the latest change, so an unchanged feed costs two queries however
    much history there is; a name changed elsewhere (a person's, a series') shows within CHANGES_TIMEOUT.
    """
    stamp = _changes_stamp(plan)
    key = f"recent-changes:{plan.pk}:{limit}:{get_language()}:{stamp.isoformat() if stamp else '-'}"
    entries = cache.get(key)
    if entries is None:
        entries = _recent_changes(plan, limit)
        cache.set(key, entries, CHANGES_TIMEOUT)
    return entries


def _recent_changes(plan, limit):
    entries = []
    for model, records, label, measure_number in _sources(plan):
        runs = [run for run in _runs(_bulk_groups(records, limit)) if run["count"] >= BULK]
        bulk = {key for run in runs for key in run["keys"]}
        for run in runs:
            entries.append(_bulk_entry(model, run))
        for record in records.select_related("history_user").order_by("-history_date")[:limit]:
            minute = record.history_date.replace(second=0, microsecond=0)
            if (minute, record.history_user_id, record.history_type) in bulk:
                continue
            number = measure_number(record) if measure_number else None
            entry = {
                "when": record.history_date,
                "who": who(record),
                "kind": model._meta.verbose_name,
                "label": label(record),
                "action": ACTIONS.get(record.history_type, ""),
                "measure_number": number,
            }
            url = reverse("measures:measure_detail", args=[number]) if number else ""
            entry["sentence"] = _sentence(
                who_name=entry["who"], action=entry["action"], kind=entry["kind"], label=entry["label"], url=url,
                record=record, model=model,
            )  # fmt: skip
            entries.append(entry)
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]


def _bulk_entry(model, group):
    first, last = group["history_user__first_name"] or "", group["history_user__last_name"] or ""
    who_name = f"{first} {last}".strip() or group["history_user__username"] or ""
    action = ACTIONS.get(group["history_type"], "")
    return {
        "when": group["when"],
        "who": who_name,
        "kind": model._meta.verbose_name_plural,
        "label": "",
        "action": action,
        "measure_number": None,
        "count": group["count"],
        "sentence": _bulk_sentence(who_name=who_name, count=group["count"], model=model, action=action),
    }
