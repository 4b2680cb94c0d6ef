from django.test import Client
from django.urls import reverse

from measures.models import Status, StatusUpdate
from measures.versioning import version_of
from meetings.models import ActionItem, MinutesStatus
from meetings.services import agenda_item_add
from participants.models import Position


def minutes_url(meeting):
    return reverse("meetings:minutes_edit", args=[meeting.pk])


def opened_version(client, meeting):
    return client.get(minutes_url(meeting)).context["form"]["version"].value()


def test_a_member_saves_minutes_with_a_new_action_item(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=6)
    version = opened_version(working_client, working_meeting)
    response = working_client.post(
        minutes_url(working_meeting),
        {
            "minutes": "# Runde\n\nAlt vel.",
            "version": version,
            "new-kind": "vedtak",
            "new-text": "Vi går videre",
            "new-measure": measure.pk,
        },
    )
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "# Runde\n\nAlt vel."
    item = ActionItem.objects.get()
    assert (item.kind, item.text, item.measure, item.meeting) == ("vedtak", "Vi går videre", measure, working_meeting)
    assert working_meeting.history.first().history_user.username == "arbeidsmedlem"


def test_saving_minutes_without_an_action_item_creates_none(working_client, working_meeting):
    version = opened_version(working_client, working_meeting)
    response = working_client.post(minutes_url(working_meeting), {"minutes": "Kort møte.", "version": version})
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
    version = opened_version(working_client, working_meeting)
    response = working_client.post(
        minutes_url(working_meeting),
        {
            "minutes": "Tiltak 6 er i gang.",
            "version": version,
            f"item-{item.pk}-status": Status.IN_PROGRESS,
            f"item-{item.pk}-note": "Første dialogmøte holdt.",
        },
    )
    assert response.status_code == 302
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
    assert list(measure.status_updates.all()) == [update]


def test_a_delayed_status_without_a_note_is_refused_and_nothing_is_saved(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=6)
    item = agenda_item_add(meeting=working_meeting, title=str(measure), measure=measure)
    version = opened_version(working_client, working_meeting)
    response = working_client.post(
        minutes_url(working_meeting),
        {"minutes": "Utsatt.", "version": version, f"item-{item.pk}-status": Status.DELAYED},
    )
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


def test_saving_over_a_newer_version_is_refused_and_keeps_both_texts(
    client, working_member, coordinator, working_meeting
):
    client.force_login(working_member)
    stale = opened_version(client, working_meeting)
    client.force_login(coordinator)
    fresh = opened_version(client, working_meeting)
    assert (
        client.post(minutes_url(working_meeting), {"minutes": "Koordinatorens tekst", "version": fresh}).status_code
        == 302
    )

    client.force_login(working_member)
    response = client.post(minutes_url(working_meeting), {"minutes": "Min egen tekst", "version": stale})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noen andre har lagret dette mens du redigerte" in page
    assert "Min egen tekst" in page and "Koordinatorens tekst" in page
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "Koordinatorens tekst"
    # the form now carries the version shown, so saving again is deliberate and works
    again = client.post(
        minutes_url(working_meeting),
        {"minutes": "Min egen tekst", "version": response.context["form"]["version"].value()},
    )
    assert again.status_code == 302
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == "Min egen tekst"


def test_the_coordinator_approves_and_the_minutes_lock(
    coordinator_client, working_member, working_meeting, coordinator
):
    working_client = Client()
    working_client.force_login(working_member)
    response = coordinator_client.post(reverse("meetings:minutes_approve", args=[working_meeting.pk]))
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.APPROVED and working_meeting.approved_by == coordinator
    version = version_of(working_meeting)
    response = working_client.post(minutes_url(working_meeting), {"minutes": "Endret", "version": version}, follow=True)
    assert "Referatet er godkjent og låst." in response.content.decode()
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""
    for name, data in [
        ("agenda_item_add", {"agenda-title": "Ny sak"}),
        ("action_item_add", {"action-kind": "vedtak", "action-text": "Nytt vedtak"}),
    ]:
        response = working_client.post(reverse(f"meetings:{name}", args=[working_meeting.pk]), data, follow=True)
        assert "Referatet er godkjent og låst." in response.content.decode()
    assert not working_meeting.agenda_items.filter(title="Ny sak").exists() and not ActionItem.objects.exists()
    row = working_meeting.attendance.first()
    working_client.post(reverse("meetings:attendance_save", args=[working_meeting.pk]), {"present": [row.pk]})
    row.refresh_from_db()
    assert not row.present


def test_reopening_is_a_coordinator_action_kept_in_history(
    coordinator_client, working_member, working_meeting, coordinator
):
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
    assert working_client.post(reverse("meetings:minutes_approve", args=[working_meeting.pk])).status_code == 403
    working_meeting.refresh_from_db()
    assert working_meeting.minutes_status == MinutesStatus.DRAFT


def test_the_leader_of_an_attending_body_can_approve(client, operative_member, operative_meeting):
    seat = Position.objects.get(holder__user=operative_member)
    seat.title = "leder familiesenteret (konstituert)"
    seat.save()
    client.force_login(operative_member)
    assert client.post(reverse("meetings:minutes_approve", args=[operative_meeting.pk])).status_code == 302
    operative_meeting.refresh_from_db()
    assert operative_meeting.minutes_status == MinutesStatus.APPROVED
    assert client.post(reverse("meetings:minutes_reopen", args=[operative_meeting.pk])).status_code == 403
