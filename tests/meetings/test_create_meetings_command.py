import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from meetings.dates import meeting_dates
from meetings.models import Meeting


def run(*args):
    out = io.StringIO()
    call_command("create_meetings", *args, stdout=out)
    return out.getvalue()


def test_the_command_creates_the_plan_periods_meetings_once(gjesdal):
    output = run()
    assert "2026, 2027" in output
    count = Meeting.objects.count()
    period = (datetime.date(2026, 1, 1), datetime.date(2027, 12, 31))
    assert count == sum(
        len(meeting_dates(series, year)) for series in gjesdal.meeting_series.all() for year in (2026, 2027)
    )
    # the rhythm, less the meetings in the series' holiday pauses and on weekly Mondays that are holidays
    assert count < sum(len(series.occurrences(*period)) for series in gjesdal.meeting_series.all())
    assert "Opprettet 0 møter" in run()
    assert Meeting.objects.count() == count


def test_the_command_takes_chosen_years(gjesdal):
    run("--year", "2028")
    assert {meeting.starts_at.year for meeting in Meeting.objects.all()} == {2028}


def test_the_command_needs_a_plan(db):
    with pytest.raises(CommandError):
        run()
