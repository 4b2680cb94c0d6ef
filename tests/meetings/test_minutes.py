from django.test import Client
from django.urls import reverse

from measures.models import Status, StatusUpdate
from meetings.models import ActionItem, MinutesStatus
from meetings.services import agenda_item_add
from participants.models import Position, SeatTerm

from .conftest import minutes_data, past


def minutes_url(meeting):
    return reverse("meetings:minutes_edit", args=[meeting.pk])


def sak(meeting, title):
    return meeting.agenda_items.get(title__startswith=title)


def test_a_member_writes_a_saks_minutes_decision_and_action_item_in_one_save(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=6)
    round_ = sak(working_meeting, "Runde")
    prefix = f"sak-{round_.pk}"
    data = minutes_data(
        working_client,
        working_meeting,
        **{
            f"{prefix}-minutes": "## Runde\n\nAlt vel.",
            f"{prefix}-decision": "Vi går videre",
            f"{prefix}-ny-0-text": "Invitere næringslivet",
            f"{prefix}-ny-0-measure": str(measure.number),
            f"{prefix}-ny-0-due": "2027-03-01",
        },
    )
    response = working_client.post(minutes_url(working_meeting), data)
    assert response.status_code == 302
    round_.refresh_from_db()
    assert (round_.minutes, round_.decision) == ("## Runde\n\nAlt vel.", "Vi går videre")
    assert "<h4>Runde</h4>" in round_.minutes_html and "Alt vel." in round_.minutes_html
    item = ActionItem.objects.get()
    assert (item.text, item.measure, item.meeting, item.agenda_item) == (
        "Invitere næringslivet",
        measure,
        working_meeting,
        round_,
    )
    page = working_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk])).content.decode()
    assert round_.case_label in page and "Vi går videre" in page and "Invitere næringslivet" in page


def test_saving_the_page_unchanged_creates_no_action_item(working_client, working_meeting):
    response = working_client.post(minutes_url(working_meeting), minutes_data(working_client, working_meeting))
    assert response.status_code == 302
    assert not ActionItem.objects.exists()


def test_minutes_are_shown_as_sanitised_markdown(working_client, working_meeting):
    working_meeting.minutes = "**Viktig**\n\n<script>alert(1)</script>\n\n- ett\n- to\n\n<img src=x onerror=alert(1)>"
    working_meeting.save()
    page = working_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk])).content.decode()
    assert "<strong>Viktig</strong>" in page and "<li>ett</li>" in page
    assert "<script>alert" not in page and "onerror" not in page


def test_an_agenda_item_records_a_status_update_with_the_minutes(working_client, working_meeting, working_member):
    measure = working_meeting.series.plan.measures.get(number=6)
    item = agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
    data = minutes_data(
        working_client,
        working_meeting,
        **{f"item-{item.pk}-status": Status.IN_PROGRESS, f"item-{item.pk}-note": "Første dialogmøte holdt."},
    )
    assert working_client.post(minutes_url(working_meeting), data).status_code == 302
    update = StatusUpdate.objects.get(measure=measure)
    assert (update.status, update.note, update.author) == (
        Status.IN_PROGRESS,
        "Første dialogmøte holdt.",
        working_member,
    )
    measure.refresh_from_db()
    assert measure.status == Status.IN_PROGRESS
    item.refresh_from_db()
    assert item.status_update == update


def test_a_delayed_status_without_a_note_is_refused_and_nothing_is_saved(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=6)
    item = agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
    data = minutes_data(
        working_client, working_meeting, minutes="Utsatt.", **{f"item-{item.pk}-status": Status.DELAYED}
    )
    response = working_client.post(minutes_url(working_meeting), data)
    assert response.status_code == 200
    assert "Skriv et notat som forklarer hvorfor tiltaket er forsinket" in response.content.decode()
    assert not StatusUpdate.objects.exists()
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""


def test_a_failing_status_update_rolls_back_the_minutes(working_member, working_meeting):
    import pytest
    from django.db import IntegrityError

    from meetings.services import minutes_save

    measure = working_meeting.series.plan.measures.get(number=6)
    item = agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
    with pytest.raises(IntegrityError):
        # the database refuses a delayed status without a note
        minutes_save(
            meeting=working_meeting,
            user=working_member,
            minutes="Ny tekst",
            status_updates=[(item, Status.DELAYED, "")],
        )
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "" and not StatusUpdate.objects.exists()


def test_the_coordinator_approves_and_the_minutes_lock(
    coordinator_client, working_member, working_meeting, coordinator
):
    past(working_meeting)
    working_client = Client()
    working_client.force_login(working_member)
    stale = minutes_data(working_client, working_meeting, minutes="Endret")
    response = coordinator_client.post(reverse("meetings:minutes_approve", args=[working_meeting.pk]))
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.APPROVED and working_meeting.approved_by == coordinator
    response = working_client.post(minutes_url(working_meeting), stale)
    assert response.status_code == 409 and "Referatet er godkjent og låst." in response.content.decode()
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""
    assert not working_meeting.attendance.exclude(status="").exists()
    for name, data in [
        ("agenda_item_add", {"agenda-title": "Ny sak"}),
        ("action_item_add", {"action-kind": "vedtak", "action-text": "Nytt vedtak"}),
    ]:
        response = working_client.post(reverse(f"meetings:{name}", args=[working_meeting.pk]), data, follow=True)
        assert "Referatet er godkjent og låst." in response.content.decode()
    assert not working_meeting.agenda_items.filter(title="Ny sak").exists() and not ActionItem.objects.exists()


