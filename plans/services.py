"""Workflows over the plan as a whole: adopting a version, importing a plan file, the next period."""

import datetime
import hashlib

import yaml
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from measures.models import (
    ACTIVE_STATUSES,
    ActionPlan,
    AnnualReport,
    AnnualReportAssessment,
    MeasureRollover,
    PlanVersion,
    ReportFrozenError,
    RolloverDecision,
    Status,
    StatusUpdate,
)
from meetings.models import StatusReport, StatusReportAssessment
from meetings.services import meetings_create_for_year
from participants.models import Body, WrittenStandard

from .documents import render_adopted_plan
from .planfile import PlanFileError, export_plan, import_plan
from .planfile.checks import Loader
from .reports import render_annual_report_pdf, render_status_report_record
from .revisions import compare_plan_files, without_running_settings
from .wordfile import render_annual_report_docx


@transaction.atomic
def plan_adopt(*, plan, adopted_on, adopted_by, case_reference="", user=None):
    """Record the adoption of the plan as it stands and freeze it as the next version.

    The version keeps the plan as plan-file text, the public page's HTML and the PDF's bytes;
    the working plan goes on as the draft of the next revision.
    """
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.summaries().latest_first().first()
    if plan.adopted_on != adopted_on or plan.adopted_by != adopted_by:
        plan.adopted_on = adopted_on
        plan.adopted_by = adopted_by
        plan.save()
    page, pdf = render_adopted_plan(plan)
    return PlanVersion.objects.create(
        plan=plan,
        number=latest.number + 1 if latest else 1,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        case_reference=case_reference,
        # Kept without surrounding whitespace, which a backup (Django's XML) would not give back.
        plan_file=export_plan(plan).strip(),
        html=page.strip(),
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        language=plan.written_standard,
        created_by=user,
    )


def _adopted_content(plan_file):
    """A plan file's content as a political body adopts it: without the publishing flag or the adoption."""
    content = yaml.load(plan_file, Loader=Loader)  # noqa: S506 - a safe loader
    for key in ("published", "adopted_on", "adopted_by"):
        content.pop(key, None)
    # Versions adopted before the plan file named its written standard were bokmål.
    content.setdefault("written_standard", WrittenStandard.BOKMAL)
    return without_running_settings(content)


@transaction.atomic
def plan_file_import(*, data):
    """Write a validated plan file; a file that carries an adoption date is an adopted version.

    A file adopted on the date of a version already kept must hold exactly that version, so that
    importing the same file again changes nothing; one that differs is refused and writes nothing.
    A file adopted later than the latest version becomes the next version.
    """
    try:
        plan = import_plan(data=data)
    except ProtectedError as protected:
        kept = sorted({str(obj) for obj in protected.protected_objects})[:5]
        raise PlanFileError(
            [
                _(
                    "The file leaves out measures or regular meetings that reports of record or an earlier "
                    "period refer to (%(kept)s). Those are kept: put them back in the file."
                )
                % {"kept": "; ".join(kept)}
            ]
        ) from protected
    adopted_on = data["adopted_on"]
    if adopted_on is None:
        return plan
    versions = list(plan.versions.order_by("number").select_related("adopted_by"))
    kept = next((version for version in versions if version.adopted_on == adopted_on), None)
    if kept is not None:
        kept_by = kept.adopted_by.key if kept.adopted_by else None
        changes = compare_plan_files(kept.plan_file, export_plan(plan))
        if data["adopted_by"] != kept_by or _adopted_content(kept.plan_file) != _adopted_content(export_plan(plan)):
            shown = ", ".join(" ".join(filter(None, [row["item"], row["field"]])) for row in changes[:5])
            raise PlanFileError(
                [
                    _(
                        "The file says the plan was adopted on %(date)s, but it differs from adopted version "
                        "%(number)s of that date (%(changes)s). An adopted version never changes: remove "
                        "adopted_on from the file to load it as a working draft, or register a new adoption."
                    )
                    % {"date": date_format(adopted_on, "d.m.Y"), "number": kept.number, "changes": shown or "-"}
                ]
            )
        return plan
    if versions and adopted_on < versions[-1].adopted_on:
        raise PlanFileError(
            [
                _("The file's adoption date %(date)s is earlier than adopted version %(number)s (%(latest)s).")
                % {
                    "date": date_format(adopted_on, "d.m.Y"),
                    "number": versions[-1].number,
                    "latest": date_format(versions[-1].adopted_on, "d.m.Y"),
                }
            ]
        )
    adopted_by = Body.objects.filter(key=data["adopted_by"]).first() if data["adopted_by"] else None
    plan_adopt(plan=plan, adopted_on=adopted_on, adopted_by=adopted_by)
    return plan


