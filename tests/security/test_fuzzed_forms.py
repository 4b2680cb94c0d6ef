"""Bad input for every form and query parameter: a form error or a 4xx, never a server error.

Hypothesis sends any Unicode (control characters and NUL included), huge strings, numbers and dates
the database cannot hold, lists where one value is expected and missing fields, on top of valid data
so that the checks behind the first field are reached too. A view that raises fails the test with
the smallest input that breaks it. Each example runs in a savepoint that is rolled back, so the data
is built once per test. FUZZ_EXAMPLES sets the number of examples (CI: 20 per form on SQLite, 15 on PostgreSQL).
"""

import io
import os
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from measures.forms import MeasureForm
from measures.versioning import version_of
from meetings.forms import ActionItemForm, MeetingForm
from meetings.services import agenda_item_add
from plans import services
from plans.forms import (
    ActionPlanTextsForm,
    AnnualReportDraftForm,
    FocusAreaForm,
    GoalForm,
    LinkForm,
    StatusReportDraftForm,
    StatusReportForm,
)
from tests.conftest import PASSWORD

from .conftest import form_data
from .fuzz import FUZZ, form_input, scalar

# A form error (200 or 400), a redirect after a save, a refusal, a missing object, a lockout.
ACCEPTABLE = {200, 302, 400, 403, 404, 405, 429}


@dataclass
class Target:
    url: object  # world -> URL
    fields: object  # list of field names, or world -> list
    base: object = None  # world -> valid data
    method: str = "post"
    persona: str = "coordinator"
    fresh_login: bool = False  # the view changes the session (login, password change)
    renders_pdf: object = None  # (world, data) -> True when the input is valid and would render a PDF


def _item_fields(prefix, names):
    return [f"{prefix}-{name}" for name in names]


ACTION_FIELDS = ["kind", "text", "responsible_person", "responsible_body", "due", "measure", "done"]
MEASURE_FILTERS = ["q", "status", "focus_area", "responsible", "needs_attention", "sort"]


def _minutes_base(world):
    meeting = world.working_meeting
    item = agenda_item_add(meeting=meeting, title=str(world.measure), measure=world.measure)
    return {
        "minutes": "Referat fra møtet",
        "version": version_of(meeting),
        f"item-{item.pk}-status": "pagar",
        f"item-{item.pk}-note": "I rute",
    }


def _minutes_fields(world):
    """The minutes page: the meeting's fields, a sak and its status update, new rows and a new sak, guests."""
    item = world.working_meeting.agenda_items.exclude(measure=None).get()
    sak = f"sak-{item.pk}"
    row = ["text", "responsible_person", "due", "measure"]
    return [
        "minutes",
        "version",
        "chair",
        "secretary",
        f"item-{item.pk}-status",
        f"item-{item.pk}-note",
        *_item_fields(sak, ["title", "minutes", "decision", "version"]),
        *_item_fields(f"{sak}-ny-0", row),
        *_item_fields("ny-0", ["title", "minutes", "decision"]),
        *_item_fields("ny-0-ny-0", row),
        *_item_fields("gjest", ["TOTAL_FORMS", "INITIAL_FORMS", "0-name", "0-organization"]),
    ]


def _seat_fields(world):
    seat = world.working_meeting.attendance.order_by("position__order").first().position_id
    return _item_fields(f"sete-{seat}", ["status", "deputy", "version"])


def _query(data):
    return QueryDict(urlencode(data, doseq=True))


def _link(world):
    return world.plan.links.first()


def _status_draft(world):
    return services.status_report_start(plan=world.plan, user=world.users["coordinator"])


def _annual_draft(world):
    return services.annual_report_start(plan=world.plan, year=2026, user=world.users["coordinator"])


def _meeting_url(name):
    return lambda world: reverse(name, args=[world.working_meeting.pk])


