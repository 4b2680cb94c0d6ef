"""Mine oppgaver: a person's open action items, measures to update, minutes to approve, next meetings."""

import datetime

from django.urls import reverse
from django.utils import timezone

import plans.tasks
from measures.models import Status
from measures.services import status_update_create
from meetings.models import ActionItem, MinutesStatus
from meetings.services import meetings_create_for_year
from plans.tasks import tasks_for
from tests.plans.tasks_data import delay_working_group_measures

URL = reverse("plans:my_tasks")


def _series(plan, key):
    series = plan.meeting_series.get(key=key)
    year = timezone.localdate().year
    for each in (year, year + 1):
        meetings_create_for_year(series=series, year=each)
    return series


def _item_for(user, plan, text="Skaffe frivillige til natteravn", key="arbeidsgruppe"):
    meeting = _series(plan, key).meetings.order_by("starts_at").first()
    return ActionItem.objects.create(
        meeting=meeting, text=text, responsible_person=user.person, due=timezone.localdate(), measure=None
    )


def test_anonymous_visitors_are_sent_to_login(client, gjesdal):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_my_tasks_refuses_post(working_client):
    assert working_client.post(URL).status_code == 405


def test_my_tasks_lists_my_open_action_items_and_not_others(working_client, working_member, coordinator, gjesdal):
    mine = _item_for(working_member, gjesdal)
    _item_for(coordinator, gjesdal, text="Koordinatorens oppgave")
    done = _item_for(working_member, gjesdal, text="Allerede gjort")
    done.done = True
    done.save()
    response = working_client.get(URL)
    assert response.status_code == 200
    assert [item.pk for item in response.context["tasks"].action_items] == [mine.pk]
    page = response.content.decode()
    assert "Skaffe frivillige til natteravn" in page
    assert "Koordinatorens oppgave" not in page and "Allerede gjort" not in page
    assert reverse("meetings:action_item_toggle", args=[mine.pk]) in page


def test_the_responsible_person_ticks_an_item_done_from_my_tasks(steering_client, steering_member, gjesdal):
    # A steering-group member may not edit the working group's meetings, but the item is theirs.
    item = _item_for(steering_member, gjesdal)
    response = steering_client.post(reverse("meetings:action_item_toggle", args=[item.pk]), {"next": URL})
    assert response.status_code == 302 and response["Location"] == URL
    item.refresh_from_db()
    assert item.done
    assert steering_client.get(URL).context["tasks"].action_items == []


def test_someone_else_may_not_tick_my_action_item(steering_client, working_member, gjesdal):
    item = _item_for(working_member, gjesdal)
    assert steering_client.post(reverse("meetings:action_item_toggle", args=[item.pk])).status_code == 403
    item.refresh_from_db()
    assert not item.done


def test_ticking_done_needs_post(steering_client, steering_member, gjesdal):
    item = _item_for(steering_member, gjesdal)
    assert steering_client.get(reverse("meetings:action_item_toggle", args=[item.pk])).status_code == 405


def test_the_measure_page_offers_the_responsible_person_the_tick(steering_client, steering_member, gjesdal):
    item = _item_for(steering_member, gjesdal)
    item.measure = gjesdal.measures.get(number=9)
    item.save()
    page = steering_client.get(reverse("measures:measure_detail", args=[9])).content.decode()
    assert reverse("meetings:action_item_toggle", args=[item.pk]) in page


def test_my_measures_needing_an_update_are_those_of_my_bodies_that_are_due_or_late(
    working_client, working_member, coordinator, gjesdal
):
    # The working group answers for measures 1, 2, 6, 8, 11 and 12; all were just imported.
    assert working_client.get(URL).context["tasks"].measures == []
    today = timezone.localdate()
    for number, days_ago in ((1, 80), (2, 100), (6, 10)):
        status_update_create(
            measure=gjesdal.measures.get(number=number),
            user=coordinator,
            status=Status.IN_PROGRESS,
            note="",
            date=today - datetime.timedelta(days=days_ago),
        )
    status_update_create(
        measure=gjesdal.measures.get(number=9), user=coordinator, status=Status.DELAYED, note="Ikke min", date=today
    )
    measures = working_client.get(URL).context["tasks"].measures
    assert [(m.number, m.freshness) for m in measures] == [(2, "forsinket"), (1, "snart")]


def test_minutes_awaiting_approval_are_those_sent_for_approval_of_meetings_that_have_started(coordinator, gjesdal):
    series = _series(gjesdal, "arbeidsgruppe")
    now = timezone.now()
    past = series.meetings.filter(starts_at__lt=now).order_by("starts_at")
    sent, written = past[0], past[1]
    sent.minutes_status = MinutesStatus.SUBMITTED
    sent.save()
    written.minutes = "Referat som ikke er sendt ennå"
    written.save()
    approved = past[2]
    approved.minutes_status = MinutesStatus.APPROVED
    approved.save()
    future = series.meetings.filter(starts_at__gt=now).first()
    future.minutes_status = MinutesStatus.SUBMITTED
    future.save()
    # No chair is named for the working group: the coordinator approves.
    assert tasks_for(coordinator, gjesdal).approvals == [sent]


def test_the_chair_gets_the_minutes_to_approve_and_a_plain_member_does_not(working_member, coordinator, gjesdal):
    series = _series(gjesdal, "arbeidsgruppe")
    meeting = series.meetings.filter(starts_at__lt=timezone.now()).first()
    meeting.minutes_status = MinutesStatus.SUBMITTED
    meeting.save()
    assert tasks_for(working_member, gjesdal).approvals == []
    meeting.chair = working_member.person
    meeting.save()
    assert tasks_for(working_member, gjesdal).approvals == [meeting]
    assert tasks_for(coordinator, gjesdal).approvals == []  # the chair is named: it is theirs


def test_my_next_meetings_are_those_of_my_bodies(working_client, gjesdal):
    _series(gjesdal, "styringsgruppe")
    working = _series(gjesdal, "arbeidsgruppe")
    meetings = working_client.get(URL).context["tasks"].meetings
    assert meetings and all(meeting.series == working for meeting in meetings)
    assert meetings[0].starts_at >= timezone.now()


def test_a_user_without_a_role_gets_an_empty_task_list(outsider_client):
    response = outsider_client.get(URL)
    assert response.status_code == 200
    assert "Du har ingen åpne oppfølgingspunkter." in response.content.decode()


def test_my_tasks_pages_long_lists_and_paging_one_keeps_the_page_of_the_other(
    working_client, working_member, coordinator, gjesdal, monkeypatch
):
    monkeypatch.setattr(plans.tasks, "PAGE_SIZE", 2)
    delay_working_group_measures(gjesdal, coordinator, days_ago_by_number=True)
    for day in range(3):
        _item_for(working_member, gjesdal, text=f"Oppgave {day + 1}")
    first = working_client.get(URL)
    assert [measure.number for measure in first.context["tasks"].measures] == [12, 11]
    assert len(first.context["tasks"].action_items) == 2
    page = first.content.decode()
    assert "?tiltakside=2" in page and "?oppgaveside=2" in page
    # The last page of measures, with the second page of action items kept.
    last = working_client.get(URL, {"tiltakside": 3, "oppgaveside": 2})
    assert [measure.number for measure in last.context["tasks"].measures] == [2, 1]
    assert len(last.context["tasks"].action_items) == 1
    assert "?oppgaveside=2&amp;tiltakside=2" in last.content.decode()
    # A page number that is not one is the first page, never an error.
    assert working_client.get(URL, {"tiltakside": "x"}).status_code == 200