def _copy(instance, **changes):
    """A new row with the instance's own values (relations to other rows included), changed where told."""
    values = {
        field.name: getattr(instance, field.name)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.name != "updated_at"
    }
    return type(instance)._default_manager.create(**{**values, **changes})


CARRIED_ON = (RolloverDecision.CONTINUE, RolloverDecision.CHANGED)


@transaction.atomic
def plan_rollover(*, plan, period_start, period_end, title, decisions, generate_meetings=False, user=None):
    """Start the plan of the next period from this one; the old plan stays as history.

    `decisions` holds, for every measure number, (decision, reason). Continued measures are
    numbered anew in their order; a completed or ended measure gets its last status update with
    the reason. Chapters, goals, focus areas, links and meeting series carry over (bodies and
    seats belong to the organisation and stay as they are). All or nothing: one transaction.
    """
    new_plan = _copy(
        plan,
        period_start=period_start,
        period_end=period_end,
        title=title,
        adopted_on=None,
        adopted_by=None,
        published=False,
        predecessor=plan,
    )
    for goal in plan.goals.all():
        _copy(goal, plan=new_plan)
    areas = {area.pk: _copy(area, plan=new_plan) for area in plan.focus_areas.all()}
    successors = {}
    measures = plan.measures.prefetch_related("responsible_bodies", "responsible_organizations", "focus_areas")
    for measure in measures:
        decision, reason = decisions[measure.number]
        successor = None
        if decision in CARRIED_ON:
            status = measure.status if measure.status in ACTIVE_STATUSES else Status.PLANNED
            successor = _copy(measure, plan=new_plan, number=len(successors) + 1, status=status)
            successor.responsible_bodies.set(measure.responsible_bodies.all())
            successor.responsible_organizations.set(measure.responsible_organizations.all())
            successor.focus_areas.set([areas[area.pk] for area in measure.focus_areas.all()])
            successors[measure.pk] = successor
        else:
            closing = Status.COMPLETED if decision == RolloverDecision.COMPLETED else Status.ENDED
            StatusUpdate.objects.create(measure=measure, status=closing, note=reason, author=user)
            if measure.status != closing:
                measure.status = closing
                measure.save()
        MeasureRollover.objects.create(
            plan=new_plan, measure=measure, decision=decision, reason=reason, successor=successor
        )
    for link in plan.links.all():
        if link.measure_id is None:
            _copy(link, plan=new_plan)
        elif link.measure_id in successors:
            _copy(link, plan=new_plan, measure=successors[link.measure_id])
    for series in plan.meeting_series.prefetch_related("bodies", "standing_items"):
        carried = _copy(series, plan=new_plan)
        carried.bodies.set(series.bodies.all())
        for item in series.standing_items.all():
            _copy(item, series=carried)
        if generate_meetings:
            for year in range(period_start, period_end + 1):
                meetings_create_for_year(series=carried, year=year)
    return new_plan


def logo_discard_unused(*, name: str) -> None:
    """Delete a replaced or removed logo from storage once the change is committed.

    Only when no plan uses it any more: a plan of the next period starts with its predecessor's
    logo, the same file.
    """
    if not name:
        return

    def discard():
        if not ActionPlan.objects.filter(logo=name).exists():
            default_storage.delete(name)

    transaction.on_commit(discard)


# Reports of record: drafts written in the portal, then frozen with their documents as bytes.