TARGETS = {
    "login": Target(
        url=lambda world: reverse("login"),
        fields=["username", "password"],
        base=lambda world: {"username": "koordinator", "password": PASSWORD},
        persona="anonymous",
        fresh_login=True,
    ),
    "password change": Target(
        url=lambda world: reverse("password_change"),
        fields=["old_password", "new_password1", "new_password2", "renew_calendar_addresses"],
        base=lambda world: {
            "old_password": PASSWORD,
            "new_password1": "Nytt-pass-2026!",
            "new_password2": "Nytt-pass-2026!",
        },
        fresh_login=True,
    ),
    "password reset by the coordinator": Target(
        url=lambda world: reverse("user_password_reset", args=[world.users["working_member"].pk]),
        fields=["new_password1", "new_password2"],
        base=lambda world: {"new_password1": "Nytt-pass-2026!", "new_password2": "Nytt-pass-2026!"},
    ),
    "status update": Target(
        url=lambda world: reverse("measures:status_update", args=[world.measure.number]),
        fields=["status", "date", "note"],
        base=lambda world: {"status": "pagar", "date": timezone.localdate().isoformat(), "note": "I rute"},
    ),
    "measure edit": Target(
        url=lambda world: reverse("measures:measure_edit", args=[world.measure.number]),
        fields=lambda world: list(form_data(MeasureForm(instance=world.measure))) + ["contact"],
        base=lambda world: form_data(MeasureForm(instance=world.measure)),
    ),
    "plan text edit": Target(
        url=lambda world: reverse("plans:plan_edit"),
        fields=lambda world: list(form_data(ActionPlanTextsForm(instance=world.plan))) + ["adopted_on"],
        base=lambda world: form_data(ActionPlanTextsForm(instance=world.plan)),
    ),
    "goal add": Target(
        url=lambda world: reverse("plans:plan_item_add", args=["mal"]),
        fields=["order", "text", "version"],
        base=lambda world: {"order": "99", "text": "Et nytt mål"},
    ),
    "goal edit": Target(
        url=lambda world: reverse("plans:plan_item_edit", args=["mal", world.goal.pk]),
        fields=["order", "text", "version"],
        base=lambda world: form_data(GoalForm(instance=world.goal)),
    ),
    "focus area edit": Target(
        url=lambda world: reverse("plans:plan_item_edit", args=["satsingsomrade", world.plan.focus_areas.first().pk]),
        fields=["order", "text", "version"],
        base=lambda world: form_data(FocusAreaForm(instance=world.plan.focus_areas.first())),
    ),
    "link add": Target(
        url=lambda world: reverse("plans:plan_item_add", args=["lenke"]),
        fields=["section", "measure", "title", "url", "order", "version"],
        base=lambda world: {**form_data(LinkForm(instance=_link(world))), "version": ""},
    ),
    "link edit": Target(
        url=lambda world: reverse("plans:plan_item_edit", args=["lenke", _link(world).pk]),
        fields=["section", "measure", "title", "url", "order", "version"],
        base=lambda world: form_data(LinkForm(instance=_link(world))),
    ),
    "status report draft": Target(
        url=lambda world: reverse("plans:status_report_edit", args=[_status_draft(world).pk]),
        fields=lambda world: list(form_data(StatusReportDraftForm(instance=_status_draft(world)))),
        base=lambda world: form_data(StatusReportDraftForm(instance=_status_draft(world))),
    ),
    "annual report draft": Target(
        url=lambda world: reverse("plans:annual_report_edit", args=[_annual_draft(world).year]),
        fields=lambda world: list(form_data(AnnualReportDraftForm(instance=_annual_draft(world)))),
        base=lambda world: form_data(AnnualReportDraftForm(instance=_annual_draft(world))),
    ),
    "annual report start": Target(url=lambda world: reverse("plans:annual_report_new"), fields=["year"]),
    "plan publish": Target(url=lambda world: reverse("plans:plan_publish"), fields=["published"]),
    "measure list filters": Target(
        url=lambda world: reverse("measures:measure_list"), fields=MEASURE_FILTERS, method="get"
    ),
    "measure export csv": Target(
        url=lambda world: reverse("measures:measure_export_csv"), fields=MEASURE_FILTERS, method="get"
    ),
    "measure export xlsx": Target(
        url=lambda world: reverse("measures:measure_export_xlsx"), fields=MEASURE_FILTERS, method="get"
    ),
    "status report since": Target(
        url=lambda world: reverse("plans:status_report"),
        fields=["since"],
        method="get",
        renders_pdf=lambda world, data: not data or StatusReportForm(_query(data)).is_valid(),
    ),
    "plan pdf period": Target(
        url=lambda world: reverse("plans:plan_pdf"),
        fields=["period"],
        method="get",
        renders_pdf=lambda world, data: _query(data).get("period") in (None, world.plan.period),
    ),
    "meeting list year and series": Target(
        url=lambda world: reverse("meetings:meeting_list"), fields=["year", "serie"], method="get"
    ),
    "year view year": Target(url=lambda world: reverse("meetings:year_view"), fields=["year"], method="get"),
    "meeting move or cancel": Target(
        url=_meeting_url("meetings:meeting_edit"),
        fields=["date", "start", "end", "location", "status"],
        base=lambda world: form_data(MeetingForm(instance=world.working_meeting)),
    ),
    "create a year of meetings": Target(
        url=lambda world: reverse("meetings:series_create_year", args=[world.working_meeting.series_id]),
        fields=["year"],
    ),
    "agenda item add": Target(
        url=_meeting_url("meetings:agenda_item_add"),
        fields=_item_fields("agenda", ["title", "notes", "measure"]),
        base=lambda world: {"agenda-title": "En ny sak"},
    ),
    "agenda measure add": Target(url=_meeting_url("meetings:agenda_measure_add"), fields=["measure"]),
    "agenda item reorder": Target(
        url=lambda world: reverse(
            "meetings:agenda_item_move",
            args=[world.working_meeting.pk, world.working_meeting.agenda_items.order_by("order").last().pk],
        ),
        fields=["direction"],
        base=lambda world: {"direction": "up"},
    ),
    "attendance on the minutes page": Target(url=_meeting_url("meetings:minutes_edit"), fields=_seat_fields),
    "minutes page: a new action item row": Target(
        url=_meeting_url("meetings:minutes_new_row"), fields=["blokk", "n"], method="get"
    ),
    "minutes page: a new sak": Target(url=_meeting_url("meetings:minutes_new_sak"), fields=["n"], method="get"),
    "minutes send for approval": Target(url=_meeting_url("meetings:minutes_submit"), fields=["version"]),
    "minutes with version and status updates": Target(
        url=_meeting_url("meetings:minutes_edit"), fields=_minutes_fields, base=_minutes_base
    ),
    "action item add": Target(
        url=_meeting_url("meetings:action_item_add"),
        fields=_item_fields("action", ACTION_FIELDS),
        base=lambda world: {"action-kind": "oppfolging", "action-text": "Ny oppfølging"},
    ),
    "action item edit": Target(
        url=lambda world: reverse("meetings:action_item_edit", args=[world.working_meeting.action_items.first().pk]),
        fields=ACTION_FIELDS,
        base=lambda world: form_data(
            ActionItemForm(instance=world.working_meeting.action_items.first(), plan=world.plan)
        ),
    ),
    "action item done": Target(
        url=lambda world: reverse("meetings:action_item_toggle", args=[world.working_meeting.action_items.first().pk]),
        fields=["next"],
    ),
    "minutes approve": Target(url=_meeting_url("meetings:minutes_approve"), fields=["version"]),
    "minutes reopen": Target(url=_meeting_url("meetings:minutes_reopen"), fields=["version"]),
    "calendar address new": Target(url=lambda world: reverse("meetings:calendar_token_new"), fields=["series"]),
    "calendar address revoke": Target(url=lambda world: reverse("meetings:calendar_token_revoke"), fields=["series"]),
}


