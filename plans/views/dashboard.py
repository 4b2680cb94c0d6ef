"""The start page, per role: the coordinator sees the whole picture, the steering group its next
meeting and the plan's documents, the working and operative groups their next meeting and tasks.
A user without a role is sent to the public plan page, or told to ask the coordinator."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from measures.charts import indicator_charts, status_chart
from measures.models import ActionPlan, Freshness
from meetings.access import location_for
from meetings.models import Meeting
from participants import roles
from participants.models import Level

from ..documents import measures_stamp
from ..feeds import UPCOMING_DAYS, recent_changes, upcoming_meetings
from ..tasks import tasks_for

ATTENTION_SHOWN = 15
# The start page shows this many of a person's action items and measures to update; My tasks shows them all.
TASKS_SHOWN = 10
OVERVIEW_TIMEOUT = 60 * 60 * 24
FRESHNESS_SHOWN = [Freshness.UP_TO_DATE, Freshness.DUE_SOON, Freshness.LATE, Freshness.STALE]


def start_page_role(user):
    """The role whose start page the user sees; None for a user with no role."""
    if roles.is_coordinator(user):
        return roles.COORDINATOR
    names = set(user.groups.values_list("name", flat=True))
    for role in (roles.WORKING_GROUP, roles.OPERATIVE_GROUP, roles.STEERING_GROUP):
        if role in names:
            return role
    return None


def _no_role(request):
    plan = ActionPlan.objects.published().current()
    if plan is not None:
        return redirect("plans:public_plan", period=plan.period)
    return render(request, "plans/no_role.html")


def _follow_up(plan):
    needing = list(plan.measures.needing_attention(plan).order_by("followed_up", "number")[: ATTENTION_SHOWN + 1])
    counts = plan.measures.freshness_counts(plan)
    return {
        "attention": needing[:ATTENTION_SHOWN],
        "attention_more": len(needing) > ATTENTION_SHOWN,
        "freshness": [(value, Freshness(value).label, counts.get(value, 0)) for value in FRESHNESS_SHOWN],
    }


def _overview(plan, *, follow_up):
    """The measures by status and (for the coordinator) by how recently they were followed up, with those
    needing attention: kept in the cache under the latest change to the measures and today's date, on which
    their freshness depends, so an unchanged plan is not counted again on every visit."""
    today = timezone.localdate()
    key = f"dashboard-overview:{plan.pk}:{follow_up}:{today}:{get_language()}:{measures_stamp(plan).isoformat()}"
    overview = cache.get(key)
    if overview is None:
        overview = {"chart": status_chart(plan.measures.status_counts())}
        if follow_up:
            overview.update(_follow_up(plan))
        cache.set(key, overview, OVERVIEW_TIMEOUT)
    return overview


def _steering_meeting(plan):
    """The next meeting of a series the governing level attends."""
    return (
        Meeting.objects.filter(series__plan=plan, series__bodies__level=Level.GOVERNING)
        .upcoming()
        .select_related("series")
        .order_by("starts_at")
        .first()
    )


@login_required
@require_GET
def dashboard(request):
    role = start_page_role(request.user)
    if role is None or not request.user.has_perm("measures.view_measure"):
        return _no_role(request)
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "plans/dashboard.html", {"plan": None})
    context = {
        "plan": plan,
        "show_steering": role == roles.STEERING_GROUP,
        "show_overview": role == roles.COORDINATOR,
        **_overview(plan, follow_up=role == roles.COORDINATOR),
        "indicator_charts": indicator_charts(plan.indicators.prefetch_related("values"), public=False),
    }
    if role == roles.STEERING_GROUP:
        context["steering_meeting"] = meeting = _steering_meeting(plan)
        if meeting is not None:
            meeting.shown_location = location_for(request.user, meeting)
    else:
        context["tasks"] = tasks_for(request.user, plan, limit=TASKS_SHOWN)
    if role == roles.COORDINATOR:
        meetings = upcoming_meetings(plan)
        for meeting in meetings:
            meeting.shown_location = location_for(request.user, meeting)
        context.update(meetings=meetings, upcoming_days=UPCOMING_DAYS, changes=recent_changes(plan))
    return render(request, "plans/dashboard.html", context)
