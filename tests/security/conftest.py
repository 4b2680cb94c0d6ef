"""One small world for the access matrix and the fuzz tests: the plan, the personas, two meetings."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from meetings.models import ActionItem, CalendarToken
from meetings.services import agenda_item_add, attendance_sync, meetings_create_for_year

PERSONAS = ["anonymous", "outsider", "coordinator", "steering_member", "working_member", "operative_member"]
SECRET_MINUTES = "Drøftet bekymring ved ungdomshuset, kun for den operative gruppen"
SECRET_ACTION = "Hemmelig oppfølging for den operative gruppen"


def form_data(form):
    """What a browser would send back for an unchanged form (prefixes included, lists for multi-selects)."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        else:
            data[bound.html_name] = bound.field.widget.format_value(value) or ""
    return data


def _meeting_of(plan, key):
    series = plan.meeting_series.get(key=key)
    meetings_create_for_year(series=series, year=timezone.localdate().year)
    meeting = series.meetings.order_by("starts_at").first()
    # A meeting that has started, so that its minutes can be approved whatever the date today.
    length = meeting.ends_at - meeting.starts_at
    meeting.starts_at = timezone.now() - datetime.timedelta(days=7)
    meeting.ends_at = meeting.starts_at + length
    meeting.save()
    attendance_sync(meeting=meeting)
    return meeting


@pytest.fixture
def world(gjesdal, coordinator, steering_member, working_member, operative_member, outsider):
    gjesdal.published = True
    gjesdal.save()
    working_meeting = _meeting_of(gjesdal, "arbeidsgruppe")
    operative_meeting = _meeting_of(gjesdal, "operativ")
    operative_meeting.minutes = SECRET_MINUTES
    operative_meeting.save()
    measure = gjesdal.measures.get(number=1)
    for meeting, text in ((working_meeting, "Felles oppfølging"), (operative_meeting, SECRET_ACTION)):
        agenda_item_add(meeting=meeting, title="Første sak")
        agenda_item_add(meeting=meeting, title="Andre sak")
        ActionItem.objects.create(meeting=meeting, text=text, measure=measure)
    return SimpleNamespace(
        plan=gjesdal,
        measure=measure,
        goal=gjesdal.goals.first(),
        working_meeting=working_meeting,
        operative_meeting=operative_meeting,
        token=CalendarToken.objects.issue(user=coordinator)[1],
        users={
            "anonymous": None,
            "outsider": outsider,
            "coordinator": coordinator,
            "steering_member": steering_member,
            "working_member": working_member,
            "operative_member": operative_member,
        },
    )
