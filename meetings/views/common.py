"""What the meeting views share: reading ids and years from requests, the current plan's series,
the meeting page's context, and the answer to a change of approved minutes."""

import functools
import re

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from measures.models import ActionPlan
from participants.roles import is_coordinator

from .. import access, services
from ..forms import ActionItemForm, AgendaItemForm
from ..models import MeetingSeries
from ..rendering import stored_minutes_html


def parse_id(value):
    """A database id from a query or form value ("12"), or None: no signs, no Unicode digits, no overflow."""
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None


def year_from(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def series_of_current_plan():
    plan = ActionPlan.objects.current()
    if plan is None:
        return plan, MeetingSeries.objects.none()
    return plan, plan.meeting_series.prefetch_related("bodies")


def unless_locked(view):
    """Approved minutes are locked (services.MinutesLocked): say so and go back to the meeting."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.MinutesLocked as locked:
            messages.error(request, _("The minutes are approved and locked. The coordinator can reopen them."))
            return redirect("meetings:meeting_detail", pk=locked.meeting_pk)

    return wrapper


def detail_context(request, meeting):
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
        "is_coordinator": is_coordinator(user),
    }
    if can_see:
        context.update(
            agenda_items=meeting.agenda_items.select_related("measure", "status_update"),
            attendance=meeting.attendance.select_related("position__body", "person").order_by(
                "position__body__order", "position__order"
            ),
            action_items=meeting.action_items.select_related("responsible_person", "responsible_body", "measure"),
            minutes_html=stored_minutes_html(meeting),
            history=meeting.history.select_related("history_user")[:20],
        )
    if context["editable"]:
        context.update(
            offered_measures=services.measures_to_offer(meeting),
            agenda_form=AgendaItemForm(plan=series.plan, prefix="agenda"),
            action_form=ActionItemForm(plan=series.plan, prefix="action"),
        )
    return context
