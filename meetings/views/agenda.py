"""A meeting's agenda, attendance, decisions and action items, and a measure's action items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from measures.models import Measure

from .. import access, services
from ..forms import ActionItemForm, AgendaItemForm, AgendaMeasureForm
from ..models import ActionItem, AgendaItem
from ..queries import action_items_for_measure, can_tick
from .common import EARLIER_PAGE_SIZE, detail_context, open_from_earlier, unless_locked


def _detail_page_with(request, meeting, **forms):
    """The meeting page again, with a form's errors, as the answer to a refused POST."""
    context = detail_context(request, meeting)
    context.update(forms)
    return render(request, "meetings/meeting_detail.html", context, status=400)


def _new_item_form(request, meeting, form, *, template, heading):
    """An empty form for the meeting page: only the form when the page opens it (htmx), else a page of its own."""
    context = {"meeting": meeting, "form": form, "heading": heading, "form_template": template}
    if request.htmx:
        response = render(request, template, context)
    else:
        response = render(request, "meetings/item_new.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
@cache_control(no_store=True)
@unless_locked
def agenda_item_new(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    services.ensure_unlocked(meeting)
    form = AgendaItemForm(plan=meeting.series.plan, prefix="agenda")
    return _new_item_form(
        request, meeting, form, template="meetings/_agenda_item_new.html", heading=_("Add an item to the agenda")
    )


@login_required
@require_POST
@unless_locked
def agenda_item_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    form = AgendaItemForm(request.POST, plan=meeting.series.plan, prefix="agenda")
    if not form.is_valid():
        return _detail_page_with(request, meeting, agenda_form=form)
    services.agenda_item_add(meeting=meeting, **form.cleaned_data)
    messages.success(request, _("The item was added to the agenda."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
@unless_locked
def agenda_measure_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    form = AgendaMeasureForm(request.POST, offered=services.measures_to_offer(meeting))
    if not form.is_valid():
        raise Http404
    measure = form.cleaned_data["measure"]
    services.agenda_item_add(meeting=meeting, title=str(measure), measure=measure)
    messages.success(request, _("Measure %(measure)s was added to the agenda.") % {"measure": measure.number})
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
@unless_locked
def agenda_item_delete(request, pk, item_pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    services.agenda_item_delete(item=item)
    messages.success(request, _("The item was removed from the agenda."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
@unless_locked
def agenda_item_move(request, pk, item_pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    up = request.POST.get("direction") == "up"
    services.agenda_item_move(item=item, up=up)
    if request.htmx:  # moved without a page load: the agenda again, focus kept on the moved item's button
        context = detail_context(request, meeting)
        context.update(focus_item=item.pk, focus_direction="up" if up else "down")
        return render(request, "meetings/_agenda.html", context)
    return redirect(f"{reverse('meetings:meeting_detail', args=[meeting.pk])}#agenda-heading")


@login_required
@require_GET
@cache_control(no_store=True)
@unless_locked
def action_item_new(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    services.ensure_unlocked(meeting)
    form = ActionItemForm(plan=meeting.series.plan, prefix="action")
    return _new_item_form(
        request, meeting, form, template="meetings/_action_item_new.html", heading=_("Add a decision or action item")
    )


@login_required
@require_POST
@unless_locked
def action_item_add(request, pk):
    meeting = access.meeting_for(request.user, pk, edit=True)
    form = ActionItemForm(request.POST, plan=meeting.series.plan, prefix="action")
    if not form.is_valid():
        return _detail_page_with(request, meeting, action_form=form)
    services.action_item_save(item=form.save(commit=False), meeting=meeting)
    messages.success(request, _("The decision or action item was added."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@unless_locked
def action_item_edit(request, item_pk):
    with transaction.atomic():
        item = get_object_or_404(ActionItem.objects.select_for_update(of=("self",)), pk=item_pk)
        meeting = access.meeting_for(request.user, item.meeting_id, edit=True)
        services.ensure_unlocked(meeting)
        form = ActionItemForm(request.POST or None, instance=item, plan=meeting.series.plan)
        if request.method == "POST" and form.is_valid():
            services.action_item_save(item=form.save(commit=False), meeting=meeting)
            messages.success(request, _("The decision or action item was changed."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/action_item_form.html", {"meeting": meeting, "item": item, "form": form})


@login_required
@require_POST
def action_item_toggle(request, item_pk):
    item = get_object_or_404(ActionItem.objects.select_related("meeting__series", "responsible_person"), pk=item_pk)
    access.require_read(request.user)
    if not can_tick(request.user, item):
        raise PermissionDenied
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
@require_GET
@cache_control(no_store=True)
def earlier_action_items(request, pk):
    """All the open action items of the series' earlier meetings, a page at a time."""
    meeting = access.meeting_for(request.user, pk)
    if not access.can_see_content(request.user, meeting.series):
        raise PermissionDenied
    items = Paginator(open_from_earlier(meeting), EARLIER_PAGE_SIZE).get_page(request.GET.get("page"))
    can_edit = access.can_edit(request.user, meeting.series)
    return render(
        request,
        "meetings/earlier_action_items.html",
        {"meeting": meeting, "page": items, "can_toggle": can_edit},
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
