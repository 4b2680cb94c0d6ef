"""Who approves a meeting's minutes, and when they can be approved.

The series decides (MeetingSeries.minutes_approval):
- the chair (møteleder) of the meeting: chosen on the minutes page, else the holder of a chair seat;
- the body's chosen approvers: holders, on the meeting's date, of seats flagged "approves minutes"
  in the attending bodies (an explicit flag on the seat, never a word in its title);
- the next meeting: the minutes are approved as a sak of the series' next meeting, by its chair,
  once that meeting has started.
The coordinator (meetings.approve_minutes) may always approve. Minutes cannot be approved before
their meeting has started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.collation import norwegian
from participants.models import Person, SeatTerm

from .models import Meeting, MeetingStatus, MinutesApproval
from .seats import chair_of, meeting_date

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import AnonymousUser, User


def next_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(series_id=meeting.series_id, starts_at__gt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
        .first()
    )


def neighbours(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """(previous_meeting, next_meeting) in one query, without their minutes, for the meeting page's links."""
    others = Meeting.objects.filter(series_id=meeting.series_id).exclude(status=MeetingStatus.CANCELLED)
    before = others.filter(starts_at__lt=meeting.starts_at).order_by("-starts_at").values("pk")[:1]
    after = others.filter(starts_at__gt=meeting.starts_at).order_by("starts_at").values("pk")[:1]
    found = Meeting.objects.filter(Q(pk=Subquery(before)) | Q(pk=Subquery(after))).defer("minutes", "minutes_html")
    previous = following = None
    for other in found:
        if other.starts_at < meeting.starts_at:
            previous = other
        else:
            following = other
    return previous, following


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(series_id=meeting.series_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def approvers(meeting: Meeting) -> list[Person]:
    """The people who approve the meeting's minutes (besides the coordinator)."""
    mode = meeting.series.minutes_approval
    if mode == MinutesApproval.APPROVERS:
        terms = SeatTerm.objects.on(meeting_date(meeting)).filter(
            position__body__meeting_series=meeting.series, position__approves_minutes=True
        )
        return list(Person.objects.filter(pk__in=terms.values("person")).order_by(norwegian("name")))
    if mode == MinutesApproval.NEXT_MEETING:
        following = next_meeting(meeting)
        chair = chair_of(following) if following else None
        return [chair] if chair else []
    chair = chair_of(meeting)
    return [chair] if chair else []


def who_approves(meeting: Meeting) -> str:
    """A sentence for the page: who approves these minutes."""
    mode = meeting.series.minutes_approval
    names = ", ".join(person.name for person in approvers(meeting))
    if mode == MinutesApproval.NEXT_MEETING:
        following = next_meeting(meeting)
        when = timezone.localtime(following.starts_at).strftime("%d.%m.%Y") if following else "–"
        return _("The minutes are approved at the next meeting (%(date)s), by its chair%(names)s.") % {
            "date": when,
            "names": f" ({names})" if names else "",
        }
    if mode == MinutesApproval.APPROVERS:
        if not names:
            return _("The body's chosen approvers approve the minutes; no seat is marked as approver yet.")
        return _("The body's chosen approvers approve the minutes: %(names)s.") % {"names": names}
    if not names:
        return _("The chair (møteleder) approves the minutes; no chair is chosen yet.")
    return _("The chair (møteleder) approves the minutes: %(names)s.") % {"names": names}


def is_approver(user: User | AnonymousUser, meeting: Meeting) -> bool:
    if not user.is_authenticated:
        return False
    return any(person.user_id == user.pk for person in approvers(meeting))


def not_yet_approvable(meeting: Meeting, now: datetime.datetime | None = None) -> str:
    """Why the minutes cannot be approved now ("" when they can)."""
    now = now or timezone.now()
    if meeting.is_cancelled:
        return _("The meeting is cancelled.")
    if meeting.starts_at > now:
        return _("The minutes cannot be approved before the meeting has started.")
    if meeting.series.minutes_approval == MinutesApproval.NEXT_MEETING:
        following = next_meeting(meeting)
        if following is not None and following.starts_at > now:
            return _("The minutes are approved at the next meeting, which has not started yet.")
    return ""
