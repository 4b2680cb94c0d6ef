import datetime

import pytest
from django.db import IntegrityError, transaction

from measures.models import FRESHNESS_NEEDING_FOLLOW_UP, ActionPlan, Link, Measure, Status, StatusUpdate


def test_a_measure_number_is_unique_within_its_plan(gjesdal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(plan=gjesdal, number=9, title="Kopi", description="x", responsible_text="x")
    other = ActionPlan.objects.create(municipality="Sandnes", period_start=2026, period_end=2027, title="Plan")
    Measure.objects.create(plan=other, number=9, title="Egen", description="x", responsible_text="x")


def test_a_measure_status_must_be_known(gjesdal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.filter(number=1).update(status="ferdig")


def test_a_measure_number_is_at_least_one(gjesdal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(plan=gjesdal, number=0, title="Null", description="x", responsible_text="x")


def test_a_plan_period_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(municipality="Gjesdal", period_start=2027, period_end=2026, title="Feil")


def test_one_plan_per_municipality_and_period(gjesdal):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(municipality="Gjesdal", period_start=2026, period_end=2027, title="Dobbel")


def test_a_delayed_or_ended_status_update_needs_a_note(gjesdal):
    measure = gjesdal.measures.get(number=9)
    for status in (Status.DELAYED, Status.ENDED):
        with pytest.raises(IntegrityError), transaction.atomic():
            StatusUpdate.objects.create(measure=measure, status=status, note="")
    StatusUpdate.objects.create(measure=measure, status=Status.DELAYED, note="Mangler frivillige")
    StatusUpdate.objects.create(measure=measure, status=Status.IN_PROGRESS, note="")


def test_only_links_in_the_measure_section_belong_to_a_measure(gjesdal):
    measure = gjesdal.measures.get(number=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(plan=gjesdal, section="useful", measure=measure, title="x", url="https://example.org/")
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(plan=gjesdal, section="measure", title="x", url="https://example.org/")


def test_measures_needing_attention_are_delayed_or_without_update_for_90_days(gjesdal):
    today = datetime.date(2026, 11, 26)
    fresh, stale, delayed, done = (gjesdal.measures.get(number=n) for n in (1, 2, 3, 4))
    StatusUpdate.objects.create(measure=fresh, status=Status.IN_PROGRESS, date=today - datetime.timedelta(days=89))
    StatusUpdate.objects.create(measure=stale, status=Status.IN_PROGRESS, date=today - datetime.timedelta(days=91))
    Measure.objects.filter(pk=delayed.pk).update(status=Status.DELAYED)
    StatusUpdate.objects.create(measure=delayed, status=Status.DELAYED, note="Forsinket", date=today)
    Measure.objects.filter(pk=done.pk).update(status=Status.COMPLETED)

    attention = set(gjesdal.measures.needing_attention(today=today).values_list("number", flat=True))

    assert fresh.number not in attention
    assert done.number not in attention
    assert {stale.number, delayed.number} <= attention


@pytest.mark.parametrize("intervals", [(90, 14, 180), (30, 7, 60)])
def test_measures_needing_attention_are_the_delayed_and_those_whose_freshness_is_late_or_stale(gjesdal, intervals):
    gjesdal.update_interval_days, gjesdal.due_soon_days, gjesdal.stale_after_days = intervals
    gjesdal.save()
    today = datetime.date(2026, 11, 26)
    statuses = [Status.IN_PROGRESS, Status.DELAYED, Status.COMPLETED, Status.ENDED, Status.PLANNED]
    for n, measure in enumerate(gjesdal.measures.order_by("number")):
        days = [0, 29, 30, 31, 59, 60, 61, 89, 90, 91, 179, 180, 181, 400][n % 14]
        Measure.objects.filter(pk=measure.pk).update(status=statuses[n % len(statuses)])
        StatusUpdate.objects.create(measure=measure, status=measure.status, date=today - datetime.timedelta(days=days))

    attention = set(gjesdal.measures.needing_attention(gjesdal, today=today).values_list("number", flat=True))

    expected = {
        measure.number
        for measure in gjesdal.measures.with_freshness(gjesdal, today=today)
        if measure.status == Status.DELAYED or measure.freshness in FRESHNESS_NEEDING_FOLLOW_UP
    }
    assert attention == expected and 0 < len(expected) < gjesdal.measures.count()


def test_the_current_plan_is_the_one_covering_this_year(gjesdal):
    ActionPlan.objects.create(municipality="Gjesdal", period_start=2020, period_end=2021, title="Gammel")
    assert ActionPlan.objects.current() == gjesdal


def test_history_records_who_changed_a_measure(gjesdal, coordinator):
    measure = gjesdal.measures.get(number=9)
    measure._history_user = coordinator
    measure.title = "Natteravner"
    measure.save()
    latest = measure.history.first()
    assert latest.history_user == coordinator
    assert latest.prev_record.title == "Natteravnordning"
