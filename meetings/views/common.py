"""What the meeting views share: reading ids and years from requests, the current plan's series,
the meeting page's context, and the answer to a change of approved minutes."""

import functools
import re

from django.contrib import messages
from django.db.models import Count, Window
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from measures.models import ActionPlan
from participants.roles import is_coordinator

from .. import access, services
from ..approval import neighbours, not_yet_approvable, who_approves
from ..models import ActionItem, AttendanceStatus, MeetingSeries
from ..notices import agenda_changed, can_send
from ..rendering import stored_html, stored_minutes_html
from ..seats import chair_of, seat_rows, secretary_of

# The meeting page offers this many of the measures needing attention; the measure list has the rest.
OFFERED_SHOWN = 10
# ... and this many of the open action items of earlier meetings; their own page has them all, paged.
EARLIER_SHOWN = 10
EARLIER_PAGE_SIZE = 50


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


def open_from_earlier(meeting):
    """The open action items of the series' earlier meetings, oldest meeting first."""
    return ActionItem.objects.filter(
        meeting__series=meeting.series, meeting__starts_at__lt=meeting.starts_at, done=False
    ).select_related("meeting__series", "responsible_person", "responsible_body")  # no measure column


def _open_from_earlier(meeting):
    """The first EARLIER_SHOWN of them and how many more (counted in the same query): a series' history grows."""
    shown = list(open_from_earlier(meeting).annotate(total=Window(Count("pk")))[:EARLIER_SHOWN])
    return {"open_from_earlier": shown, "open_from_earlier_more": shown[0].total - len(shown) if shown else 0}


def detail_context(request, meeting):
    """The meeting page's context. The forms for a new agenda item or action item are not in it: the page
    loads them when they are opened (agenda_item_new, action_item_new), or a refused POST adds its own."""
    user = request.user
    series = meeting.series
    can_see = access.can_see_content(user, series)
    can_edit = can_see and access.can_edit(user, series)
    previous, following = neighbours(meeting)
    context = {
        "meeting": meeting,
        "series": series,
        "location": access.location_for(user, meeting),
        "can_see": can_see,
        "can_edit": can_edit,
        "editable": can_edit and not meeting.minutes_locked,
        "can_approve": access.can_approve(user, meeting),
        "can_reopen": access.can_reopen(user),
        "is_coordinator": is_coordinator(user),
        "previous": previous,
        "can_send_notice": can_see and can_send(user, meeting) and not meeting.is_cancelled,
        "next": following,
        "status_reports": list(meeting.status_reports.frozen().defer("pdf").select_related("plan")),
    }
    if can_see:
        agenda_items = list(meeting.agenda_items.select_related("measure", "status_update"))
        actions = list(meeting.action_items.select_related("responsible_person", "responsible_body", "measure"))
        movable = [item for item in agenda_items if not item.is_other_business]
        for item in agenda_items:
            item.can_move_up = bool(movable) and item in movable and item is not movable[0]
            item.can_move_down = bool(movable) and item in movable and item is not movable[-1]
            item.actions = [action for action in actions if action.agenda_item_id == item.pk]
            item.minutes_shown = stored_html(item.minutes, item.minutes_html)
        seats = seat_rows(meeting)
        guests = list(meeting.guests.all())
        context.update(
            agenda_items=agenda_items,
            seats=seats,
            present=[seat for seat in seats if seat.status == AttendanceStatus.PRESENT and not seat.vacant],
            absent=[seat for seat in seats if seat.status == AttendanceStatus.ABSENT_WITH_NOTICE and not seat.vacant],
            no_show=[seat for seat in seats if seat.status == AttendanceStatus.ABSENT and not seat.vacant],
            deputies=[seat for seat in seats if seat.deputy],
            vacant=[seat for seat in seats if seat.vacant],
            attendance_recorded=any(seat.status or seat.deputy for seat in seats) or bool(guests),
            guests=guests,
            chair=chair_of(meeting),
            secretary=secretary_of(meeting),
            who_approves=who_approves(meeting),
            not_approvable=not_yet_approvable(meeting),
            action_items=[action for action in actions if action.agenda_item_id is None],
            **_open_from_earlier(meeting),
            all_action_items=actions,
            minutes_html=stored_minutes_html(meeting),
            history=meeting.history.select_related("history_user")[:20],
        )
        last_notice = meeting.notices.select_related("sent_by").prefetch_related("recipients__person").first()
        context.update(last_notice=last_notice, agenda_changed=agenda_changed(last_notice, agenda_items))
    if context["editable"]:
        # The first few, with how many there are in all (counted in the same query).
        offered = list(services.measures_to_offer(meeting).annotate(total=Window(Count("pk")))[:OFFERED_SHOWN])
        context.update(offered_measures=offered, offered_more=offered[0].total - len(offered) if offered else 0)
    return context
