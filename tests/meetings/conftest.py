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


def page_form_data(page):
    """What a browser sends back from the minutes page as it was shown (every sak, seat and row)."""
    from tests.security.conftest import form_data

    data = {}
    for form in page.all_forms():
        data.update(form_data(form))
    data.update(form_data(page.guests.management_form))
    for form in page.guests:
        data.update(form_data(form))
    return data


def minutes_data(client, meeting, **changes):
    """The minutes page's form as shown to this client, with the given fields changed."""
    from django.urls import reverse

    response = client.get(reverse("meetings:minutes_edit", args=[meeting.pk]))
    assert response.status_code == 200
    return {**page_form_data(response.context["page"]), **changes}


def past(meeting, days=7):
    """The meeting moved to a week ago: minutes can be approved only once it has started."""
    import datetime

    length = meeting.ends_at - meeting.starts_at
    meeting.starts_at = timezone.now() - datetime.timedelta(days=days)
    meeting.ends_at = meeting.starts_at + length
    meeting.save()
    return meeting
