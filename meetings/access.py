"""Who may see and do what with a meeting, on top of the model permissions of the roles.

- Reading meetings needs meetings.view_meeting (every role has it; a user without a role does not).
- The coordinator (participants.roles.is_coordinator) creates meetings and may do everything below.
- Working-group and operative-group members log minutes, agenda, attendance and action items
  (meetings.change_meeting) for meetings of series whose bodies include a body where they hold a seat.
- Confidential series (the series, or one of its bodies, is confidential): minutes, agenda and
  action items only for the coordinator and people holding a seat in one of the series' bodies.
- Approving minutes: meetings.approve_minutes (the coordinator), or the leader of an attending body,
  that is a seat holder in one of the series' bodies whose seat title contains "leder". There is no
  leader flag on a seat; the title is how the plan names leaders ("barnevernleder", "leder familiesenteret").
- Reopening approved minutes: meetings.approve_minutes only.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from participants.models import Position
from participants.roles import is_coordinator

from .models import Meeting, MeetingSeries

LEADER_WORD = "leder"


def can_read(user):
    return user.is_authenticated and user.has_perm("meetings.view_meeting")


def holds_seat_in_series(user, series):
    if not user.is_authenticated:
        return False
    return Position.objects.filter(body__meeting_series=series, holder__user=user).exists()


def can_see_content(user, series):
    """Minutes, agenda and action items: everyone who reads, except in confidential series."""
    if not can_read(user):
        return False
    if not series.is_confidential:
        return True
    return is_coordinator(user) or holds_seat_in_series(user, series)


def can_edit(user, series):
    if is_coordinator(user):
        return True
    return user.has_perm("meetings.change_meeting") and holds_seat_in_series(user, series)


def can_approve(user, series):
    if user.has_perm("meetings.approve_minutes"):
        return True
    return (
        user.has_perm("meetings.change_meeting")
        and Position.objects.filter(
            body__meeting_series=series, holder__user=user, title__icontains=LEADER_WORD
        ).exists()
    )


def can_reopen(user):
    return user.has_perm("meetings.approve_minutes")


def require_read(user):
    if not can_read(user):
        raise PermissionDenied


def meeting_for(user, pk, *, edit=False, for_update=False):
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


def series_for(user, pk):
    require_read(user)
    return get_object_or_404(MeetingSeries, pk=pk)
