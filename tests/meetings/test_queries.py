"""The pages' query counts do not grow with the number of meetings, agenda items or action items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, Meeting
from meetings.services import agenda_item_add, meetings_create_for_year
from participants.models import Person
from tests.measures.test_query_counts import add_measures


@pytest.fixture
def busy_meeting(working_meeting):
    plan = working_meeting.series.plan
    person = Person.objects.create(name="Ansvarlig")
    for measure in plan.measures.all():
        agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
        ActionItem.objects.create(
            meeting=working_meeting,
            text=f"Følge opp {measure.number}",
            measure=measure,
            responsible_person=person,
            responsible_body=plan.meeting_series.first().bodies.first(),
        )
    return working_meeting


def test_the_meeting_page_needs_a_fixed_number_of_queries(
    coordinator_client, busy_meeting, django_assert_max_num_queries
):
    # The page reads the agenda, the seats and their holders on the day, attendance, guests, the chair and
    # referent, who approves, the innkalling, open items of earlier meetings and the neighbours (one query): a
    # fixed set. The forms for a new agenda item or action item, and their choices, load only when opened.
    with django_assert_max_num_queries(21):
        assert coordinator_client.get(reverse("meetings:meeting_detail", args=[busy_meeting.pk])).status_code == 200


def test_the_minutes_form_needs_a_fixed_number_of_queries(
    coordinator_client, busy_meeting, django_assert_max_num_queries
):
    # Attendance, guests and every sak with its action items in one form: a fixed set of queries.
    with django_assert_max_num_queries(22):
        assert coordinator_client.get(reverse("meetings:minutes_edit", args=[busy_meeting.pk])).status_code == 200


def test_the_list_and_the_year_wheel_need_a_fixed_number_of_queries(
    coordinator_client, meetings, django_assert_max_num_queries
):
    year = timezone.localdate().year
    meetings_create_for_year(series=meetings.meeting_series.get(key="politikontakt-slt-koordinator"), year=year)
    with django_assert_max_num_queries(16):  # 15, and the page's written standard
        assert coordinator_client.get(reverse("meetings:meeting_list"), {"year": year}).status_code == 200
    with django_assert_max_num_queries(16):  # 13, the filters' two lists of choices and the activities
        assert coordinator_client.get(reverse("meetings:year_view"), {"year": year}).status_code == 200


def test_the_follow_up_page_needs_a_fixed_number_of_queries(
    coordinator_client, busy_meeting, django_assert_max_num_queries
):
    measure = busy_meeting.series.plan.measures.first()
    for _ in range(10):
        ActionItem.objects.create(meeting=busy_meeting, text="Mer", measure=measure)
    with django_assert_max_num_queries(12):
        response = coordinator_client.get(reverse("meetings:measure_action_items", args=[measure.pk]))
    assert response.status_code == 200 and response.content.decode().count("Mer") >= 10


def _meeting_page_counts(client, meeting, year):
    pages = {
        "list": (reverse("meetings:meeting_list"), {"year": year}),
        "year view": (reverse("meetings:year_view"), {"year": year}),
        "year view by measure": (reverse("meetings:year_view"), {"year": year, "tiltak": "1"}),
        "meeting page": (reverse("meetings:meeting_detail", args=[meeting.pk]), {}),
    }
    counts = {}
    for name, (url, params) in pages.items():
        client.get(url, params)  # Django's own caches warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        counts[name] = len(queries)
    return counts


def test_the_meeting_pages_read_the_same_queries_with_12_and_1200_measures_and_many_meetings(
    coordinator, coordinator_client, busy_meeting
):
    plan = busy_meeting.series.plan
    year = timezone.localtime(busy_meeting.starts_at).year
    small = _meeting_page_counts(coordinator_client, busy_meeting, year)

    add_measures(plan, coordinator, 1188)
    series = list(plan.meeting_series.all())
    start = timezone.make_aware(datetime.datetime(year, 1, 5, 7, 13))  # no rhythm meeting starts then
    Meeting.objects.bulk_create(
        Meeting(
            series=series[n % len(series)],
            starts_at=start + datetime.timedelta(days=n),
            ends_at=start + datetime.timedelta(days=n, hours=2),
        )
        for n in range(300)
    )
    measures = list(plan.measures.all())
    ActionItem.objects.bulk_create(
        ActionItem(meeting=busy_meeting, text=f"Punkt {n}", measure=measures[n * 6]) for n in range(200)
    )
    large = _meeting_page_counts(coordinator_client, busy_meeting, year)

    assert large == small
