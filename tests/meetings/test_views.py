import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import StatusUpdate
from measures.versioning import version_of
from meetings.models import ActionItem, Meeting, MeetingStatus
from meetings.views import common as meeting_views_common

from .national_ids import valid_number


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def make_late(plan):
    """Every measure of the plan last followed up 100 days ago: past the plan's 90 days."""
    long_ago = timezone.localdate() - datetime.timedelta(days=100)
    for measure in plan.measures.all():
        StatusUpdate.objects.create(measure=measure, status=measure.status, date=long_ago)


def test_anonymous_visitors_are_sent_to_login_from_every_meeting_page(client, working_meeting):
    for address in [
        url("meeting_list"),
        url("year_view"),
        url("meeting_detail", working_meeting.pk),
        url("minutes_edit", working_meeting.pk),
        url("minutes_pdf", working_meeting.pk),
        url("calendar_settings"),
        url("measure_action_items", working_meeting.series.plan.measures.first().pk),
    ]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("login"))


def test_a_logged_in_user_without_a_role_is_refused(outsider_client, working_meeting):
    measure = working_meeting.series.plan.measures.first()
    for address in [
        url("meeting_list"),
        url("year_view"),
        url("meeting_detail", working_meeting.pk),
        url("minutes_edit", working_meeting.pk),
        url("minutes_pdf", working_meeting.pk),
        url("calendar_settings"),
        url("measure_action_items", measure.pk),
    ]:
        assert outsider_client.get(address).status_code == 403, address


def test_the_meeting_list_shows_the_years_meetings_with_the_next_one(working_client, working_meeting):
    year = timezone.localtime(working_meeting.starts_at).year
    response = working_client.get(url("meeting_list"), {"year": year})
    assert response.status_code == 200
    page = response.content.decode()
    assert "SLT-arbeidsgruppe" in page and "Operativ SLT-gruppe" in page
    assert timezone.localtime(working_meeting.starts_at).strftime("%d.%m.%Y") in page
    assert "Du deltar" in page


def test_the_meeting_list_filters_by_series_and_tolerates_a_bad_year(working_client, working_meeting):
    response = working_client.get(url("meeting_list"), {"year": "tull", "serie": working_meeting.series_id})
    assert response.status_code == 200
    rows = [*response.context["upcoming"], *response.context["past"]]
    assert rows and all(m.series_id == working_meeting.series_id for m in rows)


