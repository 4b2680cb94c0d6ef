"""The operative SLT group's meetings: content only for the coordinator and the group's members."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import ActionItem
from meetings.queries import action_items_for_measure

SECRET = "Drøftet bekymring for uro ved ungdomshuset"


@pytest.fixture
def secret_meeting(operative_meeting):
    operative_meeting.minutes = SECRET
    operative_meeting.save()
    measure = operative_meeting.series.plan.measures.get(number=10)
    ActionItem.objects.create(meeting=operative_meeting, text="Hemmelig oppfølging", measure=measure)
    return operative_meeting


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def pdf_text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.mark.parametrize("persona", ["coordinator", "operative_member"])
def test_the_coordinator_and_the_groups_members_see_confidential_minutes(request, secret_meeting, persona):
    client = client_for(request.getfixturevalue(persona))
    page = client.get(reverse("meetings:meeting_detail", args=[secret_meeting.pk])).content.decode()
    assert SECRET in page and "Hemmelig oppfølging" in page and "Nye saker" in page
    assert SECRET in pdf_text(client.get(reverse("meetings:minutes_pdf", args=[secret_meeting.pk])))


@pytest.mark.parametrize("persona", ["steering_member", "working_member"])
def test_others_see_only_the_date_and_konfidensielt(request, secret_meeting, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    response = client.get(reverse("meetings:meeting_detail", args=[secret_meeting.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Konfidensielt" in page and secret_meeting.starts_at.strftime("%Y") in page
    assert SECRET not in page and "Hemmelig oppfølging" not in page and "Nye saker" not in page
    text = pdf_text(client.get(reverse("meetings:minutes_pdf", args=[secret_meeting.pk])))
    assert "Konfidensielt" in text and SECRET not in text
    assert client.get(reverse("meetings:minutes_edit", args=[secret_meeting.pk])).status_code == 403
    measure = secret_meeting.series.plan.measures.get(number=10)
    assert action_items_for_measure(measure, user) == []
    follow_up = client.get(reverse("meetings:measure_action_items", args=[measure.pk])).content.decode()
    assert "Hemmelig oppfølging" not in follow_up


def test_the_operative_member_sees_the_action_item_on_the_measures_follow_up(operative_member, secret_meeting):
    measure = secret_meeting.series.plan.measures.get(number=10)
    assert [item.text for item in action_items_for_measure(measure, operative_member)] == ["Hemmelig oppfølging"]


def test_others_cannot_change_a_confidential_meeting(working_member, steering_member, secret_meeting):
    item = secret_meeting.action_items.get()
    for user in (working_member, steering_member):
        client = client_for(user)
        assert client.post(reverse("meetings:action_item_toggle", args=[item.pk])).status_code == 403
        assert client.post(reverse("meetings:minutes_approve", args=[secret_meeting.pk])).status_code == 403


def test_the_series_flag_decides_whether_its_minutes_are_confidential(operative_meeting, working_member):
    series = operative_meeting.series
    assert series.is_confidential
    series.confidential = False
    series.save()
    assert not series.is_confidential  # the attending body's flag no longer decides
    weekly = series.plan.meeting_series.get(key="politikontakt-slt-koordinator")
    assert weekly.confidential and weekly.is_confidential and not weekly.bodies.exists()


def test_the_weekly_police_contact_meeting_is_read_by_the_coordinator_only(
    gjesdal, coordinator, working_member, operative_member, steering_member
):
    from meetings.services import meetings_create_for_year

    weekly = gjesdal.meeting_series.get(key="politikontakt-slt-koordinator")
    meeting = meetings_create_for_year(series=weekly, year=2026)[0]
    meeting.minutes = SECRET
    meeting.save()
    url = reverse("meetings:meeting_detail", args=[meeting.pk])
    assert SECRET in client_for(coordinator).get(url).content.decode()
    assert SECRET in pdf_text(client_for(coordinator).get(reverse("meetings:minutes_pdf", args=[meeting.pk])))
    for user in (working_member, operative_member, steering_member):
        response = client_for(user).get(url)
        assert response.status_code == 200 and SECRET not in response.content.decode()
        assert SECRET not in pdf_text(client_for(user).get(reverse("meetings:minutes_pdf", args=[meeting.pk])))
