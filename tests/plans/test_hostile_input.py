"""Hostile input to the plan's pages and the plan file: refused as ordinary errors, never a 500."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from plans.planfile.checks import PlanFileError
from plans.planfile.reader import read_plan_file

REPORT = reverse("plans:status_report")


@pytest.mark.parametrize("since", ["0001-01-01", "1899-12-31", "01.01.0001"])
def test_the_status_report_refuses_absurdly_old_dates(steering_client, since):
    response = steering_client.get(REPORT, {"since": since})
    assert response.status_code == 400
    assert "Velg en dato fra 2000 eller senere." in response.text


BILLION_LAUGHS = "\n".join(
    ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BILLION_LAUGHS, "ankere og aliaser"),
        ("format: 1\nmunicipality: &m Gjesdal\ntitle: *m\n", "ankere og aliaser"),
        ("a: &a [*a]\n", "ankere og aliaser"),
        ("x: " + "[" * 20000 + "]" * 20000 + "\n", "nivåer"),
        ("x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)), "nivåer"),
    ],
)
def test_the_plan_file_refuses_aliases_and_deep_nesting_as_a_plan_file_error(db, text, expected):
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(text)
    assert expected in str(refused.value)


def test_a_hostile_plan_file_is_a_normal_import_error(db, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(CommandError, match="ble ikke importert"):
        call_command("import_plan", str(path), stdout=io.StringIO())
