"""Ny planperiode: the next plan starts from the current one, in one transaction."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from measures.models import ActionPlan, Measure, MeasureRollover, Status
from meetings.models import Meeting
from plans.documents import render_plan_pdf
from plans.services import plan_rollover
from tests.pdfs import assert_in_pdf, pdf_text

ROLLOVER = reverse("plans:plan_rollover")


def _form_data(plan, **decisions):
    data = {"period_start": "2028", "period_end": "2029", "title": "SLT-handlingsplan 2028–2029"}
    for number in plan.measures.values_list("number", flat=True):
        decision, reason = decisions.get(f"m{number}", ("videre", ""))
        data[f"decision_{number}"] = decision
        data[f"reason_{number}"] = reason
    return data


def test_the_coordinator_rolls_the_plan_over_with_two_measures_ended_and_one_changed(coordinator_client, gjesdal):
    old_titles = dict(gjesdal.measures.values_list("number", "title"))
    data = _form_data(
        gjesdal,
        m3=("avsluttet", "Erstattet av ungdomsteamet"),
        m7=("fullfort", "Gjennomført i 2027"),
        m9=("endret", ""),
    )
    data["generate_meetings"] = "on"

    response = coordinator_client.post(ROLLOVER, data)

    assert response.status_code == 302
    new_plan = ActionPlan.objects.get(period_start=2028)
    assert new_plan.predecessor == gjesdal
    assert (new_plan.title, new_plan.adopted_on, new_plan.published) == ("SLT-handlingsplan 2028–2029", None, False)
    assert ActionPlan.objects.current() == new_plan
    assert new_plan.measures.count() == len(old_titles) - 2
    assert [m.title for m in new_plan.measures.all()] == [
        title for number, title in sorted(old_titles.items()) if number not in (3, 7)
    ]
    assert gjesdal.measures.get(number=3).status == Status.ENDED
    assert gjesdal.measures.get(number=7).status == Status.COMPLETED
    assert gjesdal.measures.get(number=3).status_updates.first().note == "Erstattet av ungdomsteamet"
    assert new_plan.goals.count() == gjesdal.goals.count()
    assert new_plan.focus_areas.count() == gjesdal.focus_areas.count()
    assert new_plan.links.count() == gjesdal.links.exclude(measure__number__in=[3, 7]).count()
    assert sorted(new_plan.meeting_series.values_list("key", flat=True)) == sorted(
        gjesdal.meeting_series.values_list("key", flat=True)
    )
    assert Meeting.objects.filter(series__plan=new_plan, occurrence__year=2029).exists()
    changed = MeasureRollover.objects.get(plan=new_plan, measure__number=9)
    assert changed.decision == "endret" and changed.successor.title == old_titles[9]

    text = pdf_text(render_plan_pdf(new_plan))
    assert_in_pdf("Fra forrige planperiode (2026–2027)", text)
    assert_in_pdf("Erstattet av ungdomsteamet", text)
    assert_in_pdf("Gjennomført i 2027", text)
    assert_in_pdf("Videreført, endret", text)


def test_a_measure_completed_or_ended_needs_a_reason(coordinator_client, gjesdal):
    response = coordinator_client.post(ROLLOVER, _form_data(gjesdal, m3=("avsluttet", " ")))

    assert response.status_code == 400
    assert "Oppgi en grunn for tiltak 3." in response.content.decode()
    assert not ActionPlan.objects.filter(period_start=2028).exists()


def test_the_new_period_must_come_after_the_current_one(coordinator_client, gjesdal):
    data = {**_form_data(gjesdal), "period_start": "2027", "period_end": "2028"}

    response = coordinator_client.post(ROLLOVER, data)

    assert response.status_code == 400
    assert ActionPlan.objects.count() == 1


def test_a_rollover_that_fails_halfway_leaves_nothing_behind(coordinator, gjesdal):
    decisions = dict.fromkeys(gjesdal.measures.values_list("number", flat=True), ("videre", ""))
    last = max(decisions)
    decisions[last] = ("avsluttet", "")  # the database refuses an ended measure without a reason
    measures_before = Measure.objects.count()

    with pytest.raises(IntegrityError):
        plan_rollover(
            plan=gjesdal, period_start=2028, period_end=2029, title="Ny plan", decisions=decisions, user=coordinator
        )

    assert ActionPlan.objects.count() == 1
    assert Measure.objects.count() == measures_before
    assert not MeasureRollover.objects.exists()


def test_only_the_coordinator_starts_a_new_period(steering_client, working_client, gjesdal):
    for client in (steering_client, working_client):
        assert client.get(ROLLOVER).status_code == 403
        assert client.post(ROLLOVER, _form_data(gjesdal)).status_code == 403
    assert ActionPlan.objects.count() == 1


def test_the_rollover_page_offers_the_next_period(coordinator_client, gjesdal):
    response = coordinator_client.get(ROLLOVER)

    form = response.context["form"]
    assert (form["period_start"].initial, form["period_end"].initial) == (2028, 2029)
    assert form["title"].initial == "SLT-handlingsplan 2028–2029"
