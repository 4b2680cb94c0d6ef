import datetime
import re
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from measures.models import ActionPlan, Measure
from slt_portal.pdf import render_pdf

from . import access, services
from .forms import (
    PERSONAL_DATA_NOTICE,
    ActionItemForm,
    AgendaItemForm,
    AgendaMeasureForm,
    MeetingForm,
    MinutesForm,
    NewActionItemForm,
    StatusFromMinutesForm,
    YearForm,
)
from .models import ActionItem, AgendaItem, CalendarToken, Meeting, MeetingSeries
from .queries import action_items_for_measure
from .rendering import calendar_bytes, minutes_html, series_legend, year_wheel_svg


def _locked(request):
    messages.error(request, _("The minutes are approved and locked. The coordinator can reopen them."))


def _id(value):
    """A database id from a query or form value ("12"), or None: no signs, no Unicode digits, no overflow."""
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None


def _year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _series_of_current_plan():
    plan = ActionPlan.objects.current()
    if plan is None:
        return plan, MeetingSeries.objects.none()
    return plan, plan.meeting_series.prefetch_related("bodies")


@login_required
@require_GET
def meeting_list(request):
    access.require_read(request.user)
    year = _year(request)
    plan, series_list = _series_of_current_plan()
    meetings = (
        Meeting.objects.in_year(year)
        .filter(series__in=series_list)
        .select_related("series")
        .annotate(open_items=Count("action_items", filter=Q(action_items__done=False)))
    )
    series_filter = request.GET.get("serie", "")
    if _id(series_filter) is not None:
        meetings = meetings.filter(series_id=_id(series_filter))
    mine = set(Meeting.objects.attended_by(request.user).in_year(year).values_list("pk", flat=True))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "plan": plan,
            "year": year,
            "series_list": series_list,
            "series_filter": series_filter,
            "meetings": meetings,
            "mine": mine,
            "next_meeting": Meeting.objects.attended_by(request.user).upcoming().select_related("series").first(),
            "is_coordinator": access.is_coordinator(request.user),
            "year_form": YearForm(initial={"year": year}),
        },
    )


@login_required
@require_POST
def series_create_year(request, pk):
    series = access.series_for(request.user, pk)
    if not access.is_coordinator(request.user):
        raise PermissionDenied
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


def _detail_context(request, meeting):
    user = request.user
    series = meeting.series
    can_see = access.can_see_content(user, series)
    can_edit = can_see and access.can_edit(user, series)
    context = {
        "meeting": meeting,
        "series": series,
        "can_see": can_see,
        "can_edit": can_edit,
        "editable": can_edit and not meeting.minutes_locked,
        "can_approve": can_see and access.can_approve(user, series),
        "can_reopen": access.can_reopen(user),
        "is_coordinator": access.is_coordinator(user),
    }
    if can_see:
        context.update(
            agenda_items=meeting.agenda_items.select_related("measure", "status_update"),
            attendance=meeting.attendance.select_related("position__body", "person").order_by(
                "position__body__order", "position__order"
            ),
            action_items=meeting.action_items.select_related("responsible_person", "responsible_body", "measure"),
            minutes_html=minutes_html(meeting.minutes),
            history=meeting.history.select_related("history_user")[:20],
        )
    if context["editable"]:
        context.update(
            offered_measures=services.measures_to_offer(meeting),
            agenda_form=AgendaItemForm(plan=series.plan, prefix="agenda"),
            action_form=ActionItemForm(plan=series.plan, prefix="action"),
        )
    return context


@login_required
@require_GET
def meeting_detail(request, pk):
    meeting = access.meeting_for(request.user, pk)
    return render(request, "meetings/meeting_detail.html", _detail_context(request, meeting))


@login_required
def meeting_edit(request, pk):
    meeting = access.meeting_for(request.user, pk)
    if not access.is_coordinator(request.user):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The meeting was changed."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/meeting_edit.html", {"meeting": meeting, "form": form})


def _status_forms(request, meeting):
    items = [item for item in meeting.agenda_items.select_related("measure", "status_update") if item.measure_id]
    data = request.POST if request.method == "POST" else None
    return [StatusFromMinutesForm(data, item=item, prefix=f"item-{item.pk}") for item in items]