def test_the_meeting_page_shows_agenda_attendance_and_offers_measures_needing_attention(
    working_client, working_meeting
):
    make_late(working_meeting.series.plan)
    response = working_client.get(url("meeting_detail", working_meeting.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Runde: utfordringer og erfaringer fra avdelingene" in page
    assert "helsestasjon" in page and "Saksliste" in page and "Oppmøte" in page
    # measures without a recent status update are late; the working group is responsible for 1, 2, 6, 8, 11, 12
    offered = {m.number for m in response.context["offered_measures"]}
    assert offered == {1, 2, 6, 8, 11, 12}


def test_the_meeting_page_offers_the_first_measures_needing_attention_and_links_to_the_rest(
    working_client, working_meeting, monkeypatch
):
    monkeypatch.setattr(meeting_views_common, "OFFERED_SHOWN", 4)
    make_late(working_meeting.series.plan)
    response = working_client.get(url("meeting_detail", working_meeting.pk))
    assert [m.number for m in response.context["offered_measures"]] == [1, 2, 6, 8]
    assert response.context["offered_more"] == 2
    assert "2 tiltak til trenger oppfølging: se alle i tiltakslisten" in response.content.decode()


def test_a_member_adds_a_measure_needing_attention_to_the_agenda(working_client, working_meeting):
    make_late(working_meeting.series.plan)
    measure = working_meeting.series.plan.measures.get(number=6)
    response = working_client.post(url("agenda_measure_add", working_meeting.pk), {"measure": measure.pk})
    assert response.status_code == 302
    *_, item, last = working_meeting.agenda_items.order_by("order")
    assert item.measure == measure and item.order == 5 and item.case_label
    assert (last.title, last.order) == ("Eventuelt", 6)  # new saker go before "Eventuelt"
    again = working_client.post(url("agenda_measure_add", working_meeting.pk), {"measure": measure.pk})
    assert again.status_code == 404


def test_a_measure_not_belonging_to_the_attending_bodies_is_not_offered(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=3)
    response = working_client.post(url("agenda_measure_add", working_meeting.pk), {"measure": measure.pk})
    assert response.status_code == 404


def test_a_member_adds_and_removes_an_agenda_item(working_client, working_meeting):
    response = working_client.post(url("agenda_item_add", working_meeting.pk), {"agenda-title": "Ungdata 2026"})
    assert response.status_code == 302
    item = working_meeting.agenda_items.get(title="Ungdata 2026")
    response = working_client.post(url("agenda_item_delete", working_meeting.pk, item.pk))
    assert response.status_code == 302
    assert not working_meeting.agenda_items.filter(title="Ungdata 2026").exists()


def test_an_agenda_item_with_a_national_id_is_refused_and_the_text_kept(working_client, working_meeting):
    response = working_client.post(
        url("agenda_item_add", working_meeting.pk), {"agenda-title": "Sak", "agenda-notes": f"Gjelder {valid_number()}"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "fødselsnummer" in page and f"Gjelder {valid_number()}" in page
    assert not working_meeting.agenda_items.filter(title="Sak").exists()


def test_a_member_adds_an_action_item_and_marks_it_done(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.get(number=6)
    response = working_client.post(
        url("action_item_add", working_meeting.pk),
        {
            "action-kind": "oppfolging",
            "action-text": "Lage plan for dialogmøtene",
            "action-due": "2027-02-01",
            "action-measure": measure.number,
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(text="Lage plan for dialogmøtene")
    assert item.meeting == working_meeting and item.measure == measure and item.due == datetime.date(2027, 2, 1)
    response = working_client.post(url("action_item_toggle", item.pk))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done


def test_an_action_item_with_a_national_id_is_refused(working_client, working_meeting):
    response = working_client.post(
        url("action_item_add", working_meeting.pk),
        {"action-kind": "vedtak", "action-text": f"Elev {valid_number()[:6]} {valid_number()[6:]}"},
    )
    assert response.status_code == 400
    assert "fødselsnummer" in response.content.decode()
    assert not ActionItem.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "agenda_item_add",
        "agenda_measure_add",
        "minutes_submit",
        "action_item_add",
        "minutes_reopen",
        "series_create_year",
    ],
)
def test_changing_views_refuse_get(coordinator_client, working_meeting, name):
    arg = working_meeting.series_id if name == "series_create_year" else working_meeting.pk
    assert coordinator_client.get(url(name, arg)).status_code == 405


def test_other_changing_views_refuse_get(coordinator_client, working_meeting):
    item = working_meeting.agenda_items.first()
    assert coordinator_client.get(url("agenda_item_delete", working_meeting.pk, item.pk)).status_code == 405
    action = ActionItem.objects.create(meeting=working_meeting, text="x")
    assert coordinator_client.get(url("action_item_toggle", action.pk)).status_code == 405
    assert coordinator_client.get(url("calendar_token_new")).status_code == 405
    assert coordinator_client.get(url("calendar_token_revoke")).status_code == 405
    assert coordinator_client.post(url("meeting_list")).status_code == 405


def test_the_steering_group_reads_but_cannot_change_a_working_group_meeting(steering_client, working_meeting):
    assert steering_client.get(url("meeting_detail", working_meeting.pk)).status_code == 200
    assert steering_client.get(url("minutes_edit", working_meeting.pk)).status_code == 403
    action = ActionItem.objects.create(meeting=working_meeting, text="x")
    for address in [
        url("agenda_item_add", working_meeting.pk),
        url("minutes_submit", working_meeting.pk),
        url("action_item_add", working_meeting.pk),
        url("action_item_toggle", action.pk),
        url("minutes_approve", working_meeting.pk),
        url("minutes_reopen", working_meeting.pk),
        url("series_create_year", working_meeting.series_id),
        url("meeting_edit", working_meeting.pk),
    ]:
        assert steering_client.post(address, {"agenda-title": "x", "year": 2026}).status_code == 403, address


def test_a_working_group_member_cannot_log_a_meeting_of_another_body(working_client, meetings):
    steering_meeting = meetings.meeting_series.get(key="styringsgruppe").meetings.first()
    assert working_client.get(url("minutes_edit", steering_meeting.pk)).status_code == 403
    response = working_client.post(url("agenda_item_add", steering_meeting.pk), {"agenda-title": "x"})
    assert response.status_code == 403


def test_the_coordinator_creates_a_series_year_in_one_action(coordinator_client, gjesdal):
    series = gjesdal.meeting_series.get(key="operativ")
    response = coordinator_client.post(url("series_create_year", series.pk), {"year": 2027})
    assert response.status_code == 302
    assert series.meetings.count() == 11  # monthly, with a pause in July
    coordinator_client.post(url("series_create_year", series.pk), {"year": 2027})
    assert series.meetings.count() == 11
    bad = coordinator_client.post(url("series_create_year", series.pk), {"year": "abc"}, follow=True)
    assert "Oppgi et år" in bad.content.decode()


def test_a_working_group_member_cannot_create_meetings_for_a_year(working_client, gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    assert working_client.post(url("series_create_year", series.pk), {"year": 2027}).status_code == 403
    assert not series.meetings.exists()


def test_the_coordinator_moves_and_cancels_a_meeting(coordinator_client, working_meeting):
    assert coordinator_client.get(url("meeting_edit", working_meeting.pk)).status_code == 200
    response = coordinator_client.post(
        url("meeting_edit", working_meeting.pk),
        {"date": "2027-01-20", "start": "10:00", "end": "12:00", "location": "Ålgård", "status": "planlagt"}
        | {"version": version_of(working_meeting)},
    )
    assert response.status_code == 302
    working_meeting.refresh_from_db()
    local = timezone.localtime(working_meeting.starts_at)
    assert (local.date(), local.hour, working_meeting.location) == (datetime.date(2027, 1, 20), 10, "Ålgård")
    coordinator_client.post(
        url("meeting_edit", working_meeting.pk),
        {"date": "2027-01-20", "start": "10:00", "end": "12:00", "location": "Ålgård", "status": "avlyst"}
        | {"version": version_of(working_meeting)},
    )
    working_meeting.refresh_from_db()
    assert working_meeting.status == MeetingStatus.CANCELLED


def test_moving_a_meeting_to_end_before_it_starts_gives_a_norwegian_error(coordinator_client, working_meeting):
    response = coordinator_client.post(
        url("meeting_edit", working_meeting.pk),
        {"date": "2027-01-20", "start": "12:00", "end": "10:00", "location": "", "status": "planlagt"}
        | {"version": version_of(working_meeting)},
    )
    assert response.status_code == 200
    assert "Møtet må slutte etter at det starter." in response.content.decode()


def test_a_working_group_member_cannot_move_a_meeting(working_client, working_meeting):
    assert working_client.get(url("meeting_edit", working_meeting.pk)).status_code == 403


def test_an_unknown_meeting_is_404(working_client, gjesdal):
    assert working_client.get(url("meeting_detail", 999999)).status_code == 404


def test_the_meetings_page_and_year_wheel_are_in_the_menu(working_client, gjesdal):
    page = working_client.get(url("meeting_list")).content.decode()
    assert f'href="{url("meeting_list")}" aria-current="page">Møter<' in page
    assert f'href="{url("year_view")}">Årshjul<' in page


def test_meetings_are_unknown_when_none_exist(working_client, gjesdal):
    response = working_client.get(url("meeting_list"), {"year": 2030})
    assert response.status_code == 200
    assert response.context["total"] == 0 and not response.context["upcoming"] and not response.context["past"]
    assert not Meeting.objects.exists()


def test_a_member_changes_an_action_item(working_client, working_meeting):
    item = ActionItem.objects.create(meeting=working_meeting, text="Gammel tekst")
    address = url("action_item_edit", item.pk)
    assert working_client.get(address).status_code == 200
    changed = {"kind": "vedtak", "text": "Ny tekst", "due": "2027-04-01", "done": "on", "version": version_of(item)}
    response = working_client.post(address, changed)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.kind, item.text, item.due, item.done) == ("vedtak", "Ny tekst", datetime.date(2027, 4, 1), True)
    bad = working_client.post(
        address, {"kind": "vedtak", "text": f"Gjelder {valid_number()}", "version": version_of(item)}
    )
    assert bad.status_code == 200 and "fødselsnummer" in bad.content.decode()
    item.refresh_from_db()
    assert item.text == "Ny tekst"


def test_others_cannot_change_an_action_item(steering_client, working_meeting):
    item = ActionItem.objects.create(meeting=working_meeting, text="Tekst")
    assert steering_client.get(url("action_item_edit", item.pk)).status_code == 403
    assert steering_client.post(url("action_item_edit", item.pk), {"kind": "vedtak", "text": "x"}).status_code == 403
    item.refresh_from_db()
    assert item.text == "Tekst"


def test_reading_views_refuse_post(working_client, working_meeting):
    measure = working_meeting.series.plan.measures.first()
    for address in [
        url("meeting_detail", working_meeting.pk),
        url("minutes_pdf", working_meeting.pk),
        url("year_view"),
        url("calendar_settings"),
        url("measure_action_items", measure.pk),
        url("calendar_feed", "ukjent"),
    ]:
        assert working_client.post(address).status_code == 405, address


def test_anonymous_changes_are_sent_to_login_and_change_nothing(client, working_meeting):
    item = ActionItem.objects.create(meeting=working_meeting, text="x")
    for address in [
        url("agenda_item_add", working_meeting.pk),
        url("minutes_submit", working_meeting.pk),
        url("action_item_add", working_meeting.pk),
        url("action_item_toggle", item.pk),
        url("minutes_approve", working_meeting.pk),
        url("minutes_reopen", working_meeting.pk),
        url("series_create_year", working_meeting.series_id),
        url("calendar_token_new"),
        url("calendar_token_revoke"),
    ]:
        response = client.post(address, {"agenda-title": "x", "year": 2030})
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), address
    item.refresh_from_db()
    assert not item.done and working_meeting.agenda_items.count() == 5


def test_an_unknown_calendar_address_is_404(client, db):
    assert client.get(url("calendar_feed", "finnes-ikke")).status_code == 404


def test_a_member_moves_an_agenda_item_up_and_down(working_client, working_meeting):
    titles = list(working_meeting.agenda_items.values_list("title", flat=True))
    third = working_meeting.agenda_items.get(order=3)
    assert (
        working_client.post(url("agenda_item_move", working_meeting.pk, third.pk), {"direction": "up"}).status_code
        == 302
    )
    assert list(working_meeting.agenda_items.values_list("title", flat=True)) == [
        titles[0],
        titles[2],
        titles[1],
        *titles[3:],
    ]
    working_client.post(url("agenda_item_move", working_meeting.pk, third.pk), {"direction": "down"})
    assert list(working_meeting.agenda_items.values_list("title", flat=True)) == titles
    first = working_meeting.agenda_items.get(order=1)
    working_client.post(url("agenda_item_move", working_meeting.pk, first.pk), {"direction": "up"})
    assert list(working_meeting.agenda_items.values_list("title", flat=True)) == titles


def test_moving_agenda_items_refuses_get_and_other_people(working_client, steering_member, working_meeting):
    item = working_meeting.agenda_items.first()
    assert working_client.get(url("agenda_item_move", working_meeting.pk, item.pk)).status_code == 405
    working_client.force_login(steering_member)
    assert (
        working_client.post(url("agenda_item_move", working_meeting.pk, item.pk), {"direction": "down"}).status_code
        == 403
    )


def test_the_coordinator_reads_meetings_tokens_and_reminders_in_the_admin(
    coordinator_client, coordinator, working_meeting
):
    coordinator.is_staff = True
    coordinator.save()
    for name in ["meeting_change", "calendartoken_changelist", "reminderlog_changelist", "agendaitem_changelist"]:
        args = [working_meeting.pk] if name == "meeting_change" else []
        assert coordinator_client.get(reverse(f"admin:meetings_{name}", args=args)).status_code == 200, name


def test_the_coordinator_role_holds_the_new_meeting_permissions(coordinator):
    assert coordinator.has_perm("meetings.delete_calendartoken") and coordinator.has_perm("meetings.view_reminderlog")
