"""The minutes of a meeting: the one page for attendance and saker, sending for approval, approving, PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from measures.models import ActionPlan
from slt_portal.pdf import render_pdf

from .. import access, access_log, services
from ..approval import not_yet_approvable, previous_meeting, who_approves
from ..forms import PERSONAL_DATA_NOTICE
from ..minutes_forms import NewActionRowForm, NewSakForm
from ..minutes_page import MinutesPage, SakBlock
from ..models import MinutesAccessKind
from ..notify import notify_approvers
from ..seats import people_to_choose
from .common import detail_context, parse_id, unless_locked

SUBMIT = "send"


def _context(page, **extra):
    return {
        "meeting": page.meeting,
        "page": page,
        "form": page.meeting_form,
        "status_forms": [block.status_form for block in page.saker if block.status_form],
        "previous": previous_meeting(page.meeting),
        "notice": PERSONAL_DATA_NOTICE,
        **extra,
    }


def _more(request):
    """Extra blank rows asked for without JavaScript: ?rader=<sak id> adds an action item row, ?saker=1 a sak."""
    rows = {}
    sak = parse_id(request.GET.get("rader", ""))
    if sak is not None:
        rows[sak] = 1
    return rows, 1 if request.GET.get("saker") == "1" else 0


@login_required
@unless_locked
@cache_control(no_store=True)
@require_http_methods(["GET", "POST"])
def minutes_edit(request, pk):
    with transaction.atomic():
        meeting = access.meeting_for(request.user, pk, edit=True, for_update=True)
        data = request.POST if request.method == "POST" else None
        if data is not None and meeting.minutes_locked:
            # Approved while this user typed: show the text again to copy, with the reason, save nothing.
            messages.error(request, _("The minutes are approved and locked. The coordinator can reopen them."))
            page = MinutesPage(meeting, request.user, data)
            page.is_valid()
            return render(request, "meetings/minutes_form.html", _context(page, locked=True), status=409)
        services.ensure_unlocked(meeting)
        rows, saker = _more(request)
        page = MinutesPage(meeting, request.user, data, more_rows=rows, more_saker=saker)
        if data is not None and page.is_valid():
            page.save()
            more = data.get("more", "")
            if more == "sak":
                return redirect(f"{reverse('meetings:minutes_edit', args=[meeting.pk])}?saker=1#ny-sak")
            if more.isdigit():
                return redirect(f"{reverse('meetings:minutes_edit', args=[meeting.pk])}?rader={more}#sak-{more}")
            if data.get("action") == SUBMIT:
                return _submit(request, meeting)
            messages.success(request, _("The minutes were saved."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/minutes_form.html", _context(page, who_approves=who_approves(meeting)))


def _submit(request, meeting):
    meeting = services.minutes_submit(meeting=meeting, user=request.user)
    sent = notify_approvers(meeting, base_url=request.build_absolute_uri("/").rstrip("/"))
    messages.success(
        request,
        _("The minutes were saved and sent for approval. %(who)s %(sent)s")
        % {
            "who": who_approves(meeting),
            "sent": _("An e-mail went to %(count)s.") % {"count": len(sent)} if sent else "",
        },
    )
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@unless_locked
@require_POST
def minutes_submit(request, pk):
    with transaction.atomic():
        meeting = access.meeting_for(request.user, pk, edit=True, for_update=True)
        return _submit(request, meeting)


def _row_context(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    services.ensure_unlocked(meeting)
    number = parse_id(request.GET.get("n", "0"))
    if number is None or number > 99:
        raise Http404
    return meeting, number


@login_required
@unless_locked
@require_GET
def minutes_new_row(request, pk):
    """One more action item row for a sak (or a new sak): the htmx answer to "Add an action item"."""
    meeting, number = _row_context(request, pk)
    prefix = request.GET.get("blokk", "")
    sak = parse_id(prefix.removeprefix("sak-")) if prefix.startswith("sak-") else None
    new = parse_id(prefix.removeprefix("ny-")) if prefix.startswith("ny-") else None
    item = None
    if sak is not None:
        item = meeting.agenda_items.filter(pk=sak).first()
        if item is None:
            raise Http404
    elif new is None or new > 99:
        raise Http404
    form = NewActionRowForm(plan=meeting.series.plan, people=people_to_choose(meeting), prefix=f"{prefix}-ny-{number}")
    form.fields["text"].widget.attrs["data-autofocus"] = ""
    block = SakBlock(item=item, form=None, prefix=prefix)
    return render(
        request,
        "meetings/_action_row_added.html",
        {"meeting": meeting, "row": form, "block": block, "next": number + 1},
    )


@login_required
@unless_locked
@require_GET
def minutes_new_sak(request, pk):
    """One more new sak on the minutes page: the htmx answer to "Add a sak"."""
    meeting, number = _row_context(request, pk)
    prefix = f"ny-{number}"
    block = SakBlock(item=None, form=NewSakForm(prefix=prefix), prefix=prefix)
    block.form.fields["title"].widget.attrs["data-autofocus"] = ""
    people = people_to_choose(meeting)
    block.new_rows = [NewActionRowForm(plan=meeting.series.plan, people=people, prefix=f"{prefix}-ny-0")]
    return render(request, "meetings/_sak_added.html", {"meeting": meeting, "block": block, "next": number + 1})


@login_required
@require_http_methods(["GET", "POST"])
@cache_control(no_store=True)
def minutes_approve(request, pk):
    """The approver's page (the e-mail links here): the minutes in short, and the button that approves them."""
    meeting = access.meeting_for(request.user, pk)
    if not access.can_approve(request.user, meeting):
        raise PermissionDenied
    if meeting.minutes_locked:
        messages.info(request, _("The minutes are approved and locked."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    error = not_yet_approvable(meeting)
    if request.method == "POST":
        try:
            services.minutes_approve(meeting=meeting, user=request.user)
        except services.ApprovalRefused as refused:
            error = str(refused)
        else:
            messages.success(request, _("The minutes were approved and are now locked."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    context = detail_context(request, meeting)
    context.update(error=error, who_approves=who_approves(meeting))
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/minutes_approve.html", context, status=status)


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
