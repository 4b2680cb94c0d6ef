"""Who sits at a meeting: the seats of the attending bodies, held by whoever holds each on the meeting's date.

A seat holder change after the meetings were generated shows on every meeting not yet approved,
since the holder is read from the seat terms (participants.SeatTerm) at the meeting's date. Once
the minutes are approved, the holder recorded with the attendance is what the minutes say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from participants.models import Person, Position, SeatTerm, terms_on

from .models import Attendance, AttendanceStatus, Meeting, MeetingSeries

if TYPE_CHECKING:
    import datetime

    from django.db.models import QuerySet


def meeting_date(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def series_seats(series: MeetingSeries) -> QuerySet[Position]:
    return (
        Position.objects.filter(body__meeting_series=series)
        .select_related("body")
        .order_by("body__order", "body__name", "order", "id")
    )


@dataclass
class SeatRow:
    """One seat at one meeting: the term on the day (None: vacant then) and what was recorded."""

    position: Position
    term: SeatTerm | None
    row: Attendance | None
    locked: bool = False

    @property
    def holder(self) -> Person | None:
        if self.locked and self.row is not None:
            return self.row.person
        return self.term.person if self.term else None

    @property
    def vacant(self) -> bool:
        return self.holder is None

    @property
    def status(self) -> str:
        return self.row.status if self.row else ""

    @property
    def deputy(self) -> Person | None:
        return self.row.deputy if self.row else None

    @property
    def named_deputy(self) -> Person | None:
        """The seat's personal deputy on the day, as the seat term names it."""
        return self.term.deputy if self.term else None

    @property
    def status_label(self) -> str:
        if self.vacant:
            return ""
        return str(AttendanceStatus(self.status).label) if self.status else ""


def seat_rows(meeting: Meeting) -> list[SeatRow]:
    """Every seat of the attending bodies, in the bodies' order, with its holder on the meeting's date."""
    seats = list(series_seats(meeting.series))
    terms = terms_on(seats, meeting_date(meeting))
    rows = {row.position_id: row for row in meeting.attendance.select_related("person", "deputy")}
    locked = meeting.minutes_locked
    seat_list = [SeatRow(seat, terms.get(seat.pk), rows.get(seat.pk), locked) for seat in seats]
    # The chair and the secretary seat are among these: chair_of and secretary_of need not read them again.
    holders = meeting.__dict__.setdefault("_flagged_holders", {})
    for flag in ("is_chair", "is_secretary"):
        holders.setdefault(
            flag, next((row.term.person for row in seat_list if getattr(row.position, flag) and row.term), None)
        )
    return seat_list


def _flagged_holder(meeting: Meeting, flag: str) -> Person | None:
    """The holder on the meeting's date of the first seat with the flag; read once per meeting object."""
    cache = meeting.__dict__.setdefault("_flagged_holders", {})
    if flag not in cache:
        seats = list(series_seats(meeting.series).filter(**{flag: True}))
        terms = terms_on(seats, meeting_date(meeting))
        cache[flag] = next((terms[seat.pk].person for seat in seats if seat.pk in terms), None)
    return cache[flag]


def chair_of(meeting: Meeting) -> Person | None:
    """The møteleder: chosen for the meeting, else the holder of a body's chair seat on the day."""
    return meeting.chair or _flagged_holder(meeting, "is_chair")


def secretary_of(meeting: Meeting) -> Person | None:
    """The referent: chosen for the meeting, else the holder of a body's secretary seat on the day."""
    return meeting.secretary or _flagged_holder(meeting, "is_secretary")


def holders_on(meeting: Meeting) -> QuerySet[Person]:
    """The people holding a seat in the attending bodies on the meeting's date."""
    terms = SeatTerm.objects.on(meeting_date(meeting)).filter(position__body__meeting_series=meeting.series)
    return Person.objects.filter(pk__in=terms.values("person"))


def people_to_choose(meeting: Meeting) -> QuerySet[Person]:
    """People offered as deputy, chair, minutes taker or responsible: everyone in the portal's register of people."""
    return Person.objects.all()
