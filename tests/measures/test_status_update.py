import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from measures.models import Measure, Status, StatusUpdate
from measures.services import status_update_create
from tests.conftest import logged_in

# A valid synthetic fødselsnummer (control digits correct).
NATIONAL_ID = "010203 00082"


def url(number):
    return reverse("measures:status_update", args=[number])


def form(status=Status.IN_PROGRESS, note="Godt i gang", date=None):
    return {"status": status, "date": (date or timezone.localdate()).isoformat(), "note": note}


def test_the_service_saves_the_update_and_moves_the_status(coordinator, gjesdal):
    measure = gjesdal.measures.get(number=9)
    update = status_update_create(
        measure=measure, user=coordinator, status=Status.IN_PROGRESS, note="Start", date=timezone.localdate()
    )
    measure.refresh_from_db()
    assert measure.status == Status.IN_PROGRESS
    assert update.author == coordinator and update.note == "Start"


def test_the_service_leaves_the_status_alone_when_the_update_cannot_be_saved(coordinator, gjesdal):
    measure = gjesdal.measures.get(number=9)
    with pytest.raises(IntegrityError):
        status_update_create(
            measure=measure, user=coordinator, status=Status.DELAYED, note="", date=timezone.localdate()
        )
    assert Measure.objects.get(pk=measure.pk).status == Status.PLANNED


def test_the_coordinator_updates_the_status_of_any_measure(coordinator_client, gjesdal):
    response = coordinator_client.post(url(9), form())
    assert response.status_code == 302
    assert response["Location"] == reverse("measures:measure_detail", args=[9])
    measure = gjesdal.measures.get(number=9)
    assert measure.status == Status.IN_PROGRESS
    assert measure.status_updates.get().note == "Godt i gang"


def test_a_working_group_member_updates_a_measure_of_their_body(working_client, working_member, gjesdal):
    for number in (1, 2, 6, 8, 11, 12):
        assert working_client.post(url(number), form()).status_code == 302
    assert StatusUpdate.objects.filter(author=working_member).count() == 6


def test_a_working_group_member_is_refused_a_measure_of_another_body(working_client, gjesdal):
    assert working_client.get(url(9)).status_code == 403
    assert working_client.post(url(9), form()).status_code == 403
    assert not StatusUpdate.objects.exists()


def test_an_operative_group_member_is_refused_when_their_body_has_no_measures(operative_client, gjesdal):
    for number in (1, 9):
        assert operative_client.post(url(number), form()).status_code == 403
    assert not StatusUpdate.objects.exists()


@pytest.mark.parametrize("persona", ["steering_member", "outsider"])
def test_the_steering_group_and_outsiders_are_refused(persona, request, gjesdal):
    client = logged_in(request.getfixturevalue(persona))
    assert client.post(url(1), form()).status_code == 403
    assert not StatusUpdate.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, gjesdal):
    response = client.post(url(1), form())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_status_update_form_refuses_put(coordinator_client):
    assert coordinator_client.put(url(9)).status_code == 405


def test_the_measure_page_offers_the_form_only_to_those_allowed(working_client, gjesdal):
    assert working_client.get(reverse("measures:measure_detail", args=[1])).context["status_form"] is not None
    assert working_client.get(reverse("measures:measure_detail", args=[9])).context["status_form"] is None


@pytest.mark.parametrize("status", [Status.DELAYED, Status.ENDED])
def test_a_note_is_required_when_the_measure_is_delayed_or_ended(coordinator_client, gjesdal, status):
    response = coordinator_client.post(url(9), form(status=status, note="  "))
    assert response.status_code == 200
    assert "Skriv et notat som forklarer hvorfor tiltaket er" in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_a_note_with_a_national_identity_number_is_refused_and_kept(coordinator_client, gjesdal):
    note = f"Gjelder gutt med fnr {NATIONAL_ID}"
    response = coordinator_client.post(url(9), form(note=note))
    assert response.status_code == 200
    page = response.content.decode()
    assert "fødselsnummer eller D-nummer" in page
    assert note in page
    assert not StatusUpdate.objects.exists()


def test_a_date_in_the_future_or_garbage_is_a_form_error(coordinator_client, gjesdal):
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    assert "fram i tid" in coordinator_client.post(url(9), form(date=tomorrow)).content.decode()
    response = coordinator_client.post(url(9), {"status": "tull", "date": "i går", "note": ""})
    assert response.status_code == 200
    assert "Oppgi en gyldig dato" in response.content.decode()
    assert "Velg et gyldig valg" in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_the_form_proposes_today_and_the_current_status(coordinator_client, gjesdal):
    response = coordinator_client.get(url(9))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page
    assert '<option value="planlagt" selected>' in page


def test_the_history_names_the_author_of_a_status_change(coordinator, gjesdal):
    measure = gjesdal.measures.get(number=9)
    status_update_create(measure=measure, user=coordinator, status=Status.ONGOING, note="", date=timezone.localdate())
    assert measure.history.first().history_user == coordinator
    assert StatusUpdate.history.first().history_user == coordinator
