import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create
from meetings.models import ActionItem
from meetings.services import meetings_create_for_year
from participants import roles
from plans.feeds import recent_changes
from tests.conftest import logged_in, make_user
from tests.plans.tasks_data import delay_working_group_measures

# The module, not the view of the same name that plans.views exports.
dashboard_views = importlib.import_module("plans.views.dashboard")


def test_anonymous_visitors_are_sent_from_the_dashboard_to_login(client, gjesdal):
    response = client.get(reverse("plans:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_without_a_role_is_sent_to_the_public_plan_page(outsider_client, gjesdal):
    gjesdal.published = True
    gjesdal.save()
    response = outsider_client.get(reverse("plans:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:public_plan", args=[gjesdal.period])
    assert outsider_client.get(response["Location"]).status_code == 200


def test_a_user_without_a_role_and_no_published_plan_is_told_to_ask_the_coordinator(outsider_client, gjesdal):
    gjesdal.published = False
    gjesdal.save()
    response = outsider_client.get(reverse("plans:dashboard"))
    assert response.status_code == 200
    assert "Be SLT-koordinatoren" in response.content.decode()


def test_the_dashboard_refuses_post(coordinator_client):
    assert coordinator_client.post(reverse("plans:dashboard")).status_code == 405


def test_the_dashboard_counts_measures_by_status_with_labels_and_numbers(steering_client, gjesdal):
    response = steering_client.get(reverse("plans:dashboard"))
    assert response.status_code == 200
    chart = {row["status"]: row["count"] for row in response.context["chart"]["rows"]}
    assert sum(chart.values()) == 12
    for status in Status:
        assert chart[status.value] == gjesdal.measures.filter(status=status).count()
    page = response.content.decode()
    assert "<svg" in page and "Tiltak etter status" in page
    assert '<th scope="row" class="fw-normal"><a href="/tiltak/?status=planlagt">Planlagt</a></th>' in page


def test_the_dashboard_lists_delayed_and_late_measures_as_needing_follow_up(coordinator_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    status_update_create(
        measure=natteravn, user=coordinator, status=Status.DELAYED, note="Mangler frivillige", date=timezone.localdate()
    )
    fresh = gjesdal.measures.get(number=1)
    status_update_create(measure=fresh, user=coordinator, status=Status.IN_PROGRESS, note="", date=timezone.localdate())
    late = gjesdal.measures.get(number=3)
    long_ago = timezone.localdate() - datetime.timedelta(days=100)
    status_update_create(measure=late, user=coordinator, status=Status.IN_PROGRESS, note="", date=long_ago)
    response = coordinator_client.get(reverse("plans:dashboard"))
    numbers = [measure.number for measure in response.context["attention"]]
    assert 9 in numbers  # delayed
    assert 3 in numbers  # last update 100 days ago, the plan asks for one every 90
    assert 1 not in numbers  # updated today
    assert 2 not in numbers  # just imported: not late on day one
    freshness = {value: count for value, _label, count in response.context["freshness"]}
    assert freshness == {"oppdatert": 11, "snart": 0, "forsinket": 1, "foreldet": 0}
    assert "Oppdatering forsinket" in response.content.decode()


def test_the_dashboard_shows_meetings_in_the_next_30_days_only(coordinator_client, gjesdal):
    meeting = apps.get_model("meetings", "Meeting")
    series = gjesdal.meeting_series.first()
    now = timezone.now()
    soon = meeting.objects.create(
        series=series, starts_at=now + datetime.timedelta(days=3), ends_at=now + datetime.timedelta(days=3, hours=1)
    )
    meeting.objects.create(
        series=series, starts_at=now + datetime.timedelta(days=40), ends_at=now + datetime.timedelta(days=40, hours=1)
    )
    shown = coordinator_client.get(reverse("plans:dashboard")).context["meetings"]
    assert shown == [soon]


def test_the_dashboard_shows_the_latest_changes_with_who_and_when(coordinator_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    coordinator_client.post(
        reverse("measures:status_update", args=[9]),
        {"status": Status.IN_PROGRESS, "date": timezone.localdate().isoformat(), "note": "Oppstart i uke 12"},
    )
    response = coordinator_client.get(reverse("plans:dashboard"))
    changes = response.context["changes"]
    assert changes[0]["who"] == "Koordinator"
    labels = {(change["kind"], change["label"], change["action"]) for change in changes[:2]}
    assert ("tiltak", str(natteravn), "endret") in labels
    assert ("statusoppdatering", str(natteravn), "opprettet") in labels
    page = response.content.decode()
    assert timezone.localtime(changes[0]["when"]).strftime("%d.%m.%Y %H:%M") in page
    assert 'Koordinator satte <a href="/tiltak/9/">Natteravnordning</a> til Pågår' in page


@pytest.mark.parametrize("path", ["/", "/tiltak/"])
def test_pages_say_so_when_no_plan_is_loaded(path, db):
    client = logged_in(make_user("leder", roles.COORDINATOR))
    response = client.get(path)
    assert response.status_code == 200
    assert "Ingen handlingsplan er lastet inn ennå." in response.content.decode()


def test_the_dashboard_shows_the_first_of_my_measures_to_update_and_links_to_the_rest(
    working_client, coordinator, gjesdal, monkeypatch
):
    monkeypatch.setattr(dashboard_views, "TASKS_SHOWN", 2)
    delay_working_group_measures(gjesdal, coordinator)
    response = working_client.get(reverse("plans:dashboard"))
    tasks = response.context["tasks"]
    assert [measure.number for measure in tasks.measures] == [1, 2]
    assert tasks.more_measures == 4
    page = response.content.decode()
    assert "4 tiltak til: se alle under Mine oppgaver" in page
    # My tasks shows them all.
    everything = working_client.get(reverse("plans:my_tasks")).context["tasks"]
    assert len(everything.measures) == 6 and everything.more_measures == 0


def test_the_dashboard_shows_the_first_of_my_action_items_and_counts_only_those_i_may_see(
    working_client, working_member, gjesdal, monkeypatch
):
    monkeypatch.setattr(dashboard_views, "TASKS_SHOWN", 2)
    year = timezone.localdate().year
    open_series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    meetings_create_for_year(series=open_series, year=year)
    meeting = open_series.meetings.order_by("starts_at").first()
    for day in range(3):
        ActionItem.objects.create(
            meeting=meeting,
            text=f"Oppgave {day + 1}",
            responsible_person=working_member.person,
            due=timezone.localdate() + datetime.timedelta(days=day),
        )
    # An item given to them in a confidential series where they hold no seat is neither shown nor counted.
    hidden_series = gjesdal.meeting_series.exclude(pk=open_series.pk).filter(confidential=True).first()
    meetings_create_for_year(series=hidden_series, year=year)
    ActionItem.objects.create(
        meeting=hidden_series.meetings.first(), text="Skjult", responsible_person=working_member.person
    )
    tasks = working_client.get(reverse("plans:dashboard")).context["tasks"]
    assert [item.text for item in tasks.action_items] == ["Oppgave 1", "Oppgave 2"]
    assert tasks.more_action_items == 1


def test_an_unchanged_feed_of_changes_is_read_from_the_cache_and_a_new_change_shows_at_once(
    coordinator_client, coordinator, gjesdal, django_assert_num_queries
):
    recent_changes(gjesdal)  # drawn and kept
    with django_assert_num_queries(1):  # the time of the latest change (the tests keep the cache in memory)
        before = recent_changes(gjesdal)
    status_update_create(
        measure=gjesdal.measures.get(number=9),
        user=coordinator,
        status=Status.IN_PROGRESS,
        note="",
        date=timezone.localdate(),
    )
    after = recent_changes(gjesdal)
    assert after != before and after[0]["kind"] in ("tiltak", "statusoppdatering")


def test_the_overview_of_the_measures_is_counted_once_until_a_measure_changes(coordinator_client, coordinator, gjesdal):
    dashboard = reverse("plans:dashboard")
    with CaptureQueriesContext(connection) as first:
        before = coordinator_client.get(dashboard)
    with CaptureQueriesContext(connection) as second:
        again = coordinator_client.get(dashboard)
    # The counts by status and by freshness (and the measures needing attention) come from the cache.
    counted = [query["sql"] for query in first if "GROUP BY" in query["sql"]]
    assert len(counted) >= 2 and not [query["sql"] for query in second if "GROUP BY" in query["sql"]]
    assert again.context["chart"] == before.context["chart"]
    assert again.context["freshness"] == before.context["freshness"]
    status_update_create(
        measure=gjesdal.measures.get(number=9),
        user=coordinator,
        status=Status.DELAYED,
        note="Mangler frivillige",
        date=timezone.localdate(),
    )
    after = coordinator_client.get(dashboard)
    delayed = {row["status"]: row["count"] for row in after.context["chart"]["rows"]}[Status.DELAYED]
    assert delayed == {row["status"]: row["count"] for row in before.context["chart"]["rows"]}[Status.DELAYED] + 1
    assert 9 in [measure.number for measure in after.context["attention"]]
