"""The meetings of the year: the list, one meeting's page, moving or cancelling it, the year wheel."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from participants.roles import is_coordinator, require_coordinator

from .. import access, access_log, services
from ..forms import MeetingForm, WheelFilterForm, YearForm
from ..models import Meeting, MinutesAccessKind
from ..overview import MeetingFilter, overview
from ..wheel import year_wheel
from .common import detail_context, series_of_current_plan, year_from


@login_required
@require_GET
def meeting_list(request):
    access.require_read(request.user)
    year = year_from(request)
    plan, series_list = series_of_current_plan()
    filters = MeetingFilter(request.GET, year=year, series_list=series_list)
    chosen_series, chosen_body = filters.chosen("serie"), filters.chosen("organ")
    series = list(series_list)
    rows = overview(
        request.user,
        filters.qs,
        series,
        page_number=request.GET.get("page"),
        unfolded=chosen_series.pk if chosen_series else None,
    )
    chosen = {key: value.pk for key, value in (("serie", chosen_series), ("organ", chosen_body)) if value is not None}
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "plan": plan,
            "year": year,
            "series_list": series,
            "filters": filters,
            "chosen": chosen,
            "bodies": filters.filters["organ"].queryset,
            "filter_query": urlencode(chosen),  # the year links keep the filters
            "query": urlencode({"year": year} | chosen),  # the page links keep the year and the filters
            **rows,
            "next_meeting": Meeting.objects.attended_by(request.user)
            .upcoming()
            .select_related("series")
            .defer("minutes", "minutes_html")
            .first(),
            "is_coordinator": is_coordinator(request.user),
            "year_form": YearForm(initial={"year": year}),
        },
    )


@login_required
@require_POST
def series_create_year(request, pk):
    series = access.series_for(request.user, pk)
    require_coordinator(request.user)
    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a year between 2000 and 2100."))
        return redirect("meetings:meeting_list")
    year = form.cleaned_data["year"]
    created = services.meetings_create_for_year(series=series, year=year)
    messages.success(
        request,
        _("%(count)s meetings created for %(series)s in %(year)s.")
        % {"count": len(created), "series": series.name, "year": year},
    )
    return redirect(f"{reverse('meetings:meeting_list')}?year={year}")


@login_required
@require_GET
@cache_control(no_store=True)
def meeting_detail(request, pk):
    meeting = access.meeting_for(request.user, pk)
    access_log.record(request, meeting, MinutesAccessKind.PAGE)
    return render(request, "meetings/meeting_detail.html", detail_context(request, meeting))


@login_required
def meeting_edit(request, pk):
    with transaction.atomic():
        meeting = access.meeting_for(request.user, pk, for_update=True)
        require_coordinator(request.user)
        form = MeetingForm(request.POST or None, instance=meeting)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The meeting was changed."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/meeting_edit.html", {"meeting": meeting, "form": form})


@login_required
@require_GET
def year_view(request):
    """The årshjul: the year's meetings and the plan's activities, filtered by measure, body and target group."""
    access.require_read(request.user)
    year = year_from(request)
    plan, series_list = series_of_current_plan()
    filters = WheelFilterForm(request.GET, plan=plan)
    measure, body, target_group = filters.chosen()
    context = {"plan": plan, "year": year, "filters": filters, "filtered": bool(measure or body or target_group)}
    if plan is not None:
        context |= year_wheel(plan, year, series_list, measure=measure, body=body, target_group=target_group)
    query = {key: value for key, value in request.GET.items() if key in ("tiltak", "organ", "malgruppe") and value}
    context["query"] = urlencode(query)
    context["list_query"] = urlencode({"organ": body.pk} if body is not None else {})  # the list filters by body
    return render(request, "meetings/year_view.html", context)
