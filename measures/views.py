from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Subquery
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from participants.roles import is_coordinator, require_coordinator

from . import exports, history
from .charts import indicator_charts
from .filters import MeasureFilter
from .forms import ActivityForm, IndicatorCSVForm, IndicatorForm, IndicatorValueForm, MeasureForm, StatusUpdateForm
from .lookup import plan_or_404
from .models import (
    ActionPlan,
    Activity,
    ActivityStatus,
    HistoricalMeasure,
    Indicator,
    IndicatorValue,
    Measure,
)
from .services import can_update_status, indicator_values_import, status_update_create
from .widgets import suggestions

VIEW_PERMISSION = "measures.view_measure"
PAGE_SIZE = 50  # rows of the measure list; the rest are a page away, so the page costs the same at any size
SHOWN_ON_PAGE = 10  # status updates and changes on the measure page; the rest on their own paged pages
HISTORY_PAGE_SIZE = 25
# Invented numbers for trying the upload, marked as example data in the file itself.
EXAMPLE_CSV = Path(__file__).resolve().parent / "files" / "eksempel-indikatorer.csv"

LIST_QUERY = "liste"  # on a measure page: the list it was opened from


def _measure_in_current_plan(number, queryset=None):
    """The measure of this number in the current plan, read with its plan in one query; else 404."""
    queryset = Measure.objects.all() if queryset is None else queryset
    current_plan = ActionPlan.objects.current_first().values("pk")[:1]
    try:
        return queryset.select_related("plan").get(plan=Subquery(current_plan), number=number)
    except Measure.DoesNotExist:
        plan_or_404()  # says so when there is no plan at all
        raise Http404 from None


def _filtered_measures(request, plan):
    filters = MeasureFilter(request.GET or None, plan=plan)
    return filters, filters.measures


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_list(request):
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "measures/measure_list.html", {"plan": None})
    filters, measures = _filtered_measures(request, plan)
    page = Paginator(measures, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "plan": plan,
        "filters": filters,
        "form": filters.form,
        "page": page,
        "measures": page,
        "query": query.urlencode(),
        # The filters and page the measures are opened from, for the measure page's way back.
        "list_query": request.GET.urlencode(),
    }
    return render(request, "measures/measure_list.html", context)


