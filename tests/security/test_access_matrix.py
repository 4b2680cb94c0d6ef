"""Every URL of the portal × every persona × GET (and POST where the view changes data).

The table below is the written-down access policy. It is checked against the URLconf, so a new
URL without a row here fails `test_every_url_of_the_urlconf_has_a_row_in_the_access_matrix`.

Outcomes: a status code, LOGIN (302 to the login page) or REDIRECT (302 anywhere else: the POST
did its work). Each POST runs inside a savepoint that is rolled back, so every persona meets the
same data.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from PIL import Image

from measures.forms import MeasureForm
from measures.versioning import version_of
from meetings.forms import ActionItemForm, MeetingForm
from plans.forms import ActionPlanTextsForm, GoalForm
from tests.conftest import PASSWORD

from .conftest import PERSONAS, SECRET_ACTION, SECRET_MINUTES, form_data

LOGIN = "LOGIN"
REDIRECT = "REDIRECT"
ROLES = ["coordinator", "steering_member", "working_member", "operative_member"]


def members(code, **overrides):
    """Anonymous to the login page, a user without a role 403, every role `code` unless named."""
    row = {"anonymous": LOGIN, "outsider": 403, **dict.fromkeys(ROLES, code)}
    row.update(overrides)
    return row


def logged_in(code, **overrides):
    """Anonymous to the login page, every logged-in user (without a role too) `code` unless named."""
    return members(code, outsider=code, **overrides)


def everyone(code, **overrides):
    row = dict.fromkeys(PERSONAS, code)
    row.update(overrides)
    return row


def coordinator_only(code, refused=403, **overrides):
    """The coordinator gets `code`; the other roles and the outsider `refused`."""
    return members(refused, coordinator=code, **overrides)


@dataclass
class Case:
    kwargs: object = None  # world -> URL kwargs
    GET: dict = None
    POST: dict = None
    data: object = None  # world -> POST data (valid where cheap)
    files: object = None  # () -> uploaded files
    hidden_from: dict = field(default_factory=dict)  # persona -> text their GET must not contain


def _goal_data(world):
    return {**form_data(GoalForm(instance=world.goal)), "text": "Endret mål"}


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "logo.png"
    return upload


def _measure_data(world):
    return {**form_data(MeasureForm(instance=world.measure)), "title": "Endret tittel"}


def _plan_data(world):
    return {**form_data(ActionPlanTextsForm(instance=world.plan)), "title": "Endret tittel"}


def _meeting_data(meeting):
    return {**form_data(MeetingForm(instance=meeting)), "location": "Rådhuset, møterom 2"}


def _action_item_data(meeting):
    item = meeting.action_items.first()
    return {**form_data(ActionItemForm(instance=item, plan=meeting.series.plan)), "text": "Endret oppfølging"}


def _agenda_item(meeting):
    return meeting.agenda_items.order_by("order").last().pk


def _attendance(meeting):
    return {"present": [str(row.pk) for row in meeting.attendance.all()]}


NEXT_YEAR = timezone.localdate().year + 1
MEETINGS = {"working-group meeting": "working_meeting", "confidential operative meeting": "operative_meeting"}
CONFIDENTIAL = {"steering_member": SECRET_MINUTES, "working_member": SECRET_MINUTES}
CONFIDENTIAL_ACTION = {"steering_member": SECRET_ACTION, "working_member": SECRET_ACTION}


def per_meeting(*, working, operative, data=None, item=None):
    """One case for the working group's meeting and one for the operative group's confidential one."""

    def kwargs_for(attr):
        def kwargs(world):
            meeting = getattr(world, attr)
            return {"pk": meeting.pk, **({"item_pk": item(meeting)} if item else {})}

        return kwargs

    def data_for(attr):
        return (lambda world: data(getattr(world, attr))) if data else None

    return {
        "working-group meeting": Case(
            kwargs=kwargs_for("working_meeting"), data=data_for("working_meeting"), **working
        ),
        "confidential operative meeting": Case(
            kwargs=kwargs_for("operative_meeting"), data=data_for("operative_meeting"), **operative
        ),
    }


def per_action_item(*, working, operative, data=None):
    def kwargs_for(attr):
        return lambda world: {"item_pk": getattr(world, attr).action_items.first().pk}

    def data_for(attr):
        return (lambda world: data(getattr(world, attr))) if data else None

    return {
        "working-group meeting": Case(
            kwargs=kwargs_for("working_meeting"), data=data_for("working_meeting"), **working
        ),
        "confidential operative meeting": Case(
            kwargs=kwargs_for("operative_meeting"), data=data_for("operative_meeting"), **operative
        ),
    }


MATRIX = {
    # The portal's pages
    "plans:dashboard": Case(GET=members(200), POST=members(405)),
    "plans:accessibility": Case(GET=everyone(200), POST=everyone(405)),
    "healthz": Case(GET=everyone(200), POST=everyone(405)),
    # Accounts
    "login": Case(
        GET=everyone(200),
        POST=everyone(REDIRECT),  # each persona logs in with its own password (anonymous with the coordinator's)
        data=None,  # built per persona in the test
    ),
    "logout": Case(GET=everyone(405), POST=everyone(LOGIN)),
    "password_change": Case(
        GET=logged_in(200),
        POST=logged_in(REDIRECT),
        data=lambda world: {
            "old_password": PASSWORD,
            "new_password1": "Nytt-passord-2026!",
            "new_password2": "Nytt-passord-2026!",
        },
    ),
    "password_change_done": Case(GET=logged_in(200), POST=logged_in(405)),
    # Measures
    "measures:measure_list": Case(GET=members(200), POST=members(405)),
    "measures:measure_export_csv": Case(GET=members(200), POST=members(405)),
    "measures:measure_export_xlsx": Case(GET=members(200), POST=members(405)),
    "measures:measure_detail": Case(
        kwargs=lambda world: {"number": world.measure.number}, GET=members(200), POST=members(405)
    ),
    "measures:status_update": Case(
        kwargs=lambda world: {"number": world.measure.number},
        # Measure 1 is the working group's: its members post status updates, the operative group does not.
        GET=members(403, coordinator=200, working_member=200),
        POST=members(403, coordinator=REDIRECT, working_member=REDIRECT),
        data=lambda world: {"status": "pagar", "date": timezone.localdate().isoformat(), "note": "I rute"},
    ),
    "measures:measure_edit": Case(
        kwargs=lambda world: {"number": world.measure.number},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=_measure_data,
    ),
    "plans:plan_edit": Case(GET=coordinator_only(200), POST=coordinator_only(REDIRECT), data=_plan_data),
    "plans:plan_item_add": Case(
        kwargs=lambda world: {"kind": "mal"},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {"order": "99", "text": "Et nytt mål"},
    ),
    "plans:plan_item_edit": Case(
        kwargs=lambda world: {"kind": "mal", "pk": world.goal.pk},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=_goal_data,
    ),
    "plans:plan_item_delete": Case(
        kwargs=lambda world: {"kind": "mal", "pk": world.goal.pk},
        GET=members(405, outsider=405),
        POST=coordinator_only(REDIRECT),
    ),
    # The plan document
    "plans:public_plan()": Case(GET=everyone(200), POST=everyone(405)),
    "plans:public_plan(period)": Case(
        kwargs=lambda world: {"period": world.plan.period}, GET=everyone(200), POST=everyone(405)
    ),
    "plans:public_plan_pdf": Case(
        kwargs=lambda world: {"period": world.plan.period}, GET=everyone(200), POST=everyone(405)
    ),
    # GET-only views that check the method first: a wrong method is 405 whoever asks.
    "plans:plan_documents": Case(GET=members(200), POST=everyone(405)),
    "plans:plan_pdf": Case(GET=members(200), POST=everyone(405)),
    "plans:status_report": Case(GET=members(200), POST=everyone(405)),
    "plans:plan_logo": Case(GET=everyone(405), POST=coordinator_only(REDIRECT), files=lambda: {"logo": _png()}),
    "plans:plan_publish": Case(
        GET=everyone(405), POST=coordinator_only(REDIRECT), data=lambda world: {"published": "on"}
    ),
    # Meetings
    # Meeting views check the login first, then the method, then the role.
    "meetings:meeting_list": Case(GET=members(200), POST=logged_in(405)),
    "meetings:year_view": Case(GET=members(200), POST=logged_in(405)),
    "meetings:calendar_settings": Case(GET=members(200), POST=logged_in(405)),
    "meetings:calendar_token_new": Case(GET=logged_in(405), POST=members(REDIRECT)),
    "meetings:calendar_token_revoke": Case(GET=logged_in(405), POST=members(REDIRECT)),
    "meetings:calendar_feed": Case(
        kwargs=lambda world: {"token": world.token.token}, GET=everyone(200), POST=everyone(405)
    ),
    "meetings:measure_action_items": Case(
        kwargs=lambda world: {"pk": world.measure.pk},
        GET=members(200),
        POST=logged_in(405),
        hidden_from=CONFIDENTIAL_ACTION,
    ),
    "meetings:series_create_year": {
        "working-group series": Case(
            kwargs=lambda world: {"pk": world.working_meeting.series_id},
            GET=logged_in(405),
            POST=coordinator_only(REDIRECT),
            data=lambda world: {"year": str(NEXT_YEAR)},
        ),
    },
    "meetings:meeting_detail": per_meeting(
        working={"GET": members(200), "POST": logged_in(405)},
        operative={"GET": members(200), "POST": logged_in(405), "hidden_from": CONFIDENTIAL | CONFIDENTIAL_ACTION},
    ),
    "meetings:minutes_pdf": per_meeting(
        working={"GET": members(200), "POST": logged_in(405)},
        operative={"GET": members(200), "POST": logged_in(405)},
    ),
    "meetings:meeting_edit": per_meeting(
        working={"GET": coordinator_only(200), "POST": coordinator_only(REDIRECT)},
        operative={"GET": coordinator_only(200), "POST": coordinator_only(REDIRECT)},
        data=_meeting_data,
    ),
    "meetings:minutes_edit": per_meeting(
        working={
            "GET": members(200, steering_member=403, operative_member=403),
            "POST": members(REDIRECT, steering_member=403, operative_member=403),
        },
        operative={
            "GET": members(200, steering_member=403, working_member=403),
            "POST": members(REDIRECT, steering_member=403, working_member=403),
        },
        data=lambda meeting: {"minutes": "Ny tekst i referatet", "version": version_of(meeting)},
    ),
    "meetings:minutes_approve": per_meeting(
        working={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
        operative={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
    ),
    "meetings:minutes_reopen": per_meeting(
        working={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
        operative={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
    ),
    "meetings:agenda_item_add": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
        data=lambda meeting: {"agenda-title": "En ny sak"},
    ),
    "meetings:agenda_measure_add": per_meeting(
        working={"GET": logged_in(405), "POST": members(404, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(404, steering_member=403, working_member=403)},
        data=lambda meeting: {"measure": "0"},
    ),
    "meetings:agenda_item_delete": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
        item=_agenda_item,
    ),
    "meetings:agenda_item_move": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
        item=_agenda_item,
        data=lambda meeting: {"direction": "up"},
    ),
    "meetings:attendance_save": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
        data=_attendance,
    ),
    "meetings:action_item_add": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
        data=lambda meeting: {"action-kind": "oppfolging", "action-text": "Ny oppfølging"},
    ),
    "meetings:action_item_edit": per_action_item(
        working={
            "GET": members(200, steering_member=403, operative_member=403),
            "POST": members(REDIRECT, steering_member=403, operative_member=403),
        },
        operative={
            "GET": members(200, steering_member=403, working_member=403),
            "POST": members(REDIRECT, steering_member=403, working_member=403),
        },
        data=_action_item_data,
    ),
    "meetings:action_item_toggle": per_action_item(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
    ),
}


def urlconf_names():
    """The name of every URL pattern outside the admin, as the matrix keys it."""
    found = []

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found.append((name, sorted(pattern.pattern.converters)))

    walk(get_resolver().url_patterns)
    names = [name for name, _params in found]
    return {f"{name}({','.join(params)})" if names.count(name) > 1 else name for name, params in found}


def test_every_url_of_the_urlconf_has_a_row_in_the_access_matrix(settings):
    assert not settings.DEBUG  # the media route exists only with DEBUG
    assert set(MATRIX) == urlconf_names()


def _cases():
    for name, entry in MATRIX.items():
        if isinstance(entry, Case):
            yield pytest.param(name, entry, id=name)
        else:
            for label, case in entry.items():
                yield pytest.param(name, case, id=f"{name} [{label}]")


def _client(world, persona):
    client = Client()
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    return client


def outcome(response):
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith(reverse("login")) else REDIRECT
    return response.status_code


def _post_data(name, case, world, persona):
    if name == "login":
        user = world.users[persona] or world.users["coordinator"]
        return {"username": user.username, "password": PASSWORD}
    data = case.data(world) if case.data else {}
    if case.files:
        data.update(case.files())
    return data


@pytest.mark.parametrize(("name", "case"), list(_cases()))
def test_access_matrix(world, name, case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse(name.split("(")[0], kwargs=case.kwargs(world) if case.kwargs else None)
    assert set(case.GET) == set(case.POST) == set(PERSONAS), "every persona needs an expected outcome"
    wrong = []
    for persona in PERSONAS:
        response = _client(world, persona).get(url)
        if outcome(response) != case.GET[persona]:
            wrong.append(f"GET {url} as {persona}: {outcome(response)}, expected {case.GET[persona]}")
        if persona in case.hidden_from and response.status_code == 200:
            assert case.hidden_from[persona].encode() not in response.content, f"{persona} sees {url}"
        with transaction.atomic():
            response = _client(world, persona).post(url, _post_data(name, case, world, persona))
            transaction.set_rollback(True)
        if outcome(response) != case.POST[persona]:
            wrong.append(f"POST {url} as {persona}: {outcome(response)}, expected {case.POST[persona]}")
    assert not wrong, "\n".join(wrong)


# Content, not just status: a working-group member reads the date of the operative group's meeting only.


@pytest.mark.parametrize("persona", ["steering_member", "working_member"])
def test_confidential_minutes_stay_out_of_what_other_groups_can_open(world, persona):
    client = _client(world, persona)
    meeting = world.operative_meeting
    for url in (
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:meeting_list"),
        reverse("meetings:measure_action_items", args=[world.measure.pk]),
        reverse("plans:dashboard"),
    ):
        page = client.get(url).content.decode()
        assert SECRET_MINUTES not in page and SECRET_ACTION not in page, url
    pdf = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Konfidensielt" in text and SECRET_MINUTES not in text


@pytest.mark.parametrize("persona", ["coordinator", "operative_member"])
def test_the_operative_group_and_the_coordinator_read_the_confidential_minutes(world, persona):
    page = _client(world, persona).get(reverse("meetings:meeting_detail", args=[world.operative_meeting.pk]))
    assert SECRET_MINUTES in page.content.decode() and SECRET_ACTION in page.content.decode()


# The admin: only staff accounts (the coordinator) get in.


def test_the_coordinator_with_is_staff_reaches_the_admin(world):
    coordinator = world.users["coordinator"]
    coordinator.is_staff = True
    coordinator.save()
    client = _client(world, "coordinator")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/measures/measure/").status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "steering_member", "working_member", "operative_member"])
def test_everyone_else_is_sent_to_the_admin_login(world, persona):
    response = _client(world, persona).get("/admin/measures/measure/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_staff_account_of_the_steering_group_may_read_but_not_change_in_the_admin(world):
    steering = world.users["steering_member"]
    User.objects.filter(pk=steering.pk).update(is_staff=True)
    client = _client(world, "steering_member")
    change_url = f"/admin/measures/measure/{world.measure.pk}/change/"
    assert client.get(change_url).status_code == 200  # the admin's read-only view
    assert client.post(change_url, {"title": "Endret"}).status_code == 403
    assert client.post("/admin/measures/measure/add/", {}).status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403
