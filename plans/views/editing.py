"""Editing the plan itself: its chapter texts, goals, focus areas and links (the coordinator only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from measures.lookup import plan_or_404
from measures.models import ActionPlan, FocusArea, Goal, Link
from participants.roles import require_coordinator

from ..forms import ActionPlanTextsForm, FocusAreaForm, GoalForm, LinkForm

PLAN_ITEMS = {
    "mal": (Goal, GoalForm),
    "satsingsomrade": (FocusArea, FocusAreaForm),
    "lenke": (Link, LinkForm),
}


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request):
    require_coordinator(request.user)
    with transaction.atomic():
        plan = get_object_or_404(ActionPlan.objects.select_for_update(), pk=plan_or_404().pk)
        saved_title = plan.title
        form = ActionPlanTextsForm(request.POST or None, instance=plan)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The plan's texts have been saved."))
            return redirect("plans:plan_edit")
    context = {
        "plan": plan,
        "saved_title": saved_title,
        "form": form,
        "goals": plan.goals.all(),
        "focus_areas": plan.focus_areas.all(),
        "links": plan.links.select_related("measure"),
        "adopted_version": plan.versions.summaries().latest_first().first(),
    }
    return render(request, "plans/plan_form.html", context)


def _item_kind(kind):
    if kind not in PLAN_ITEMS:
        raise Http404
    return PLAN_ITEMS[kind]


@login_required
@require_http_methods(["GET", "POST"])
def plan_item_edit(request, kind, pk=None):
    """Add or change one goal, focus area or link of the current plan."""
    require_coordinator(request.user)
    model, form_class = _item_kind(kind)
    plan = plan_or_404()
    with transaction.atomic():
        if request.method == "POST":
            # The plan's row orders every save of its goals, focus areas and links: a second submit
            # of the same new entry checks its place in the order after the first is saved.
            ActionPlan.objects.select_for_update(of=("self",)).filter(pk=plan.pk).first()
        if pk is None:
            item = model(plan=plan)
        else:
            item = get_object_or_404(model.objects.select_for_update(), plan=plan, pk=pk)
        form = form_class(request.POST or None, instance=item)
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    form.save()
            except IntegrityError:
                form.add_error("order", _("Another entry already has this place in the order."))
            else:
                what = model._meta.verbose_name.capitalize()
                messages.success(request, _("%(what)s has been saved.") % {"what": what})
                return redirect("plans:plan_edit")
    context = {
        "plan": plan,
        "form": form,
        "item": item,
        "kind": kind,
        "verbose_name": model._meta.verbose_name,
        "adopted_version": plan.versions.summaries().latest_first().first(),
    }
    return render(request, "plans/plan_item_form.html", context)


@login_required
@require_POST
def plan_item_delete(request, kind, pk):
    require_coordinator(request.user)
    model, _form_class = _item_kind(kind)
    item = get_object_or_404(model, plan=plan_or_404(), pk=pk)
    item.delete()
    messages.success(request, _("%(what)s has been deleted.") % {"what": model._meta.verbose_name.capitalize()})
    return redirect("plans:plan_edit")