def _list_query(request):
    """The measure list's filters and page a measure was opened from (?liste=…), its own keys only."""
    came_from = QueryDict(request.GET.get(LIST_QUERY, ""))
    kept = QueryDict(mutable=True)
    for key in (*MeasureFilter.Meta.fields, "page"):
        if key in came_from:
            kept[key] = came_from[key]
    return kept.urlencode()


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_search(request):
    """Suggestions for a measure field (htmx): the plan's measures matching what the person typed."""
    plan_pk = request.GET.get("plan", "")
    if plan_pk.isascii() and plan_pk.isdigit() and len(plan_pk) <= 9:
        plan = get_object_or_404(ActionPlan, pk=int(plan_pk))
    else:
        plan = plan_or_404()
    # htmx sends the field under its own name, which a formset prefixes: whatever is not the plan.
    text = next((value for name, value in request.GET.items() if name != "plan"), "")
    context = {"measures": suggestions(plan.measures.all(), text[:200]), "text": text[:200]}
    return render(request, "measures/_measure_suggestions.html", context)


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
    # The activities are prefetched for the year wheel's template tag as well; the rest of one measure's
    # rows are read directly, which costs less than a prefetch (a sliced one most of all).
    measure = _measure_in_current_plan(
        number,
        Measure.objects.with_record_counts()
        .select_related("contact")
        .prefetch_related(Prefetch("activities", queryset=Activity.objects.select_related("responsible_body"))),
    )
    may_update = can_update_status(request.user, measure)
    context = {
        "plan": measure.plan,
        "measure": measure,
        "list_query": _list_query(request),
        "names": measure.related_names(),
        "links": list(measure.links.all()),
        "updates": list(measure.status_updates.select_related("author")[:SHOWN_ON_PAGE]),
        "may_update": may_update,
        "may_edit": is_coordinator(request.user),
        "status_form": StatusUpdateForm(initial={"status": measure.status}) if may_update else None,
        "update_count": measure.update_count,
        "changes": history.measure_changes(measure, count=SHOWN_ON_PAGE),
        "change_count": measure.change_count,
        "shown": SHOWN_ON_PAGE,
        "indicator_charts": _indicator_charts(measure.indicators.all()),
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
    context = {
        "number": number,
        "saved_title": saved_title,
        "form": form,
        "adopted_version": measure.plan.versions.summaries().latest_first().first(),
    }
    return render(request, "measures/measure_form.html", context)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_updates(request, number):
    """All status updates of a measure, newest first, a page at a time."""
    measure = _measure_in_current_plan(number)
    updates = measure.status_updates.select_related("author").order_by("-date", "-created_at")
    page = Paginator(updates, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "measures/measure_updates.html", {"measure": measure, "page": page})


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def measure_history(request, number):
    """The measure's whole change log, newest first, a page at a time."""
    measure = _measure_in_current_plan(number)
    records = HistoricalMeasure.objects.filter(id=measure.pk)
    page = Paginator(records, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    start = page.start_index() - 1 if page.paginator.count else 0
    changes = history.measure_changes(measure, start=start, count=HISTORY_PAGE_SIZE)
    return render(request, "measures/measure_history.html", {"measure": measure, "page": page, "changes": changes})


def _measure_to_update(request, number):
    """The measure, when the user may update it (its responsible party, or the coordinator); else 403."""
    measure = _measure_in_current_plan(number)
    if not can_update_status(request.user, measure):
        raise PermissionDenied
    return measure


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request, number):
    measure = _measure_to_update(request, number)
    form = ActivityForm(request.POST or None, instance=Activity(measure=measure))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The activity has been added."))
        return (
            redirect("measures:activity_add", number=measure.number)
            if "another" in request.POST
            else redirect(f"{reverse('measures:measure_detail', args=[measure.number])}#activities-heading")
        )
    return render(request, "measures/activity_form.html", {"measure": measure, "form": form})


@login_required
@require_POST
def activity_toggle(request, number, pk):
    """The responsible party ticks an activity done, or back to planned."""
    measure = _measure_to_update(request, number)
    activity = get_object_or_404(Activity, measure=measure, pk=pk)
    activity.status = ActivityStatus.PLANNED if activity.is_done else ActivityStatus.DONE
    activity.save(update_fields=["status"])
    messages.success(request, _("Marked as done.") if activity.is_done else _("Marked as not done."))
    return redirect(f"{reverse('measures:measure_detail', args=[measure.number])}#activities-heading")


# Indicators: the knowledge base as data


def _indicator_charts(indicators):
    return indicator_charts(indicators.prefetch_related("values"), public=False)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_GET
def indicator_list(request):
    plan = plan_or_404()
    indicators = plan.indicators.prefetch_related("measures", "goals")
    context = {"plan": plan, "charts": _indicator_charts(indicators), "may_edit": is_coordinator(request.user)}
    return render(request, "measures/indicator_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk=None):
    require_coordinator(request.user)
    plan = plan_or_404()
    indicator = get_object_or_404(plan.indicators, pk=pk) if pk is not None else Indicator(plan=plan)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The indicator has been saved."))
        return redirect(f"{reverse('measures:indicator_list')}#indikator-{form.instance.pk}")
    return render(request, "measures/indicator_form.html", {"plan": plan, "form": form, "indicator": indicator})


@login_required
@require_http_methods(["GET", "POST"])
def indicator_value_add(request, pk):
    require_coordinator(request.user)
    indicator = get_object_or_404(plan_or_404().indicators, pk=pk)
    form = IndicatorValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            year=data["year"],
            half=data["half"],
            defaults={"value": data["value"], "sample_size": data["sample_size"]},
        )
        messages.success(request, _("The value has been saved."))
        return redirect(f"{reverse('measures:indicator_list')}#indikator-{indicator.pk}")
    values = indicator.values.all()
    context = {"indicator": indicator, "form": form, "values": values}
    return render(request, "measures/indicator_value_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_upload(request):
    require_coordinator(request.user)
    plan = plan_or_404()
    form = IndicatorCSVForm(request.POST or None, request.FILES or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        count = indicator_values_import(plan=plan, rows=form.cleaned_data["file"])
        messages.success(request, _("%(count)s values have been read from the file.") % {"count": count})
        return redirect("measures:indicator_list")
    return render(request, "measures/indicator_upload.html", {"plan": plan, "form": form})


@login_required
@require_GET
def indicator_example(request):
    """The example file the upload page offers: invented numbers, plainly marked as such."""
    require_coordinator(request.user)
    response = HttpResponse(EXAMPLE_CSV.read_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{EXAMPLE_CSV.name}"'
    return response
