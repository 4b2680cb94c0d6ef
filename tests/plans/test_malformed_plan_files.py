"""Each kind of malformed plan file is refused with a message naming the field and its place,
and the database is left exactly as it was."""

import io

import pytest
from django.core.management import CommandError, call_command

from measures.models import ActionPlan, Measure
from participants.models import Body, Organization, Position
from tests.conftest import GJESDAL_PLAN

ORIGINAL = GJESDAL_PLAN.read_text(encoding="utf-8")


def snapshot():
    return (
        list(ActionPlan.objects.values_list("title", "published")),
        list(Measure.objects.order_by("number").values_list("number", "title", "status")),
        list(Body.objects.values_list("key", "name")),
        list(Position.objects.values_list("title", flat=True)),
        Organization.objects.count(),
        Measure.history.count(),
    )


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


CASES = {
    "bad yaml": (
        lambda text: text.replace("municipality: Gjesdal", "municipality: [Gjesdal"),
        ["ikke gyldig YAML", "linje"],
    ),
    "missing field": (
        lambda text: text.replace('    title: "Natteravnordning"\n', ""),
        ["measures[8].title", "mangler"],
    ),
    "unknown status": (
        lambda text: text.replace("status: planlagt", "status: ferdig", 1),
        ["measures[0].status", "ukjent verdi «ferdig»", "planlagt"],
    ),
    "duplicate measure number": (
        lambda text: text.replace("- number: 12", "- number: 11"),
        ["measures[11].number", "tiltaksnummer «11»", "mer enn én gang"],
    ),
    "unknown body": (
        lambda text: text.replace("responsible_bodies: [arbeidsgruppe]", "responsible_bodies: [ungdomsrådet]", 1),
        ["measures[0].responsible_bodies[0]", "ukjent organ «ungdomsrådet»"],
    ),
    "wrong type": (
        lambda text: text.replace("- number: 3", "- number: tre"),
        ["measures[2].number", "må være et heltall"],
    ),
    "unknown field": (
        lambda text: text.replace("published: true", "publisert: true"),
        ["publisert", "ukjent felt"],
    ),
    "bad date": (
        lambda text: text.replace("adopted_on: 2026-02-19", "adopted_on: 19.02.2026"),
        ["adopted_on", "dato"],
    ),
    "unknown written standard": (
        lambda text: text.replace("written_standard: nb", "written_standard: nynorsk"),
        ["written_standard", "ukjent verdi «nynorsk»", "nb, nn"],
    ),
    "bad recurrence": (
        lambda text: text.replace("FREQ=WEEKLY;BYDAY=MO", "HVER MANDAG"),
        ["meeting_series[3].rrule", "HVER MANDAG"],
    ),
}


@pytest.fixture
def plan_path(tmp_path):
    return tmp_path / "plan.yaml"


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_file_is_refused_with_its_place_and_nothing_changes(gjesdal, plan_path, case):
    edit, expected = CASES[case]
    text = edit(ORIGINAL)
    assert text != ORIGINAL
    plan_path.write_text(text, encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(plan_path), stdout=io.StringIO())

    message = str(raised.value)
    assert "ble ikke importert" in message
    for fragment in expected:
        assert fragment in message
    assert snapshot() == before


def test_error_names_the_line_of_the_field(gjesdal, plan_path):
    text = ORIGINAL.replace("status: planlagt", "status: ferdig", 1)
    plan_path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(plan_path))
    assert f"linje {line_of(text, 'status: ferdig')}" in str(raised.value)


def test_malformed_file_into_an_empty_database_writes_nothing(db, plan_path):
    plan_path.write_text(ORIGINAL.replace("- number: 12", "- number: 11"), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_plan", str(plan_path))
    assert ActionPlan.objects.count() == Body.objects.count() == Organization.objects.count() == 0


def test_every_problem_is_listed_at_once(db, plan_path):
    text = ORIGINAL.replace("status: planlagt", "status: ferdig", 1).replace("- number: 3", "- number: -3")
    plan_path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(plan_path))
    assert "measures[0].status" in str(raised.value)
    assert "measures[2].number" in str(raised.value)


def test_empty_file_is_refused(db, plan_path):
    plan_path.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="tom"):
        call_command("import_plan", str(plan_path))
