from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from participants.roles import is_coordinator, require_coordinator

from . import exports, history
from .forms import MeasureFilterForm, MeasureForm, StatusUpdateForm
from .lookup import plan_or_404
from .models import ActionPlan, Measure, StatusUpdate
from .services import can_update_status, status_update_create

VIEW_PERMISSION = "measures.view_measure"


def _measure_in_current_plan(number, queryset=None):
    plan = plan_or_404()
    queryset = Measure.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.select_related("plan"), plan=plan, number=number)


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
@cache_control(no_store=True)
def measure_export(request, fmt):
    plan = plan_or_404()
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
        "may_edit": is_coordinator(request.user),
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
    form = StatusUpdateForm(request.POST or None, initial={"status": measure.status}, measure=measure)
    if request.method == "POST" and form.is_valid():
        status_update_create(measure=measure, user=request.user, **form.cleaned_data)
        messages.success(request, _("The status update has been saved."))
        return redirect("measures:measure_detail", number=measure.number)
    return render(request, "measures/status_update_form.html", {"measure": measure, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, number):
    require_coordinator(request.user)
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