def _login(world, persona):
    client = Client()
    if world.users[persona] is not None:
        client.force_login(world.users[persona])
    return client


def _send(client, method, url, data):
    """One request in a savepoint that is rolled back: every example meets the same data."""
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("name", list(TARGETS))
def test_bad_input_gets_a_form_error_or_a_refusal_never_a_server_error(world, name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    target = TARGETS[name]
    url = target.url(world)
    base = target.base(world) if target.base else {}
    fields = target.fields(world) if callable(target.fields) else target.fields
    client = _login(world, target.persona)

    @FUZZ
    @given(data=form_input(fields, base))
    def check(data):
        if target.renders_pdf and target.renders_pdf(world, data):
            return  # valid input: the PDF tests cover it, and rendering a thousand PDFs is slow
        response = _send(_login(world, target.persona) if target.fresh_login else client, target.method, url, data)
        assert response.status_code in ACCEPTABLE, (response.status_code, data)

    check()


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png_bytes()
upload_bytes = st.one_of(
    st.binary(max_size=4096),
    st.binary(max_size=512).map(lambda tail: PNG[:16] + tail),  # a PNG header, then garbage
    st.binary(max_size=64).map(lambda tail: PNG + tail),
    st.sampled_from([b"", b"GIF89a" + b"\x00" * 20, b"%PDF-1.7\n", b"<svg xmlns='http://www.w3.org/2000/svg'/>"]),
)


def test_random_bytes_as_a_logo_get_a_form_error_never_a_server_error(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = _login(world, "coordinator")
    url = reverse("plans:plan_logo")

    # Names a browser could send: the test client's upload object refuses "/" or ".." itself.
    filenames = st.text(min_size=1, max_size=80).filter(lambda name: os.path.basename(name) not in {"", ".", ".."})

    @FUZZ
    @given(content=upload_bytes, filename=filenames, extra=st.none() | scalar)
    def check(content, filename, extra):
        data = {"logo": SimpleUploadedFile(filename, content)}
        if extra is not None:
            data["logo-clear"] = extra
        response = _send(client, "post", url, data)
        assert response.status_code in {302, 400}, response.status_code

    check()


path_segment = st.one_of(scalar, st.text(alphabet=st.characters(codec="ascii"), max_size=70)).filter(
    lambda text: text not in ("", ".", "..")
)


def test_garbage_calendar_tokens_are_not_found(world):
    client = Client()

    @FUZZ
    @given(token=path_segment)
    def check(token):
        response = client.get(f"/moter/kalender/{quote(token, safe='')}.ics")
        assert response.status_code == 404 or token == world.token

    check()


def test_garbage_plan_periods_are_not_found(world):
    client = Client()

    @FUZZ
    @given(period=path_segment, pdf=st.booleans())
    def check(period, pdf):
        response = client.get(f"/plan/{quote(period, safe='')}/{'pdf/' if pdf else ''}")
        assert response.status_code in {200, 404}
        assert response.status_code == 404 or period == world.plan.period

    check()
