"""The access policy written down: every URL of the portal × every persona × GET and POST.

test_access_matrix.py checks it against the URLconf, so a new URL without a row here fails
`test_every_url_of_the_urlconf_has_a_row_in_the_access_matrix`.

Outcomes: a status code, LOGIN (302 to the login page) or REDIRECT (302 anywhere else: the POST
did its work). Each POST runs inside a savepoint that is rolled back, so every persona meets the
same data.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.utils import timezone
from PIL import Image

from measures.forms import MeasureForm
from measures.models import Activity, AnnualReport, Indicator
from measures.reports import sha256
from measures.versioning import version_of
from meetings.forms import ActionItemForm, MeetingForm
from meetings.models import StatusReport
from plans import services
from plans.forms import ActionPlanTextsForm, AnnualReportDraftForm, GoalForm, StatusReportDraftForm
from tests.conftest import PASSWORD

from .access_policy_organisation import org_cases
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


def _activity(world):
    activity, _created = Activity.objects.get_or_create(
        measure=world.measure, title="Undervisning om sosiale medier", year=2026, month=3,
        defaults={"sort_date": datetime.date(2026, 3, 1), "target_group": "8. trinn"},
    )  # fmt: skip
    return activity


def _indicator(world):
    indicator, _created = Indicator.objects.get_or_create(plan=world.plan, name="Trives på skolen")
    return indicator


def _csv():
    upload = io.BytesIO("indikator;enhet;år;verdi\nTrives på skolen;prosent;2025;88,2\n".encode())
    upload.name = "tall.csv"
    return upload


def _plan_data(world):
    return {**form_data(ActionPlanTextsForm(instance=world.plan)), "title": "Endret tittel"}


def _meeting_data(meeting):
    return {**form_data(MeetingForm(instance=meeting)), "location": "Rådhuset, møterom 2"}


def _action_item_data(meeting):
    item = meeting.action_items.first()
    return {**form_data(ActionItemForm(instance=item, plan=meeting.series.plan)), "text": "Endret oppfølging"}


def _agenda_item(meeting):
    return meeting.agenda_items.order_by("order").last().pk


def _status_draft(world):
    return services.status_report_start(plan=world.plan, user=world.users["coordinator"])


def _annual_draft(world):
    return services.annual_report_start(plan=world.plan, year=2026, user=world.users["coordinator"])


ARCHIVED = b"%PDF-1.7 archived bytes"


def _frozen_status_report(world):
    """A frozen report as the database keeps it (rendering its PDF is the services' tests' business)."""
    report, _created = StatusReport.objects.get_or_create(
        plan=world.plan,
        number=1,
        defaults={
            "period_start": world.plan.first_day,
            "period_end": timezone.localdate(),
            "frozen_at": timezone.now(),
            "pdf": ARCHIVED,
            "pdf_sha256": sha256(ARCHIVED),
        },
    )
    return {"number": report.number}


def _frozen_annual_report(world):
    report, _created = AnnualReport.objects.get_or_create(
        plan=world.plan,
        year=2027,
        defaults={
            "frozen_at": timezone.now(),
            "pdf": ARCHIVED,
            "pdf_sha256": sha256(ARCHIVED),
            "docx": b"PK archived",
            "docx_sha256": sha256(b"PK archived"),
        },
    )
    return {"year": report.year}


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
    # A user without a role is sent to the public plan page, not refused.
    "plans:dashboard": Case(GET=members(200, outsider=REDIRECT), POST=logged_in(405)),
    "plans:my_tasks": Case(GET=logged_in(200), POST=logged_in(405)),
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
    "user_list": Case(GET=coordinator_only(200), POST=logged_in(405)),
    "user_password_reset": Case(
        kwargs=lambda world: {"pk": world.users["working_member"].pk},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {"new_password1": "Nytt-passord-2026!", "new_password2": "Nytt-passord-2026!"},
    ),
    "profile": Case(
        GET=logged_in(200),
        POST=logged_in(REDIRECT),
        data=lambda world: {"email": "ny@example.org", "phone": "+47 51 61 23 45", "weekly_digest": "on"},
    ),
    # Measures
    "measures:measure_list": Case(GET=members(200), POST=members(405)),
    "measures:measure_search": Case(GET=members(200), POST=members(405)),
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
    "measures:measure_updates": Case(
        kwargs=lambda world: {"number": world.measure.number}, GET=members(200), POST=members(405)
    ),
    "measures:measure_history": Case(
        kwargs=lambda world: {"number": world.measure.number}, GET=members(200), POST=members(405)
    ),
    "measures:measure_edit": Case(
        kwargs=lambda world: {"number": world.measure.number},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=_measure_data,
    ),
    "measures:activity_add": Case(
        kwargs=lambda world: {"number": world.measure.number},
        # Measure 1 is the working group's: its members add activities, the other groups do not.
        GET=members(403, coordinator=200, working_member=200),
        POST=members(403, coordinator=REDIRECT, working_member=REDIRECT),
        data=lambda world: {"title": "Foreldremøte om rus", "year": "2026", "month": "10", "target_group": "foreldre"},
    ),
    "measures:activity_toggle": Case(
        kwargs=lambda world: {"number": world.measure.number, "pk": _activity(world).pk},
        GET=logged_in(405),
        POST=members(403, coordinator=REDIRECT, working_member=REDIRECT),
    ),
    # Indicators: every role reads them; only the coordinator enters values.
    "measures:indicator_list": Case(GET=members(200), POST=members(405)),
    "measures:indicator_add": Case(
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {"name": "Ny indikator", "unit": "antall", "source": "politiet", "good_direction": "ned"},
    ),
    "measures:indicator_edit": Case(
        kwargs=lambda world: {"pk": _indicator(world).pk},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {"name": "Trives", "unit": "prosent", "source": "ungdata", "good_direction": "opp"},
    ),
    "measures:indicator_value_add": Case(
        kwargs=lambda world: {"pk": _indicator(world).pk},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {"year": "2025", "half": "0", "value": "88,2", "sample_size": "405"},
    ),
    "measures:indicator_upload": Case(
        GET=coordinator_only(200), POST=coordinator_only(REDIRECT), files=lambda: {"file": _csv()}
    ),
    "measures:indicator_example": Case(GET=coordinator_only(200), POST=logged_in(405)),
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
    "plans:plan_draft_pdf": Case(GET=members(200), POST=everyone(405)),
    "plans:plan_version_pdf": Case(kwargs=lambda world: {"number": 1}, GET=members(200), POST=everyone(405)),
    "plans:plan_rollover": Case(
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {
            "period_start": "2028",
            "period_end": "2029",
            "title": "SLT-handlingsplan 2028–2029",
            **{f"decision_{number}": "videre" for number in world.plan.measures.values_list("number", flat=True)},
        },
    ),
    "plans:plan_changes": Case(GET=coordinator_only(200), POST=everyone(405)),
    "plans:plan_adopt": Case(
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: {
            "adopted_on": timezone.localdate().isoformat(),
            "adopted_by": str(world.plan.adopted_by_id),
            "case_reference": "26/12",
        },
    ),
    # Reports of record: the coordinator writes and freezes them, every role downloads the frozen ones.
    "plans:status_report_new": Case(GET=everyone(405), POST=coordinator_only(REDIRECT)),
    "plans:status_report_edit": Case(
        kwargs=lambda world: {"pk": _status_draft(world).pk},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: form_data(StatusReportDraftForm(instance=_status_draft(world))),
    ),
    "plans:status_report_preview": Case(
        kwargs=lambda world: {"pk": _status_draft(world).pk}, GET=coordinator_only(200), POST=everyone(405)
    ),
    "plans:status_report_freeze": Case(
        kwargs=lambda world: {"pk": _status_draft(world).pk},
        GET=everyone(405),
        POST=coordinator_only(REDIRECT),
        data=lambda world: form_data(StatusReportDraftForm(instance=_status_draft(world))),
    ),
    "plans:status_report_discard": Case(
        kwargs=lambda world: {"pk": _status_draft(world).pk}, GET=everyone(405), POST=coordinator_only(REDIRECT)
    ),
    "plans:status_report_record_pdf": Case(kwargs=_frozen_status_report, GET=members(200), POST=everyone(405)),
    "plans:annual_report_new": Case(
        GET=everyone(405), POST=coordinator_only(REDIRECT), data=lambda world: {"year": "2026"}
    ),
    "plans:annual_report_edit": Case(
        kwargs=lambda world: {"year": _annual_draft(world).year},
        GET=coordinator_only(200),
        POST=coordinator_only(REDIRECT),
        data=lambda world: form_data(AnnualReportDraftForm(instance=_annual_draft(world))),
    ),
    "plans:annual_report_preview": Case(
        kwargs=lambda world: {"year": _annual_draft(world).year}, GET=coordinator_only(200), POST=everyone(405)
    ),
    "plans:annual_report_freeze": Case(
        kwargs=lambda world: {"year": _annual_draft(world).year},
        GET=everyone(405),
        POST=coordinator_only(REDIRECT),
        data=lambda world: form_data(AnnualReportDraftForm(instance=_annual_draft(world))),
    ),
    "plans:annual_report_pdf": Case(kwargs=_frozen_annual_report, GET=members(200), POST=everyone(405)),
    "plans:annual_report_docx": Case(kwargs=_frozen_annual_report, GET=members(200), POST=everyone(405)),
    "plans:plan_logo": Case(GET=everyone(405), POST=coordinator_only(REDIRECT), files=lambda: {"logo": _png()}),
    "plans:plan_publish": Case(
        GET=everyone(405), POST=coordinator_only(REDIRECT), data=lambda world: {"published": "on"}
    ),
    # Meetings
    # Meeting views check the login first, then the method, then the role.
    "meetings:meeting_list": Case(GET=members(200), POST=logged_in(405)),
    "meetings:year_view": Case(GET=members(200), POST=logged_in(405)),
    "meetings:minutes_access_log": Case(GET=coordinator_only(200), POST=logged_in(405)),
    "meetings:calendar_settings": Case(GET=members(200), POST=logged_in(405)),
    "meetings:calendar_token_new": Case(GET=logged_in(405), POST=members(REDIRECT)),
    "meetings:calendar_token_revoke": Case(GET=logged_in(405), POST=members(REDIRECT)),
    "meetings:calendar_feed": Case(kwargs=lambda world: {"token": world.token}, GET=everyone(200), POST=everyone(405)),
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
    # Approving: the coordinator (the meetings name no chair); a meeting that has started (world).
    "meetings:minutes_approve": per_meeting(
        working={"GET": coordinator_only(200), "POST": coordinator_only(REDIRECT)},
        operative={"GET": coordinator_only(200), "POST": coordinator_only(REDIRECT)},
    ),
    # The innkalling: the coordinator sends it (the meetings name no chair); everyone who reads gets the PDF,
    # which for a confidential series names no case.
    "meetings:notice_send": per_meeting(
        working={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
        operative={"GET": logged_in(405), "POST": coordinator_only(REDIRECT)},
    ),
    "meetings:notice_pdf": per_meeting(
        working={"GET": members(200), "POST": logged_in(405)},
        operative={"GET": members(200), "POST": logged_in(405)},
    ),
    "meetings:minutes_submit": per_meeting(
        working={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, operative_member=403)},
        operative={"GET": logged_in(405), "POST": members(REDIRECT, steering_member=403, working_member=403)},
    ),
    # Without ?blokk= naming a sak of the meeting there is no row to add: 404 for those who may edit.
    "meetings:minutes_new_row": per_meeting(
        working={"GET": members(404, steering_member=403, operative_member=403), "POST": logged_in(405)},
        operative={"GET": members(404, steering_member=403, working_member=403), "POST": logged_in(405)},
    ),
    "meetings:minutes_new_sak": per_meeting(
        working={"GET": members(200, steering_member=403, operative_member=403), "POST": logged_in(405)},
        operative={"GET": members(200, steering_member=403, working_member=403), "POST": logged_in(405)},
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
    "meetings:agenda_item_new": per_meeting(
        working={"GET": members(200, steering_member=403, operative_member=403), "POST": logged_in(405)},
        operative={"GET": members(200, steering_member=403, working_member=403), "POST": logged_in(405)},
    ),
    "meetings:action_item_new": per_meeting(
        working={"GET": members(200, steering_member=403, operative_member=403), "POST": logged_in(405)},
        operative={"GET": members(200, steering_member=403, working_member=403), "POST": logged_in(405)},
    ),
    # The open action items of earlier meetings: those who may read the meeting's content.
    "meetings:earlier_action_items": per_meeting(
        working={"GET": members(200), "POST": logged_in(405)},
        operative={"GET": members(200, steering_member=403, working_member=403), "POST": logged_in(405)},
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
    **org_cases(),
}
