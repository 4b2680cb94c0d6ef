"""The measure field: a text input that finds one of many measures, with suggestions as one types."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from measures.models import ActionPlan
from meetings.forms import ActionItemForm

SEARCH = reverse("measures:measure_search")


def _field(plan):
    return ActionItemForm(plan=plan, prefix="action").fields["measure"]


@pytest.mark.parametrize("typed", ["9", " 9 ", "9. Natteravnordning", "natteravn", "NATTERAVN"])
def test_the_field_finds_a_measure_by_its_number_or_a_word_only_its_title_holds(gjesdal, typed):
    assert _field(gjesdal).clean(typed).number == 9


def test_an_empty_field_is_no_measure(gjesdal):
    assert _field(gjesdal).clean("") is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99", "Planen har ikke tiltak 99."),
        ("99999999999999999999", "Ingen tiltakstittel inneholder «99999999999999999999»"),
        ("sjakk", "Ingen tiltakstittel inneholder «sjakk». Skriv tiltakets nummer."),
        ("kunnskap", "Flere tiltak passer «kunnskap»: 11. Økt kunnskap om Vold som handelsvare, 12. Økt"),
    ],
)
def test_a_measure_the_field_cannot_tell_is_a_norwegian_error(gjesdal, typed, message):
    form = ActionItemForm({"action-kind": "vedtak", "action-text": "Tekst", "action-measure": typed}, plan=gjesdal,
                          prefix="action")  # fmt: skip
    assert not form.is_valid()
    assert message in form.errors["measure"][0]


def test_the_field_offers_only_the_forms_plan(gjesdal):
    other = ActionPlan.objects.create(municipality="Sandnes", period_start=2026, period_end=2027, title="Plan")
    other.measures.create(number=13, title="Natteravn i Sandnes")
    assert _field(gjesdal).clean("natteravn").plan == gjesdal
    with pytest.raises(ValidationError, match="tiltak 13"):
        _field(gjesdal).clean("13")


def test_the_form_sends_no_list_of_measures(working_client, gjesdal):
    from meetings.models import MeetingSeries
    from meetings.services import meetings_create_for_year

    series = MeetingSeries.objects.get(key="arbeidsgruppe")
    meetings_create_for_year(series=series, year=2027)
    meeting = series.meetings.first()
    page = working_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Natteravnordning" not in page
    # the meeting page's forms for a new sak and a new action item, as it loads them when opened
    for name in ("agenda_item_new", "action_item_new"):
        form = working_client.get(reverse(f"meetings:{name}", args=[meeting.pk]), HTTP_HX_REQUEST="true")
        assert "Natteravnordning" not in form.content.decode()
        assert f'hx-get="{SEARCH}?plan={gjesdal.pk}"' in form.content.decode()


def test_suggestions_come_by_number_first_then_by_title(working_client, gjesdal):
    page = working_client.get(SEARCH, {"plan": gjesdal.pk, "action-measure": "1"}).content.decode()
    assert page.index("1. Livsmestring ungdomstrinn") < page.index("10. Gi tilbud om Trygghetsprogrammet")
    assert "2. Felles tema" not in page
    assert "1. Livsmestring" in page and 'data-measure="1. Livsmestring ungdomstrinn"' in page


def test_suggestions_find_words_of_the_title(working_client, gjesdal):
    page = working_client.get(SEARCH, {"plan": gjesdal.pk, "x": "natt"}).content.decode()
    assert "9. Natteravnordning" in page and "Livsmestring" not in page


def test_suggestions_say_when_nothing_matches(working_client, gjesdal):
    page = working_client.get(SEARCH, {"plan": gjesdal.pk, "x": "sjakk"}).content.decode()
    assert "Ingen tiltak passer «sjakk»." in page and "<button" not in page


def test_suggestions_are_at_most_ten(working_client, gjesdal):
    for number in range(13, 40):
        gjesdal.measures.create(number=number, title=f"Tiltak om skolen {number}")
    page = working_client.get(SEARCH, {"plan": gjesdal.pk, "x": "skolen"}).content.decode()
    assert page.count("<button") == 10


@pytest.mark.parametrize("plan", ["", "²", "99999999999999999999", "1\x00"])
def test_any_plan_parameter_gives_the_current_plans_suggestions(working_client, gjesdal, plan):
    response = working_client.get(SEARCH, {"plan": plan, "x": "natte"})
    assert response.status_code == 200 and "9. Natteravnordning" in response.content.decode()


def test_an_unknown_plan_is_not_found(working_client, gjesdal):
    assert working_client.get(SEARCH, {"plan": "999999", "x": "natte"}).status_code == 404


def test_suggestions_are_for_staff_only(client, outsider_client, gjesdal):
    assert outsider_client.get(SEARCH, {"x": "natte"}).status_code == 403
    assert client.get(SEARCH, {"x": "natte"}).status_code == 302


def test_suggestions_refuse_post(working_client, gjesdal):
    assert working_client.post(SEARCH, {"x": "natte"}).status_code == 405


@pytest.mark.parametrize("typed", ["9" * 4301, "12345678901234567890", "\x00", "natte\x00ravn"])
def test_what_was_typed_is_shown_back_as_typed_with_the_error(coordinator_client, gjesdal, typed):
    from meetings.forms import ActionItemForm

    form = ActionItemForm({"action-kind": "vedtak", "action-text": "", "action-measure": typed}, plan=gjesdal,
                          prefix="action")  # fmt: skip
    assert not form.is_valid()
    assert form["measure"].value() == typed
    form["measure"].as_widget()


def test_suggestions_take_any_text(working_client, gjesdal):
    for typed in ("natte\x00", "\x00", "9" * 5000, "²"):
        assert working_client.get(SEARCH, {"plan": gjesdal.pk, "x": typed}).status_code == 200


def test_a_text_longer_than_any_title_is_no_measure_and_is_named_short(gjesdal):
    typed = "natteravn " * 6000
    with pytest.raises(ValidationError) as refused:
        _field(gjesdal).clean(typed)
    assert (
        len(refused.value.messages[0]) < 200
        and "Ingen tiltakstittel inneholder «natteravn natteravn" in (refused.value.messages[0])
    )