@login_required
def minutes_edit(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    if meeting.minutes_locked:
        _locked(request)
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    plan = meeting.series.plan
    if request.method == "POST":
        form = MinutesForm(request.POST)
        status_forms = _status_forms(request, meeting)
        action_form = NewActionItemForm(request.POST, plan=plan, prefix="new")
        conflict = None
        if form.is_valid() and all(f.is_valid() for f in status_forms) and action_form.is_valid():
            updates = [
                (f.item, f.cleaned_data["status"], f.cleaned_data["note"].strip())
                for f in status_forms
                if f.cleaned_data["status"]
            ]
            new_item = action_form.save(commit=False) if action_form.has_changed() else None
            try:
                services.minutes_save(
                    meeting=meeting,
                    user=request.user,
                    minutes=form.cleaned_data["minutes"],
                    seen_version=form.cleaned_data["version"],
                    status_updates=updates,
                    action_item=new_item,
                )
            except services.MinutesLocked:
                _locked(request)
                return redirect("meetings:meeting_detail", pk=meeting.pk)
            except services.MinutesConflict as error:
                conflict = error.meeting
                form.add_error(
                    None,
                    _(
                        "Someone else saved this meeting after you opened it. Your text is kept below; "
                        "compare it with their version, then save again."
                    ),
                )
                # The next save is measured against the version now shown.
                form.data = form.data.copy()
                form.data["version"] = services.version_of(conflict)
            else:
                messages.success(request, _("The minutes were saved."))
                return redirect("meetings:meeting_detail", pk=meeting.pk)
    else:
        form = MinutesForm(initial={"minutes": meeting.minutes, "version": services.version_of(meeting)})
        status_forms = _status_forms(request, meeting)
        action_form = NewActionItemForm(plan=plan, prefix="new")
        conflict = None
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "meeting": meeting,
            "form": form,
            "status_forms": status_forms,
            "action_form": action_form,
            "conflict": conflict,
            "conflict_html": minutes_html(conflict.minutes) if conflict else "",
            "notice": PERSONAL_DATA_NOTICE,
        },
    )


