import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting
from meetings.services import meetings_create_for_year


def local_dates(series, year):
    return [timezone.localtime(m.starts_at).date() for m in series.meetings.in_year(year).order_by("starts_at")]


@pytest.mark.parametrize("year", [2026, 2027])
def test_each_gjesdal_series_gives_the_dates_its_rhythm_promises(gjesdal, year):
    counts = {}
    for series in gjesdal.meeting_series.all():
        meetings_create_for_year(series=series, year=year)
        counts[series.key] = len(local_dates(series, year))
    weeks = len(
        {
            (d.isocalendar().year, d.isocalendar().week)
            for d in local_dates(gjesdal.meeting_series.get(key="politikontakt-slt-koordinator"), year)
        }
    )
    assert counts["politikontakt-slt-koordinator"] in (52, 53) and weeks == counts["politikontakt-slt-koordinator"]
    assert counts["operativ"] == 12
    assert counts["styringsgruppe"] == 3
    assert counts["arbeidsgruppe"] == 3
    assert counts["fellesmote"] == 1 and counts["samling"] == 1
    (joint,) = local_dates(gjesdal.meeting_series.get(key="fellesmote"), year)
    assert joint.month == 9 and joint.weekday() == 1


def test_the_rhythm_gives_the_right_weekdays_and_local_times(gjesdal):
    steering = gjesdal.meeting_series.get(key="styringsgruppe")
    meetings_create_for_year(series=steering, year=2026)
    starts = [timezone.localtime(m.starts_at) for m in steering.meetings.all()]
    # Second Tuesday of February, June and October, at 14:00 Oslo time (winter and summer time)
    assert [s.date() for s in starts] == [
        datetime.date(2026, 2, 10),
        datetime.date(2026, 6, 9),
        datetime.date(2026, 10, 13),
    ]
    assert all(s.hour == 14 and s.minute == 0 for s in starts)
    assert starts[1].utcoffset() == datetime.timedelta(hours=2)
    meeting = steering.meetings.first()
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(minutes=120)
    assert meeting.location == "Gjesdal rådhus"


def test_creating_a_year_twice_does_not_duplicate_dates(gjesdal):
    series = gjesdal.meeting_series.get(key="operativ")
    first = meetings_create_for_year(series=series, year=2027)
    again = meetings_create_for_year(series=series, year=2027)
    assert len(first) == 12 and again == []
    assert series.meetings.count() == 12


def test_a_moved_meeting_is_not_created_again_on_its_old_date(gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    meetings_create_for_year(series=series, year=2027)
    meeting = series.meetings.first()
    meeting.starts_at += datetime.timedelta(days=2)
    meeting.ends_at += datetime.timedelta(days=2)
    meeting.save()
    assert meetings_create_for_year(series=series, year=2027) == []
    assert Meeting.objects.filter(series=series).count() == 3


def test_a_new_meeting_gets_the_standing_agenda_and_a_row_per_seat(gjesdal):
    series = gjesdal.meeting_series.get(key="fellesmote")
    (meeting,) = meetings_create_for_year(series=series, year=2026)
    assert list(meeting.agenda_items.values_list("title", flat=True)) == list(
        series.standing_items.values_list("title", flat=True)
    )
    seats = {p.pk for body in series.bodies.all() for p in body.positions.all()}
    assert set(meeting.attendance.values_list("position_id", flat=True)) == seats
    assert len(seats) > 10
