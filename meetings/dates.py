"""The dates a series' meetings fall on: its rhythm, without Norwegian public holidays and its holiday pauses.

- A series can pause in fellesferien (July) and in juleferien (20 December to 2 January).
- A date on a public holiday (the `holidays` package, Norway: 1. januar, skjærtorsdag, langfredag,
  2. påskedag, 1. mai, Kristi himmelfartsdag, 17. mai, 2. pinsedag, 1. and 2. juledag) or in a pause
  is moved to the next working day outside holidays and pauses, in the same month, for a series
  that meets monthly or less often (the January meeting on 1 January moves to the first working
  day after juleferien); it is dropped when that month has no such day left (a meeting in July),
  and always for a weekly or daily series (its next meeting is a week away).
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import TYPE_CHECKING

import holidays
from django.utils import timezone

if TYPE_CHECKING:
    from .models import MeetingSeries

CHRISTMAS_FROM = (12, 20)
CHRISTMAS_TO = (1, 2)
SUMMER_MONTH = 7


@functools.lru_cache(maxsize=32)
def public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NO", years=[year]))


def is_public_holiday(day: datetime.date) -> bool:
    return day in public_holidays(day.year)


def in_pause(series: MeetingSeries, day: datetime.date) -> bool:
    if series.pause_summer and day.month == SUMMER_MONTH:
        return True
    if series.pause_christmas:
        return (day.month, day.day) >= CHRISTMAS_FROM or (day.month, day.day) <= CHRISTMAS_TO
    return False


def is_frequent(series: MeetingSeries) -> bool:
    """Weekly or daily: a meeting that falls on a holiday is dropped rather than moved."""
    found = re.search(r"FREQ=(\w+)", series.rrule.upper())
    return bool(found) and found.group(1) in {"WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"}


def _working_day_after(series: MeetingSeries, day: datetime.date) -> datetime.date | None:
    """The next weekday after `day` in the same month that is no holiday and in no pause, or None."""
    candidate = day + datetime.timedelta(days=1)
    while candidate.month == day.month:
        if candidate.weekday() < 5 and not is_public_holiday(candidate) and not in_pause(series, candidate):
            return candidate
        candidate += datetime.timedelta(days=1)
    return None


def meeting_dates(series: MeetingSeries, year: int) -> list[tuple[datetime.date, datetime.datetime]]:
    """(date in the rhythm, aware start) of each meeting the series holds in the year."""
    zone = timezone.get_default_timezone()
    frequent = is_frequent(series)
    dates = []
    for start in series.occurrences(datetime.date(year, 1, 1), datetime.date(year, 12, 31)):
        day = start.date()
        if in_pause(series, day) or is_public_holiday(day):
            moved = None if frequent else _working_day_after(series, day)
            if moved is None:
                continue
            start = datetime.datetime.combine(moved, series.start_time).replace(tzinfo=zone)
        dates.append((day, start))
    return dates
