import datetime

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import exports, history
from .forms import (
    ActionPlanTextsForm,
    FocusAreaForm,
    GoalForm,
    LinkForm,
    MeasureFilterForm,
    MeasureForm,
    StatusUpdateForm,
)
from .models import ActionPlan, FocusArea, Goal, Link, Measure, Status, StatusUpdate
from .services import status_update_create

VIEW_PERMISSION = "measures.view_measure"
EDIT_PERMISSION = "measures.change_measure"
STATUS_PERMISSION = "measures.add_statusupdate"
UPCOMING_DAYS = 30
ATTENTION_SHOWN = 15


def _current_plan():
    plan = ActionPlan.objects.current()
    if plan is None:
        raise Http404(_("No action plan has been loaded yet."))
    return plan


def _measure_in_current_plan(number, queryset=None):
    plan = _current_plan()
    queryset = Measure.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.select_related("plan"), plan=plan, number=number)


def can_update_status(user, measure):
    """The coordinator on every measure; group members on the measures of a body where they hold a seat."""
    if user.has_perm(EDIT_PERMISSION):
        return True
    return user.has_perm(STATUS_PERMISSION) and Measure.objects.for_user_to_update(user).filter(pk=measure.pk).exists()


def _require_editor(user):
    if not user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied


CHART_BAR_START = 100
CHART_BAR_WIDTH = 170
CHART_ROW_HEIGHT = 30


def _status_chart(plan):
    """Bars for the measures by status, laid out here so the template only draws them."""
    counts = dict(plan.measures.values_list("status").annotate(n=Count("pk")).order_by())
    largest = max(counts.values(), default=0) or 1
    rows = []
    for position, (value, label) in enumerate(Status.choices):
        count = counts.get(value, 0)
        width = round(count / largest * CHART_BAR_WIDTH)
        y = position * CHART_ROW_HEIGHT
        rows.append(
            {
                "status": value,
                "label": label,
                "count": count,
                "y": y,
                "text_y": y + 17,
                "bar_x": CHART_BAR_START,
                "width": width,
                "value_x": CHART_BAR_START + width + 6,
            }
        )
    return {"rows": rows, "total": sum(counts.values()), "height": len(rows) * CHART_ROW_HEIGHT}


def _upcoming_meetings(plan):
    # Reached through the plan's relations: this app does not import the meetings app.
    meeting = plan.meeting_series.model.meetings.rel.related_model
    now = timezone.now()
    until = now + datetime.timedelta(days=UPCOMING_DAYS)
    return list(
        meeting.objects.filter(series__plan=plan, starts_at__gte=now, starts_at__lt=until)
        .select_related("series")
        .order_by("starts_at")
    )


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def home(request):
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "measures/dashboard.html", {"plan": None})
    needing_attention = list(plan.measures.needing_attention().order_by("number")[: ATTENTION_SHOWN + 1])
    context = {
        "plan": plan,
        "chart": _status_chart(plan),
        "attention": needing_attention[:ATTENTION_SHOWN],
        "attention_more": len(needing_attention) > ATTENTION_SHOWN,
        "meetings": _upcoming_meetings(plan) if apps.is_installed("meetings") else [],
        "upcoming_days": UPCOMING_DAYS,
        "changes": history.recent_changes(plan),
    }
    return render(request, "measures/dashboard.html", context)


