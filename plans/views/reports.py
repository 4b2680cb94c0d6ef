"""Reports of record: the steering group's numbered status reports and the årsrapport.

The coordinator starts a draft, writes the assessments on one page, previews the PDF and
freezes it; everyone with a role downloads the frozen documents, checked against their SHA-256.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from measures.lookup import plan_or_404
from measures.models import ActionPlan, AnnualReport, ReportFrozenError
from meetings.models import StatusReport
from participants.roles import require_coordinator

from .. import services
from ..forms import AnnualReportDraftForm, AnnualReportStartForm, StatusReportDraftForm
from ..reports import render_annual_report_pdf, render_status_report_record
from .documents import VIEW_PERMISSION, pdf_response

logger = logging.getLogger(__name__)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def archived_response(request, report, *, data, digest, intact, filename, content_type):
    """A frozen report's document as kept, if its bytes still match their SHA-256; never the bytes otherwise."""
    etag = f'"{digest}"'
    moment = int(report.frozen_at.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=moment)
    if not_modified is not None:
        return not_modified
    if not intact:
        logger.error("The archived %s of %s does not match its SHA-256.", filename, report)
        return HttpResponseServerError(
            _("The archived copy of this report is damaged and is not served. Ask the coordinator to restore it.")
        )
    response = HttpResponse(bytes(data), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(moment)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _frozen_refused(request):
    messages.error(request, _("The report is frozen: it is a document of record and cannot be changed."))
    return redirect("plans:plan_documents")


def _base_name(plan):
    return f"{slugify(plan.municipality)}-{plan.period}"


# Status reports


def _draft(plan, pk, *, for_update=False):
    reports = StatusReport.objects.select_related("plan", "meeting__series")
    if for_update:
        reports = reports.select_for_update(of=("self",))
    return get_object_or_404(reports, pk=pk, plan=plan)


@require_POST
@login_required
def status_report_new(request):
    require_coordinator(request.user)
    report = services.status_report_start(plan=plan_or_404(), user=request.user)
    return redirect("plans:status_report_edit", pk=report.pk)


def _status_edit_page(request, form, *, status=200):
    context = {"plan": form.instance.plan, "report": form.instance, "form": form}
    return render(request, "plans/status_report_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def status_report_edit(request, pk):
    require_coordinator(request.user)
    with transaction.atomic():
        report = _draft(plan_or_404(), pk, for_update=request.method == "POST")
        if report.is_frozen:
            return _frozen_refused(request)
        form = StatusReportDraftForm(request.POST or None, instance=report)
        if request.method == "POST" and form.is_valid():
            _save_status_draft(report, form)
            messages.success(request, _("The draft is saved."))
            return redirect("plans:status_report_edit", pk=report.pk)
    return _status_edit_page(request, form, status=400 if form.is_bound else 200)


def _save_status_draft(report, form):
    data = form.cleaned_data
    return services.status_report_save(
        report=report,
        period_start=data["period_start"],
        period_end=data["period_end"],
        meeting=data["meeting"],
        overall_assessment=data["overall_assessment"],
        assessments=form.assessments(),
    )


@require_POST
@login_required
def status_report_freeze(request, pk):
    """Save what the page holds and freeze it: the report gets its number and its PDF is kept."""
    require_coordinator(request.user)
    with transaction.atomic():
        report = _draft(plan_or_404(), pk, for_update=True)
        if report.is_frozen:
            return _frozen_refused(request)
        form = StatusReportDraftForm(request.POST, instance=report)
        if not form.is_valid():
            return _status_edit_page(request, form, status=400)
        try:
            report = services.status_report_freeze(report=_save_status_draft(report, form), user=request.user)
        except ReportFrozenError:
            return _frozen_refused(request)
    messages.success(request, _("Status report %(number)s is frozen and archived.") % {"number": report.number})
    return redirect("plans:plan_documents")


@require_POST
@login_required
def status_report_discard(request, pk):
    require_coordinator(request.user)
    report = _draft(plan_or_404(), pk)
    try:
        services.status_report_discard(report=report)
    except ReportFrozenError:
        return _frozen_refused(request)
    messages.success(request, _("The draft status report is deleted."))
    return redirect("plans:plan_documents")


@require_GET
@login_required
def status_report_preview(request, pk):
    """The draft as it would be frozen now, marked as a draft; nothing is kept."""
    require_coordinator(request.user)
    report = _draft(plan_or_404(), pk)
    if report.is_frozen:
        return _frozen_refused(request)
    name = f"statusrapport-utkast-{_base_name(report.plan)}.pdf"
    return pdf_response(render_status_report_record(report), name, attachment=False)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def status_report_record_pdf(request, number):
    plan = plan_or_404(ActionPlan.objects.all(), request.GET.get("period"))
    report = get_object_or_404(plan.status_reports.frozen().select_related("plan"), number=number)
    return archived_response(
        request,
        report,
        data=report.pdf,
        digest=report.pdf_sha256,
        intact=report.pdf_is_intact(),
        filename=f"statusrapport-{report.number}-{_base_name(plan)}.pdf",
        content_type="application/pdf",
    )


# The årsrapport


def _annual(plan, year, *, for_update=False):
    reports = AnnualReport.objects.select_related("plan")
    if for_update:
        reports = reports.select_for_update(of=("self",))
    return get_object_or_404(reports, plan=plan, year=year)


@require_POST
@login_required
def annual_report_new(request):
    require_coordinator(request.user)
    plan = plan_or_404()
    form = AnnualReportStartForm(request.POST, plan=plan)
    if not form.is_valid():
        messages.error(request, _("Choose a year of the plan period."))
        return redirect("plans:plan_documents")
    report = services.annual_report_start(plan=plan, year=form.cleaned_data["year"], user=request.user)
    if report.is_frozen:
        return _frozen_refused(request)
    return redirect("plans:annual_report_edit", year=report.year)


def _annual_edit_page(request, form, *, status=200):
    context = {"plan": form.instance.plan, "report": form.instance, "form": form}
    return render(request, "plans/annual_report_edit.html", context, status=status)


def _save_annual_draft(report, form):
    return services.annual_report_save(
        report=report,
        overall_assessment=form.cleaned_data["overall_assessment"],
        next_steps=form.cleaned_data["next_steps"],
        assessments=form.assessments(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def annual_report_edit(request, year):
    require_coordinator(request.user)
    with transaction.atomic():
        report = _annual(plan_or_404(), year, for_update=request.method == "POST")
        if report.is_frozen:
            return _frozen_refused(request)
        form = AnnualReportDraftForm(request.POST or None, instance=report)
        if request.method == "POST" and form.is_valid():
            _save_annual_draft(report, form)
            messages.success(request, _("The draft is saved."))
            return redirect("plans:annual_report_edit", year=report.year)
    return _annual_edit_page(request, form, status=400 if form.is_bound else 200)


@require_POST
@login_required
def annual_report_freeze(request, year):
    """Save what the page holds and freeze it once adopted: its PDF and Word file are kept."""
    require_coordinator(request.user)
    with transaction.atomic():
        report = _annual(plan_or_404(), year, for_update=True)
        if report.is_frozen:
            return _frozen_refused(request)
        form = AnnualReportDraftForm(request.POST, instance=report)
        if not form.is_valid():
            return _annual_edit_page(request, form, status=400)
        try:
            services.annual_report_freeze(report=_save_annual_draft(report, form), user=request.user)
        except ReportFrozenError:
            return _frozen_refused(request)
    messages.success(request, _("The annual report for %(year)s is frozen and archived.") % {"year": year})
    return redirect("plans:plan_documents")


@require_GET
@login_required
def annual_report_preview(request, year):
    require_coordinator(request.user)
    report = _annual(plan_or_404(), year)
    if report.is_frozen:
        return _frozen_refused(request)
    name = f"arsrapport-{year}-utkast-{_base_name(report.plan)}.pdf"
    return pdf_response(render_annual_report_pdf(report), name, attachment=False)


def _frozen_annual(request, year):
    plan = plan_or_404(ActionPlan.objects.all(), request.GET.get("period"))
    return get_object_or_404(plan.annual_reports.frozen().select_related("plan"), year=year)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def annual_report_pdf(request, year):
    report = _frozen_annual(request, year)
    return archived_response(
        request,
        report,
        data=report.pdf,
        digest=report.pdf_sha256,
        intact=report.pdf_is_intact(),
        filename=f"arsrapport-{year}-{_base_name(report.plan)}.pdf",
        content_type="application/pdf",
    )


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def annual_report_docx(request, year):
    report = _frozen_annual(request, year)
    return archived_response(
        request,
        report,
        data=report.docx,
        digest=report.docx_sha256,
        intact=report.docx_is_intact(),
        filename=f"arsrapport-{year}-{_base_name(report.plan)}.docx",
        content_type=DOCX_TYPE,
    )
