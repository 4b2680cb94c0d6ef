"""Every free-text field refuses a national identity number, whichever way the text arrives."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse

from meetings.forms import MeetingForm
from participants.validators import validate_no_national_id
from tests.conftest import GJESDAL_PLAN

NUMBER = "158308-00120"  # Skatteetaten's synthetic 15830800120, written with a dash
# Not free text: identifiers, machine formats and contact details.
NOT_FREE_TEXT = {"key", "rrule", "token", "url", "email", "phone", "password", "username", "municipality_key"}


def free_text_fields():
    for app in ("participants", "measures", "meetings"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.get_fields():
                if (
                    isinstance(field, (models.CharField, models.TextField))
                    and field.editable  # not derived text such as Meeting.minutes_html
                    and not field.choices
                    and not isinstance(field, (models.SlugField, models.EmailField, models.URLField))
                    and field.name not in NOT_FREE_TEXT
                ):
                    yield f"{model.__name__}.{field.name}", field


@pytest.mark.parametrize(("name", "field"), list(free_text_fields()), ids=lambda value: str(value))
def test_every_free_text_model_field_carries_the_guard(name, field):
    assert validate_no_national_id in field.validators, name


def test_the_plan_file_refuses_a_national_id_in_any_text(db, tmp_path):
    path = tmp_path / "plan.yaml"
    text = GJESDAL_PLAN.read_text(encoding="utf-8").replace(
        '    title: "Natteravnordning"', f'    title: "Natteravnordning fnr.{NUMBER}"'
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(path), stdout=io.StringIO())
    assert "measures[8].title" in str(raised.value) and "fødselsnummer" in str(raised.value)


def test_the_meeting_location_refuses_a_national_id(gjesdal):
    form = MeetingForm({"location": f"Hjemme hos {NUMBER}", "status": "planlagt", "version": "x"})
    assert not form.is_valid()
    assert "fødselsnummer" in form.errors["location"][0]


def test_the_admin_refuses_a_national_id(admin_client, gjesdal):
    response = admin_client.post(
        reverse("admin:measures_goal_add"), {"plan": gjesdal.pk, "order": 99, "text": f"Gjelder {NUMBER}"}
    )
    assert response.status_code == 200
    assert "fødselsnummer" in response.content.decode()
    assert not gjesdal.goals.filter(order=99).exists()
