"""Ny planperiode: carrying the current plan on into the next period (the coordinator only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from measures.lookup import plan_or_404
from participants.roles import require_coordinator

from .. import services
from ..forms import RolloverForm


@login_required
@require_http_methods(["GET", "POST"])
def plan_rollover(request):
    require_coordinator(request.user)
    plan = plan_or_404()
    form = RolloverForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        new_plan = services.plan_rollover(
            plan=plan,
            period_start=form.cleaned_data["period_start"],
            period_end=form.cleaned_data["period_end"],
            title=form.cleaned_data["title"],
            decisions=form.decisions(),
            generate_meetings=form.cleaned_data["generate_meetings"],
            user=request.user,
        )
        messages.success(
            request,
            _("%(title)s is started from %(old)s; the old plan is kept as history.")
            % {"title": new_plan.title, "old": plan.title},
        )
        return redirect("plans:plan_documents")
    status = 400 if form.is_bound else 200
    return render(request, "plans/rollover.html", {"plan": plan, "form": form}, status=status)
