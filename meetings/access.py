"""Who may see and do what with a meeting, on top of the model permissions of the roles.

- Reading meetings needs meetings.view_meeting (every role has it; a user without a role does not).
- The coordinator (participants.roles.is_coordinator) creates meetings and may do everything below.
- Working-group and operative-group members log minutes, agenda, attendance and action items
  (meetings.change_meeting) for meetings of series whose bodies include a body where they hold a seat.
- Confidential series (the series, or one of its bodies, is confidential): minutes, agenda and
  action items only for the coordinator and people holding a seat in one of the series' bodies.
- Holding a seat means a seat term (participants.SeatTerm) that covers today.
- Approving minutes: meetings.approve_minutes (the coordinator), or one of the meeting's approvers
  as the series names them (meetings.approval: the chair, the seats flagged as approvers, or the
  next meeting's chair). A seat's title decides nothing ("miljøveileder" approves nothing).
- Reopening approved minutes: meetings.approve_minutes only.
- A confidential meeting's location: one rule, location_for. Shown only to a logged-in reader who
  may read the confidential minutes (pages and the minutes PDF); never in e-mails or calendar
  feeds, which leave the portal (forwarded, synced to other services) without a login.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from participants.models import Body
from participants.roles import is_coordinator

from .approval import is_approver
from .models import Meeting, MeetingSeries

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def can_read(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm("meetings.view_meeting")


def holds_seat_in_series(user: User | AnonymousUser, series: MeetingSeries) -> bool:
    if not user.is_authenticated:
        return False
    return Body.objects.with_seat_for(user).filter(meeting_series=series).exists()


def can_see_content(user: User | AnonymousUser, series: MeetingSeries) -> bool:
    """Minutes, agenda and action items: everyone who reads, except in confidential series."""
    if not can_read(user):
        return False
    if not series.is_confidential:
        return True
    return is_coordinator(user) or holds_seat_in_series(user, series)


def can_edit(user: User | AnonymousUser, series: MeetingSeries) -> bool:
    if is_coordinator(user):
        return True
    return user.has_perm("meetings.change_meeting") and holds_seat_in_series(user, series)


def can_approve(user: User | AnonymousUser, meeting: Meeting) -> bool:
    """May approve the meeting's minutes (whether they can be approved yet is approval.not_yet_approvable)."""
    if not can_see_content(user, meeting.series):
        return False
    return user.has_perm("meetings.approve_minutes") or is_approver(user, meeting)


def location_for(user: User | AnonymousUser | None, meeting: Meeting) -> str:
    """The meeting's location as this reader may see it; user None is a channel without a login (e-mail, feed)."""
    if not meeting.series.is_confidential:
        return meeting.location
    if user is None or not can_see_content(user, meeting.series):
        return ""
    return meeting.location


def can_reopen(user: User | AnonymousUser) -> bool:
    return user.has_perm("meetings.approve_minutes")


def require_read(user: User | AnonymousUser) -> None:
    if not can_read(user):
        raise PermissionDenied


def meeting_for(user: User | AnonymousUser, pk: int, *, edit: bool = False, for_update: bool = False) -> Meeting:
    """The meeting, or 403 when the user may not read (or, with edit, change) it.

    for_update locks the meeting's row for the surrounding transaction, so that a form's check
    against a newer version and its save cannot interleave with another save.
    """
    require_read(user)
    meetings = Meeting.objects.select_related("series", "series__plan")
    if for_update:
        meetings = meetings.select_for_update(of=("self",))
    meeting = get_object_or_404(meetings, pk=pk)
    if edit and not (can_edit(user, meeting.series) and can_see_content(user, meeting.series)):
        raise PermissionDenied
    return meeting


def series_for(user: User | AnonymousUser, pk: int) -> MeetingSeries:
    require_read(user)
    return get_object_or_404(MeetingSeries, pk=pk)
