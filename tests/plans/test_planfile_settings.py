"""The seats' and series' settings kept in the portal travel in the plan file, and only when named."""

import io

import pytest
from django.core.management import call_command

from measures.models import ActionPlan, PlanVersion
from meetings.models import MeetingSeries, MinutesApproval
from participants.models import Body, Organization, Position
from plans.planfile import PlanFileError, read_plan_file
from tests.conftest import GJESDAL_PLAN


def export():
    out = io.StringIO()
    call_command("export_plan", stdout=out)
    return out.getvalue()


def _set_settings(plan):
    seat = Position.objects.get(body__key="arbeidsgruppe", title="helsestasjon")
    seat.is_chair = True
    seat.approves_minutes = True
    seat.save()
    series = plan.meeting_series.get(key="arbeidsgruppe")
    series.pause_summer = False
    series.notice_days = 10
    series.minutes_approval = MinutesApproval.NEXT_MEETING
    series.save()


def _settings():
    seat = Position.objects.get(body__key="arbeidsgruppe", title="helsestasjon")
    series = MeetingSeries.objects.get(key="arbeidsgruppe")
    return (seat.is_chair, seat.approves_minutes, series.pause_summer, series.notice_days, series.minutes_approval)


def test_unchanged_settings_add_nothing_to_the_file(gjesdal):
    text = export()
    for name in ("chair:", "approves_minutes:", "pause_summer:", "notice_days:", "minutes_approval:"):
        assert name not in text


def test_the_settings_go_out_and_come_back_into_an_empty_database(gjesdal, tmp_path):
    _set_settings(gjesdal)
    text = export()
    assert "chair: true" in text and "notice_days: 10" in text and "minutes_approval: neste_mote" in text
    expected = _settings()
    path = tmp_path / "export.yaml"
    path.write_text(text, encoding="utf-8")
    PlanVersion.objects.all().delete()  # the portal never deletes a version; an empty database has none
    ActionPlan.objects.all().delete()
    Body.objects.all().delete()
    Organization.objects.all().delete()
    call_command("import_plan", str(path), stdout=io.StringIO())
    assert _settings() == expected == (True, True, False, 10, MinutesApproval.NEXT_MEETING)
    assert export() == text


def test_a_file_without_the_settings_leaves_the_portals_alone(gjesdal):
    _set_settings(gjesdal)
    expected = _settings()
    call_command("import_plan", str(GJESDAL_PLAN), stdout=io.StringIO())
    assert _settings() == expected


SEAT = "        organization: helsestasjonen\n"
RULE = '    rrule: "FREQ=MONTHLY;BYMONTH=2,6,10;BYDAY=TU;BYSETPOS=2"\n'


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace(SEAT, SEAT + "        chair: ja\n"), "må være true eller false"),
        (lambda text: text.replace(RULE, RULE + "    notice_days: -3\n"), "notice_days"),
        (lambda text: text.replace(RULE, RULE + "    minutes_approval: rektor\n"), "ukjent verdi «rektor»"),
    ],
)
def test_bad_settings_are_named(db, change, message):
    text = change(GJESDAL_PLAN.read_text(encoding="utf-8"))
    assert text != GJESDAL_PLAN.read_text(encoding="utf-8")
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(text)
    assert message in str(refused.value)


def test_a_body_has_at_most_one_chair(db):
    other = "        organization: barnevernet\n"
    text = GJESDAL_PLAN.read_text(encoding="utf-8")
    text = text.replace(SEAT, SEAT + "        chair: true\n").replace(other, other + "        chair: true\n")
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(text)
    assert "høyst én møteleder" in str(refused.value)


def test_running_settings_are_no_change_to_the_adopted_plan(coordinator_client, gjesdal):
    from django.urls import reverse

    _set_settings(gjesdal)
    page = coordinator_client.get(reverse("plans:plan_changes")).content.decode()
    assert "notice_days" not in page and "pause_summer" not in page and "chair" not in page