def status_report_default_period(*, plan, today=None):
    """(from, to) of a new status report: from the day after the previous report's period, or the plan's start."""
    today = today or timezone.localdate()
    previous = plan.status_reports.frozen().order_by("-number").first()
    start = previous.period_end + datetime.timedelta(days=1) if previous else plan.first_day
    return min(start, today), today


@transaction.atomic
def status_report_start(*, plan, user=None, meeting=None):
    """The plan's draft status report: the one being written, else a new one for the default period."""
    ActionPlan.objects.select_for_update().get(pk=plan.pk)  # two clicks at once make one draft
    draft = plan.status_reports.drafts().first()
    if draft is not None:
        return draft
    start, end = status_report_default_period(plan=plan)
    return StatusReport.objects.create(plan=plan, period_start=start, period_end=end, meeting=meeting, created_by=user)


def _locked_draft(model, report):
    locked = model.objects.select_for_update().get(pk=report.pk)
    if locked.is_frozen:
        raise ReportFrozenError(report)
    return locked


def _save_assessments(report, assessment_model, assessments):
    """Write the coordinator's assessment per measure ({measure id: text}); an empty text keeps no row."""
    kept = {row.measure_id: row for row in report.assessments.all()}
    for measure_id, text in assessments.items():
        text = text.strip()
        row = kept.get(measure_id)
        if row is None and text:
            assessment_model.objects.create(report=report, measure_id=measure_id, text=text)
        elif row is not None and not text:
            row.delete()
        elif row is not None and row.text != text:
            row.text = text
            row.save()


@transaction.atomic
def status_report_save(*, report, period_start, period_end, meeting, overall_assessment, assessments):
    """Save a draft's period, meeting and texts; a frozen report is refused (ReportFrozenError)."""
    report = _locked_draft(StatusReport, report)
    report.period_start, report.period_end = period_start, period_end
    report.meeting = meeting
    report.overall_assessment = overall_assessment.strip()
    report.save()
    _save_assessments(report, StatusReportAssessment, assessments)
    return report


@transaction.atomic
def status_report_freeze(*, report, user=None):
    """Freeze a draft: it gets the plan's next number and its PDF is rendered and kept with its SHA-256."""
    ActionPlan.objects.select_for_update().get(pk=report.plan_id)  # numbers are given one at a time
    report = _locked_draft(StatusReport, report)
    latest = report.plan.status_reports.frozen().order_by("-number").first()
    report.number = latest.number + 1 if latest else 1
    report.frozen_at = timezone.now()
    report.frozen_by = user
    pdf = render_status_report_record(report)
    report.pdf, report.pdf_sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    report.save()
    return report


@transaction.atomic
def status_report_discard(*, report):
    """Throw away a draft; a frozen report is refused (ReportFrozenError)."""
    report = _locked_draft(StatusReport, report)
    report.assessments.all().delete()
    report.delete()


@transaction.atomic
def annual_report_start(*, plan, year, user=None):
    """The plan's årsrapport for the year: the one kept (draft or frozen), else a new draft."""
    ActionPlan.objects.select_for_update().get(pk=plan.pk)
    report, _created = AnnualReport.objects.get_or_create(plan=plan, year=year, defaults={"created_by": user})
    return report


@transaction.atomic
def annual_report_save(*, report, overall_assessment, next_steps, assessments):
    report = _locked_draft(AnnualReport, report)
    report.overall_assessment = overall_assessment.strip()
    report.next_steps = next_steps.strip()
    report.save()
    _save_assessments(report, AnnualReportAssessment, assessments)
    return report


@transaction.atomic
def annual_report_freeze(*, report, user=None):
    """Freeze the årsrapport once adopted: its PDF and Word file are kept with their SHA-256."""
    report = _locked_draft(AnnualReport, report)
    report.frozen_at = timezone.now()
    report.frozen_by = user
    pdf = render_annual_report_pdf(report)
    docx = render_annual_report_docx(report)
    report.pdf, report.pdf_sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    report.docx, report.docx_sha256 = docx, hashlib.sha256(docx).hexdigest()
    report.save()
    return report
