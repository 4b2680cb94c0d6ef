import pytest
from django.utils import timezone

from meetings.services import meetings_create_for_year


def create_meetings(plan, *years, keys=None):
    for series in plan.meeting_series.all():
        if keys is None or series.key in keys:
            for year in years:
                meetings_create_for_year(series=series, year=year)


@pytest.fixture
def meetings(gjesdal):
    """The meetings of every series except the weekly one, this year and next."""
    year = timezone.localdate().year
    create_meetings(
        gjesdal, year, year + 1, keys={"styringsgruppe", "arbeidsgruppe", "operativ", "fellesmote", "samling"}
    )
    return gjesdal


@pytest.fixture
def working_meeting(meetings):
    return meetings.meeting_series.get(key="arbeidsgruppe").meetings.order_by("starts_at").first()


@pytest.fixture
def operative_meeting(meetings):
    return meetings.meeting_series.get(key="operativ").meetings.order_by("starts_at").first()
