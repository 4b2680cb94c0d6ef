"""A measure's status is that of the newest update by date; dates before the plan period are refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from measures.models import Status, StatusUpdate
from measures.services import status_update_create


def test_a_backdated_update_does_not_move_the_status_past_a_newer_one(coordinator, gjesdal):
    measure = gjesdal.measures.get(number=9)
    today = timezone.localdate()
    status_update_create(measure=measure, user=coordinator, status=Status.IN_PROGRESS, note="", date=today)
    status_update_create(
        measure=measure, user=coordinator, status=Status.COMPLETED, note="", date=today - datetime.timedelta(days=20)
    )
    measure.refresh_from_db()
    assert measure.status == Status.IN_PROGRESS
    assert measure.status_updates.order_by("-date").first().status == measure.status


def test_the_service_refuses_a_date_before_the_plan_period(coordinator, gjesdal):
    measure = gjesdal.measures.get(number=9)
    with pytest.raises(ValidationError):
        status_update_create(
            measure=measure,
            user=coordinator,
            status=Status.IN_PROGRESS,
            note="",
            date=datetime.date(gjesdal.period_start - 1, 12, 31),
        )
    assert not StatusUpdate.objects.exists()


def test_the_status_form_refuses_a_date_before_the_plan_period_with_a_form_error(coordinator_client, gjesdal):
    response = coordinator_client.post(
        reverse("measures:status_update", args=[9]),
        {"status": Status.IN_PROGRESS, "date": "1999-05-17", "note": ""},
    )
    assert response.status_code == 200
    assert "Datoen kan ikke være før planperioden (fra 01.01.2026)." in response.content.decode()
    assert not StatusUpdate.objects.exists()