def _filtered_measures(request, plan):
    form = MeasureFilterForm(request.GET or None, plan=plan)
    measures = form.filter(plan.measures.all())
    return form, measures


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_list(request):
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "measures/measure_list.html", {"plan": None})
    form, measures = _filtered_measures(request, plan)
    context = {"plan": plan, "form": form, "measures": measures, "query": request.GET.urlencode()}
    return render(request, "measures/measure_list.html", context)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_export(request, fmt):
    plan = _current_plan()
    _form, measures = _filtered_measures(request, plan)
    stem = slugify(f"tiltak {plan.municipality} {plan.period}")
    if fmt == "csv":
        response = HttpResponse(exports.measures_csv(measures), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.measures_xlsx(measures, title=str(plan)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_detail(request, number):
    measure = _measure_in_current_plan(
        number,
        Measure.objects.select_related("contact").prefetch_related(
            "responsible_bodies",
            "responsible_organizations",
            "focus_areas",
            "links",
            Prefetch("status_updates", queryset=StatusUpdate.objects.select_related("author")),
        ),
    )
    may_update = can_update_status(request.user, measure)
    context = {
        "plan": measure.plan,
        "measure": measure,
        "may_update": may_update,
        "may_edit": request.user.has_perm(EDIT_PERMISSION),
        "status_form": StatusUpdateForm(initial={"status": measure.status}) if may_update else None,
        "changes": history.measure_changes(measure),
    }
    return render(request, "measures/measure_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def status_update(request, number):
    measure = _measure_in_current_plan(number)
    if not can_update_status(request.user, measure):
        raise PermissionDenied
    form = StatusUpdateForm(request.POST or None, initial={"status": measure.status})
    if request.method == "POST" and form.is_valid():
        status_update_create(measure=measure, user=request.user, **form.cleaned_data)
        messages.success(request, _("The status update has been saved."))
        return redirect("measures:measure_detail", number=measure.number)
    return render(request, "measures/status_update_form.html", {"measure": measure, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, number):
    _require_editor(request.user)
    with transaction.atomic():
        measure = _measure_in_current_plan(number, Measure.objects.select_for_update())
        saved_title = str(measure)  # the form changes the instance while it validates
        form = MeasureForm(request.POST or None, instance=measure)
        if request.method == "POST" and form.is_valid():
            measure = form.save()
            messages.success(request, _("The measure has been saved."))
            return redirect("measures:measure_detail", number=measure.number)
    context = {"number": number, "saved_title": saved_title, "form": form}
    return render(request, "measures/measure_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request):
    _require_editor(request.user)
    with transaction.atomic():
        plan = get_object_or_404(ActionPlan.objects.select_for_update(), pk=_current_plan().pk)
        saved_title = plan.title
        form = ActionPlanTextsForm(request.POST or None, instance=plan)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The plan's texts have been saved."))
            return redirect("measures:plan_edit")
    context = {
        "plan": plan,
        "saved_title": saved_title,
        "form": form,
        "goals": plan.goals.all(),
        "focus_areas": plan.focus_areas.all(),
        "links": plan.links.select_related("measure"),
    }
    return render(request, "measures/plan_form.html", context)


PLAN_ITEMS = {
    "mal": (Goal, GoalForm),
    "satsingsomrade": (FocusArea, FocusAreaForm),
    "lenke": (Link, LinkForm),
}


@login_required
@require_http_methods(["GET", "POST"])
def plan_item_edit(request, kind, pk=None):
    """Add or change one goal, focus area or link of the current plan."""
    _require_editor(request.user)
    if kind not in PLAN_ITEMS:
        raise Http404
    model, form_class = PLAN_ITEMS[kind]
    plan = _current_plan()
    with transaction.atomic():
        if pk is None:
            item = model(plan=plan)
        else:
            item = get_object_or_404(model.objects.select_for_update(), plan=plan, pk=pk)
        form = form_class(request.POST or None, instance=item)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("%(what)s has been saved.") % {"what": model._meta.verbose_name.capitalize()})
            return redirect("measures:plan_edit")
    context = {"plan": plan, "form": form, "item": item, "kind": kind, "verbose_name": model._meta.verbose_name}
    return render(request, "measures/plan_item_form.html", context)


@login_required
@require_POST
def plan_item_delete(request, kind, pk):
    _require_editor(request.user)
    if kind not in PLAN_ITEMS:
        raise Http404
    model, _form_class = PLAN_ITEMS[kind]
    item = get_object_or_404(model, plan=_current_plan(), pk=pk)
    item.delete()
    messages.success(request, _("%(what)s has been deleted.") % {"what": model._meta.verbose_name.capitalize()})
    return redirect("measures:plan_edit")
