import datetime

import holidays
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
    # Weekly, except the Mondays of July, of juleferien and the public holidays (2. påskedag, 2. pinsedag).
    assert 44 <= counts["politikontakt-slt-koordinator"] <= 48 and weeks == counts["politikontakt-slt-koordinator"]
    assert counts["operativ"] == 11  # monthly, no meeting in July
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
    assert len(first) == 11 and again == []
    assert series.meetings.count() == 11


def test_the_generated_2026_2027_meetings_fall_on_no_norwegian_public_holiday(gjesdal):
    for series in gjesdal.meeting_series.all():
        for year in (2026, 2027):
            meetings_create_for_year(series=series, year=year)
    norwegian = holidays.country_holidays("NO", years=[2026, 2027])
    days = [timezone.localtime(m.starts_at).date() for m in Meeting.objects.filter(series__plan=gjesdal)]
    assert len(days) > 120
    assert not [day for day in days if day in norwegian]
    # and none in fellesferien or juleferien, the series' default pauses
    assert not [
        day for day in days if day.month == 7 or (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 2)
    ]


def test_a_holiday_moves_a_monthly_meeting_to_the_next_working_day_and_drops_a_weekly_one(gjesdal):
    operative = gjesdal.meeting_series.get(key="operativ")
    meetings_create_for_year(series=operative, year=2026)
    first = operative.meetings.order_by("starts_at").first()
    # 1 January 2026 is the first Thursday, a holiday in juleferien: moved to Monday 5 January.
    assert (first.occurrence, timezone.localtime(first.starts_at).date()) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 1, 5),
    )
    # Skjærtorsdag 2 April: langfredag, the weekend and 2. påskedag follow, so Tuesday 7 April.
    april = operative.meetings.get(occurrence=datetime.date(2026, 4, 2))
    assert timezone.localtime(april.starts_at).date() == datetime.date(2026, 4, 7)
    weekly = gjesdal.meeting_series.get(key="politikontakt-slt-koordinator")
    weekly.pause_summer = False
    weekly.save()
    meetings_create_for_year(series=weekly, year=2026)
    days = {timezone.localtime(m.starts_at).date() for m in weekly.meetings.all()}
    assert datetime.date(2026, 4, 6) not in days and datetime.date(2026, 4, 7) not in days  # 2. påskedag
    assert datetime.date(2026, 7, 6) in days  # no summer pause for this series now


def test_a_moved_meeting_keeps_its_case_numbers_and_minutes(coordinator_client, gjesdal):
    from django.urls import reverse

    from measures.versioning import version_of

    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    meetings_create_for_year(series=series, year=2027)
    meeting = series.meetings.order_by("starts_at").first()
    sak = meeting.agenda_items.get(order=3)
    sak.minutes = "Skrevet før flyttingen"
    sak.save()
    labels = [item.case_label for item in meeting.agenda_items.all()]
    assert labels[0] == "Sak 1/27"
    response = coordinator_client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {"date": "2027-01-21", "start": "10:00", "end": "12:00", "location": "", "status": "planlagt"}
        | {"version": version_of(meeting)},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).date() == datetime.date(2027, 1, 21)
    assert [item.case_label for item in meeting.agenda_items.all()] == labels
    assert meeting.agenda_items.get(order=3).minutes == "Skrevet før flyttingen"


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
