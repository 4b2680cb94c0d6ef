"""The start page: the plan's measures by status, what needs attention, coming meetings, latest changes."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from measures.models import ActionPlan

from ..charts import status_chart
from ..feeds import UPCOMING_DAYS, recent_changes, upcoming_meetings

ATTENTION_SHOWN = 15


@login_required
@permission_required("measures.view_measure", raise_exception=True)
@require_GET
def dashboard(request):
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "plans/dashboard.html", {"plan": None})
    needing_attention = list(plan.measures.needing_attention().order_by("number")[: ATTENTION_SHOWN + 1])
    context = {
        "plan": plan,
        "chart": status_chart(plan.measures.status_counts()),
        "attention": needing_attention[:ATTENTION_SHOWN],
        "attention_more": len(needing_attention) > ATTENTION_SHOWN,
        "meetings": upcoming_meetings(plan),
        "upcoming_days": UPCOMING_DAYS,
        "changes": recent_changes(plan),
    }
    return render(request, "plans/dashboard.html", context)
