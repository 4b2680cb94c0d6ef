"""The pages' query counts do not grow with the number of meetings, agenda items or action items."""

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem
from meetings.services import agenda_item_add, meetings_create_for_year
from participants.models import Person


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
    with django_assert_max_num_queries(20):
        assert coordinator_client.get(reverse("meetings:meeting_detail", args=[busy_meeting.pk])).status_code == 200


def test_the_minutes_form_needs_a_fixed_number_of_queries(
    coordinator_client, busy_meeting, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        assert coordinator_client.get(reverse("meetings:minutes_edit", args=[busy_meeting.pk])).status_code == 200


def test_the_list_and_the_year_wheel_need_a_fixed_number_of_queries(
    coordinator_client, meetings, django_assert_max_num_queries
):
    year = timezone.localdate().year
    meetings_create_for_year(series=meetings.meeting_series.get(key="politikontakt-slt-koordinator"), year=year)
    with django_assert_max_num_queries(15):
        assert coordinator_client.get(reverse("meetings:meeting_list"), {"year": year}).status_code == 200
    with django_assert_max_num_queries(13):
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
