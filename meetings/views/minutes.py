"""The minutes of a meeting: writing them with status updates and an action item, approving, reopening, PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from measures.models import ActionPlan
from measures.services import can_update_status
from slt_portal.pdf import render_pdf

from .. import access, access_log, services
from ..forms import PERSONAL_DATA_NOTICE, MinutesForm, NewActionItemForm, StatusFromMinutesForm
from ..minutes_records import MinutesAccessKind
from .common import detail_context, unless_locked


def _status_forms(request, meeting):
    items = [
        item
        for item in meeting.agenda_items.select_related("measure", "status_update")
        if item.measure_id and can_update_status(request.user, item.measure)
    ]
    data = request.POST if request.method == "POST" else None
    return [StatusFromMinutesForm(data, item=item, prefix=f"item-{item.pk}") for item in items]


@login_required
@unless_locked
@cache_control(no_store=True)
def minutes_edit(request, pk):
    with transaction.atomic():
        meeting = access.meeting_for(request.user, pk, edit=True, for_update=True)
        plan = meeting.series.plan
        data = request.POST if request.method == "POST" else None
        if data is not None and meeting.minutes_locked:
            # Approved while this user typed: show the text again to copy, with the reason, save nothing.
            messages.error(request, _("The minutes are approved and locked. The coordinator can reopen them."))
            context = {
                "meeting": meeting,
                "form": MinutesForm(initial={"minutes": data.get("minutes", "")}, instance=meeting),
                "status_forms": [],
                "action_form": NewActionItemForm(plan=plan, prefix="new"),
                "notice": PERSONAL_DATA_NOTICE,
            }
            return render(request, "meetings/minutes_form.html", context, status=409)
        services.ensure_unlocked(meeting)
        form = MinutesForm(data, instance=meeting)
        status_forms = _status_forms(request, meeting)
        action_form = NewActionItemForm(data, plan=plan, prefix="new")
        if data is not None and form.is_valid() and all(f.is_valid() for f in status_forms) and action_form.is_valid():
            updates = [
                (f.item, f.cleaned_data["status"], f.cleaned_data["note"].strip())
                for f in status_forms
                if f.cleaned_data["status"]
            ]
            services.minutes_save(
                meeting=meeting,
                user=request.user,
                minutes=form.cleaned_data["minutes"],
                status_updates=updates,
                action_item=action_form.save(commit=False) if action_form.has_changed() else None,
            )
            messages.success(request, _("The minutes were saved."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "status_forms": status_forms,
        "action_form": action_form,
        "notice": PERSONAL_DATA_NOTICE,
    }
    return render(request, "meetings/minutes_form.html", context)


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
@cache_control(no_store=True)
def minutes_pdf(request, pk):
    meeting = access.meeting_for(request.user, pk)
    access_log.record(request, meeting, MinutesAccessKind.PDF)
    # A document speaks the municipality's written standard, whatever the reader chose for the pages.
    lang = ActionPlan.objects.written_standard()
    local = timezone.localtime(meeting.starts_at)
    with translation.override(lang):
        context = detail_context(request, meeting)
        title = _("Minutes: %(series)s %(date)s") % {"series": meeting.series.name, "date": f"{local:%d.%m.%Y}"}
    pdf = render_pdf("pdf/minutes.html", context, title=title, lang=lang)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="referat-{meeting.series.key}-{local:%Y-%m-%d}.pdf"'
    return response