def test_reopening_is_a_coordinator_action_kept_in_history(
    coordinator_client, working_member, working_meeting, coordinator
):
    past(working_meeting)
    working_client = Client()
    working_client.force_login(working_member)
    coordinator_client.post(reverse("meetings:minutes_approve", args=[working_meeting.pk]))
    assert working_client.post(reverse("meetings:minutes_reopen", args=[working_meeting.pk])).status_code == 403
    response = coordinator_client.post(reverse("meetings:minutes_reopen", args=[working_meeting.pk]))
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.DRAFT and working_meeting.approved_by is None
    history = list(working_meeting.history.all()[:2])
    assert [h.minutes_status for h in history] == [MinutesStatus.DRAFT, MinutesStatus.APPROVED]
    assert all(h.history_user == coordinator for h in history)
    assert history[0].history_change_reason == "Referat åpnet igjen"
    page = coordinator_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk])).content.decode()
    assert "Referat godkjent" in page and "Referat åpnet igjen" in page and "Koordinator" in page


def test_a_plain_working_group_member_cannot_approve(working_client, working_meeting):
    past(working_meeting)
    assert working_client.post(reverse("meetings:minutes_approve", args=[working_meeting.pk])).status_code == 403
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.DRAFT


def test_a_leader_word_in_the_seat_title_gives_no_approval_right_only_the_flag_does(
    client, operative_member, operative_meeting
):
    past(operative_meeting)
    series = operative_meeting.series
    series.minutes_approval = "godkjennere"
    series.save()
    seat = Position.objects.get(terms__person__user=operative_member)
    seat.title = "miljøveileder"
    seat.save()
    client.force_login(operative_member)
    approve = reverse("meetings:minutes_approve", args=[operative_meeting.pk])
    assert client.post(approve).status_code == 403
    seat.approves_minutes = True
    seat.save()
    assert client.post(approve).status_code == 302
    operative_meeting.refresh_from_db()
    assert operative_meeting.minutes_status == MinutesStatus.APPROVED
    assert client.post(reverse("meetings:minutes_reopen", args=[operative_meeting.pk])).status_code == 403


def test_a_former_seat_holder_loses_the_approval_and_the_confidential_minutes(
    client, operative_member, operative_meeting
):
    import datetime

    past(operative_meeting, days=30)
    term = SeatTerm.objects.get(person__user=operative_member)
    term.ends_on = datetime.date.today() - datetime.timedelta(days=1)
    term.save()
    client.force_login(operative_member)
    assert client.get(minutes_url(operative_meeting)).status_code == 403


def test_minutes_of_a_meeting_that_has_not_started_cannot_be_approved_a_form_error(coordinator_client, meetings):
    from django.utils import timezone

    future = meetings.meeting_series.get(key="arbeidsgruppe").meetings.filter(starts_at__gt=timezone.now()).first()
    address = reverse("meetings:minutes_approve", args=[future.pk])
    response = coordinator_client.post(address)
    assert response.status_code == 400
    assert "Referatet kan ikke godkjennes før møtet har startet." in response.content.decode()
    future.refresh_from_db()
    assert future.minutes_status == MinutesStatus.DRAFT


def test_sending_for_approval_tells_who_approves_mails_the_chair_and_gives_a_task(
    working_client, working_member, working_meeting, gjesdal
):
    from django.core import mail

    from participants import roles
    from plans.tasks import tasks_for
    from tests.conftest import make_user

    past(working_meeting)
    chair_user = make_user("leder", roles.WORKING_GROUP)
    chair_user.person.email = "leder@example.org"
    chair_user.person.save()
    seat = working_meeting.series.bodies.get().positions.get(title="familiesenter")
    seat.is_chair = True
    seat.save()
    SeatTerm.objects.create(position=seat, person=chair_user.person)
    page = working_client.get(minutes_url(working_meeting)).content.decode()
    assert "Møtelederen godkjenner referatet: Leder." in page
    data = minutes_data(working_client, working_meeting, action="send")
    response = working_client.post(minutes_url(working_meeting), data, follow=True)
    assert "sendt til godkjenning" in response.content.decode()
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.SUBMITTED and working_meeting.chair == chair_user.person
    (message,) = mail.outbox
    assert message.to == ["leder@example.org"]
    assert reverse("meetings:minutes_approve", args=[working_meeting.pk]) in message.body
    assert tasks_for(chair_user, gjesdal).approvals == [working_meeting]