@login_required
@require_POST
def agenda_item_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    if meeting.minutes_locked:
        _locked(request)
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    form = AgendaItemForm(request.POST, plan=meeting.series.plan, prefix="agenda")
    if form.is_valid():
        services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        messages.success(request, _("The item was added to the agenda."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    context = _detail_context(request, meeting)
    context["agenda_form"] = form
    return render(request, "meetings/meeting_detail.html", context, status=400)


@login_required
@require_POST
def agenda_measure_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    if meeting.minutes_locked:
        _locked(request)
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    form = AgendaMeasureForm(request.POST, offered=services.measures_to_offer(meeting))
    if not form.is_valid():
        raise Http404
    measure = form.cleaned_data["measure"]
    services.agenda_item_add(meeting=meeting, title=str(measure), measure=measure)
    messages.success(request, _("Measure %(measure)s was added to the agenda.") % {"measure": measure.number})
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def agenda_item_delete(request, pk, item_pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    if meeting.minutes_locked:
        _locked(request)
    else:
        item.delete()
        messages.success(request, _("The item was removed from the agenda."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def agenda_item_move(request, pk, item_pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    try:
        services.agenda_item_move(item=item, up=request.POST.get("direction") == "up")
    except services.MinutesLocked:
        _locked(request)
    return redirect(f"{reverse('meetings:meeting_detail', args=[meeting.pk])}#agenda-heading")


@login_required
@require_POST
def attendance_save(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    present = {_id(value) for value in request.POST.getlist("present")} - {None}
    try:
        services.attendance_save(meeting=meeting, present_ids=present)
    except services.MinutesLocked:
        _locked(request)
    else:
        messages.success(request, _("Attendance was saved."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def action_item_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    if meeting.minutes_locked:
        _locked(request)
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    form = ActionItemForm(request.POST, plan=meeting.series.plan, prefix="action")
    if form.is_valid():
        item = form.save(commit=False)
        item.meeting = meeting
        item.save()
        messages.success(request, _("The decision or action item was added."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    context = _detail_context(request, meeting)
    context["action_form"] = form
    return render(request, "meetings/meeting_detail.html", context, status=400)


@login_required
def action_item_edit(request, item_pk):
    item = get_object_or_404(ActionItem.objects.select_related("meeting__series__plan"), pk=item_pk)
    meeting = access.meeting_for(request.user, item.meeting_id, edit=True)
    if meeting.minutes_locked:
        _locked(request)
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    form = ActionItemForm(request.POST or None, instance=item, plan=meeting.series.plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The decision or action item was changed."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/action_item_form.html", {"meeting": meeting, "item": item, "form": form})


@login_required
@require_POST
def action_item_toggle(request, item_pk):
    item = get_object_or_404(ActionItem.objects.select_related("meeting"), pk=item_pk)
    access.meeting_for(request.user, item.meeting_id, edit=True)
    # Following up happens after the minutes are approved, so marking done is not locked.
    item.done = not item.done
    item.save(update_fields=["done"])
    messages.success(request, _("Marked as done.") if item.done else _("Marked as not done."))
    next_url = request.POST.get("next", "")
    # Back to the page the button was on: a path on this site, never another site or a URL name.
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not (safe and next_url.startswith("/")):
        next_url = reverse("meetings:meeting_detail", args=[item.meeting_id])
    return HttpResponseRedirect(next_url)


@login_required
@require_POST
def minutes_approve(request, pk):
    meeting = access.meeting_for(request.user, pk)
    if not (access.can_see_content(request.user, meeting.series) and access.can_approve(request.user, meeting.series)):
        raise PermissionDenied
    services.minutes_approve(meeting=meeting, user=request.user)
    messages.success(request, _("The minutes were approved and are now locked."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def minutes_reopen(request, pk):
    meeting = access.meeting_for(request.user, pk)
    if not access.can_reopen(request.user):
        raise PermissionDenied
    services.minutes_reopen(meeting=meeting, user=request.user)
    messages.success(request, _("The minutes were reopened and can be edited again."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_GET
def minutes_pdf(request, pk):
    meeting = access.meeting_for(request.user, pk)
    context = _detail_context(request, meeting)
    local = timezone.localtime(meeting.starts_at)
    title = _("Minutes: %(series)s %(date)s") % {"series": meeting.series.name, "date": f"{local:%d.%m.%Y}"}
    pdf = render_pdf("pdf/minutes.html", context, title=title)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="referat-{meeting.series.key}-{local:%Y-%m-%d}.pdf"'
    return response


@login_required
@require_GET
def year_view(request):
    access.require_read(request.user)
    year = _year(request)
    plan, series_list = _series_of_current_plan()
    legend = series_legend(list(series_list))
    meetings = list(Meeting.objects.in_year(year).filter(series__in=series_list).select_related("series"))
    number_of = {entry["series"].pk: entry for entry in legend}
    months = defaultdict(list)
    for meeting in meetings:
        months[timezone.localtime(meeting.starts_at).month].append((meeting, number_of[meeting.series_id]))
    month_list = [(datetime.date(year, month, 1), months.get(month, [])) for month in range(1, 13)]
    return render(
        request,
        "meetings/year_view.html",
        {
            "plan": plan,
            "year": year,
            "legend": legend,
            "svg": year_wheel_svg(year, meetings, legend),
            "months": month_list,
        },
    )


@login_required
@require_GET
def measure_action_items(request, pk):
    access.require_read(request.user)
    measure = get_object_or_404(Measure, pk=pk)
    return render(
        request,
        "meetings/measure_action_items.html",
        {"measure": measure, "action_items": action_items_for_measure(measure, request.user)},
    )


# Calendar subscriptions


def _feed_url(request, token):
    return request.build_absolute_uri(reverse("meetings:calendar_feed", args=[token.token]))


@login_required
@require_GET
def calendar_settings(request):
    access.require_read(request.user)
    tokens = {token.series_id: token for token in request.user.calendar_tokens.all()}
    personal = tokens.get(None)
    _plan, series_list = _series_of_current_plan()
    rows = [(series, tokens.get(series.pk)) for series in series_list]
    return render(
        request,
        "meetings/calendar_settings.html",
        {
            "personal": personal,
            "personal_url": _feed_url(request, personal) if personal else "",
            "rows": [(series, token, _feed_url(request, token) if token else "") for series, token in rows],
        },
    )


def _token_series(request):
    value = request.POST.get("series", "")
    if not value:
        return None
    if _id(value) is None:
        raise Http404
    return get_object_or_404(MeetingSeries, pk=_id(value))


@login_required
@require_POST
def calendar_token_new(request):
    access.require_read(request.user)
    series = _token_series(request)
    replaced, _deleted = CalendarToken.objects.filter(user=request.user, series=series).delete()
    CalendarToken.objects.create(user=request.user, series=series)
    if replaced:
        messages.success(request, _("A new subscription address was made. The old address no longer works."))
    else:
        messages.success(request, _("Your subscription address is ready. Add it to your calendar as a subscription."))
    return redirect("meetings:calendar_settings")


@login_required
@require_POST
def calendar_token_revoke(request):
    access.require_read(request.user)
    series = _token_series(request)
    CalendarToken.objects.filter(user=request.user, series=series).delete()
    messages.success(request, _("The subscription address was turned off."))
    return redirect("meetings:calendar_settings")


@require_GET
def calendar_feed(request, token):
    """The iCalendar feed behind a secret address; no login, the token is the key."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):  # what new_feed_token makes; PostgreSQL refuses NUL
        raise Http404
    token = get_object_or_404(CalendarToken.objects.select_related("user", "series"), token=token)
    if not token.user.is_active or not access.can_read(token.user):
        raise Http404
    meetings = Meeting.objects.select_related("series").prefetch_related(Prefetch("series__bodies"))
    if token.series is None:
        meetings = meetings.filter(pk__in=Meeting.objects.attended_by(token.user))
        name = _("My SLT meetings")
    else:
        meetings = meetings.filter(series=token.series)
        name = token.series.name
    body = calendar_bytes(
        meetings,
        name=name,
        url_for=lambda meeting: request.build_absolute_uri(reverse("meetings:meeting_detail", args=[meeting.pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="slt-moter.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
