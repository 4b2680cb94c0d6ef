import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings.forms import ActionItemForm, AgendaItemForm, StatusFromMinutesForm
from meetings.minutes_forms import ActionRowForm, GuestForm, SakForm
from participants.models import Person
from participants.validators import validate_no_national_id

from .national_ids import valid_number, with_control_digits, with_wrong_control_digit


def test_the_test_numbers_are_computed_with_mod_11():
    number = valid_number("010203")
    assert len(number) == 11 and number.startswith("010203")
    assert with_control_digits(number[:9]) == number


@pytest.mark.parametrize(
    "text",
    [
        "Elev med nummer {n}",
        "{n6} {n5}",
        "{n6}.{n5}",
        "f.nr. {n}, ellers ingenting",
    ],
)
@pytest.mark.parametrize("birth", ["010203", "311299", "150806"])
@pytest.mark.parametrize("d_number", [False, True])
def test_valid_national_ids_and_d_numbers_are_refused(text, birth, d_number):
    number = valid_number(birth, d_number=d_number)
    with pytest.raises(ValidationError) as error:
        validate_no_national_id(text.format(n=number, n6=number[:6], n5=number[6:]))
    assert error.value.code == "national_id"


@pytest.mark.parametrize("d_number", [False, True])
def test_numbers_with_a_wrong_control_digit_pass(d_number):
    number = with_wrong_control_digit(valid_number("150806", d_number=d_number))
    validate_no_national_id(f"Saksnummer {number}")
    validate_no_national_id(f"{number[:6]} {number[6:]}")


def test_ordinary_numbers_pass():
    validate_no_national_id("Møtet 14.01.2027 kl. 09:00, 12 deltakere, tlf. 51 61 23 00, sak 2026/1234.")


def test_the_forms_refuse_a_national_id_with_a_reason(gjesdal):
    number = valid_number()
    for field in ("title", "minutes", "decision"):
        sak = SakForm({"title": "Sak", "minutes": "", "decision": "", field: f"Ungdom {number} ble drøftet"})
        assert not sak.is_valid() and "fødselsnummer" in sak.errors[field][0], field
    row = ActionRowForm({"text": f"Følge opp {number}"}, plan=gjesdal, people=Person.objects.all())
    assert not row.is_valid() and "fødselsnummer" in row.errors["text"][0]
    for field in ("name", "organization"):
        guest = GuestForm({"name": "Gjest", "organization": "", field: number})
        assert not guest.is_valid() and "fødselsnummer" in guest.errors[field][0], field
    assert not AgendaItemForm({"title": number}, plan=gjesdal).is_valid()
    assert not ActionItemForm({"kind": "vedtak", "text": number}, plan=gjesdal).is_valid()
    status = StatusFromMinutesForm({"status": "pagar", "note": number}, item=None)
    assert not status.is_valid() and "fødselsnummer" in status.errors["note"][0]


def test_the_minutes_form_warns_against_personal_data_and_keeps_the_text(working_client, working_meeting):
    address = reverse("meetings:minutes_edit", args=[working_meeting.pk])
    page = working_client.get(address).content.decode()
    assert "Ikke skriv personopplysninger om enkeltungdommer" in page
    assert 'aria-describedby="personal-data-notice"' in page
    version = working_client.get(address).context["form"]["version"].value()
    text = f"Drøftet situasjonen til {valid_number('010203', d_number=True)}."
    response = working_client.post(address, {"minutes": text, "version": version})
    assert response.status_code == 200
    assert text in response.content.decode()
    assert "fødselsnummer eller D-nummer" in response.content.decode()
    working_meeting.refresh_from_db()
    assert working_meeting.minutes == ""


def test_a_new_sak_and_action_item_with_a_national_id_are_refused_and_kept(working_client, working_meeting):
    from meetings.models import ActionItem

    from .conftest import minutes_data

    number = valid_number("150806")
    data = minutes_data(
        working_client,
        working_meeting,
        **{"ny-0-title": "Ny sak", "ny-0-decision": f"Gjelder {number}", "ny-0-ny-0-text": f"Ring {number}"},
    )
    response = working_client.post(reverse("meetings:minutes_edit", args=[working_meeting.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("fødselsnummer eller D-nummer") >= 2 and f"Gjelder {number}" in page
    assert not working_meeting.agenda_items.filter(title="Ny sak").exists() and not ActionItem.objects.exists()
