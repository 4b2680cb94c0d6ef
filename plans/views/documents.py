"""The plan's documents for the roles: the plan PDF, the status report, the logo and publishing."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from measures.lookup import plan_or_404
from measures.models import ActionPlan
from participants.roles import is_coordinator

from ..documents import default_since, render_plan_pdf, render_status_report_pdf
from ..forms import AnnualReportStartForm, LogoForm, PublishForm, StatusReportForm
from ..services import logo_discard_unused

VIEW_PERMISSION = "measures.view_measure"
logger = logging.getLogger(__name__)


def pdf_response(pdf, filename, *, attachment):
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def plan_filename(plan):
    return f"slt-handlingsplan-{slugify(plan.municipality)}-{plan.period}.pdf"


def version_pdf_response(request, version, *, attachment, filename=None):
    """The archived bytes of an adopted version, checked against their SHA-256.

    A version never changes, so a browser that has it is answered 304 Not Modified.
    """
    etag = f'"{version.pdf_sha256}"'
    last_modified = version.created_at.timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if not_modified is not None:
        return not_modified
    if not version.pdf_is_intact():
        logger.error("The archived PDF of %s does not match its SHA-256.", version)
        return HttpResponseServerError(_("The archived copy of this version is damaged; it is not served."))
    name = filename or plan_filename(version.plan).removesuffix(".pdf") + f"-versjon-{version.number}.pdf"
    response = pdf_response(bytes(version.pdf), name, attachment=attachment)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _documents_page(request, plan, *, status_form=None, logo_form=None, status=200):
    versions = list(plan.versions.summaries().latest_first().select_related("adopted_by"))
    context = {
        "plan": plan,
        "versions": versions,
        "adopted_version": versions[0] if versions else None,
        "show_changes_link": is_coordinator(request.user),
        "status_form": status_form or StatusReportForm(initial={"since": default_since()}),
        "logo_form": logo_form or LogoForm(instance=plan),
        "can_change_plan": is_coordinator(request.user),
        "can_publish": request.user.has_perm("measures.publish_actionplan"),
        "status_reports": list(
            plan.status_reports.frozen().defer("pdf").select_related("meeting__series", "frozen_by")
        ),
        "status_draft": plan.status_reports.drafts().defer("pdf").first(),
        "annual_reports": list(plan.annual_reports.defer("pdf", "docx")),
        "annual_form": AnnualReportStartForm(plan=plan),
    }
    return render(request, "plans/documents.html", context, status=status)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def plan_documents(request):
    return _documents_page(request, plan_or_404())


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def plan_pdf(request):
    """The adopted plan: the archived copy of its latest version, or the plan as it stands before any."""
    plan = plan_or_404(ActionPlan.objects.select_related("adopted_by"), request.GET.get("period"))
    version = plan.versions.with_pdf().latest_first().select_related("plan").first()
    if version is not None:
        return version_pdf_response(request, version, attachment=True, filename=plan_filename(plan))
    return pdf_response(render_plan_pdf(plan), plan_filename(plan), attachment=True)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def status_report(request):
    plan = plan_or_404()
    form = StatusReportForm(request.GET or {"since": default_since().isoformat()})
    if not form.is_valid():
        return _documents_page(request, plan, status_form=form, status=400)
    pdf = render_status_report_pdf(plan, since=form.cleaned_data["since"])
    filename = f"statusrapport-{slugify(plan.municipality)}-{plan.period}.pdf"
    return pdf_response(pdf, filename, attachment=True)


@require_POST
@login_required
@permission_required("measures.change_actionplan", raise_exception=True)
def plan_logo(request):
    with transaction.atomic():
        # Only the plan row is locked: finding the current plan joins its successors.
        plan = plan_or_404(ActionPlan.objects.select_for_update(of=("self",)))
        replaced = plan.logo.name
        form = LogoForm(request.POST, request.FILES, instance=plan)
        if form.is_valid():
            form.save()
            logo_discard_unused(name=replaced)
            messages.success(request, _("The logo is saved; the plan PDF uses it from now on."))
            return redirect("plans:plan_documents")
    return _documents_page(request, plan, logo_form=form, status=400)


@require_POST
@login_required
@permission_required("measures.publish_actionplan", raise_exception=True)
def plan_publish(request):
    plan = plan_or_404()
    form = PublishForm(request.POST)
    form.is_valid()  # a checkbox: anything but a true value means "not published"
    plan.published = form.cleaned_data.get("published", False)
    plan.save()
    if plan.published:
        messages.success(request, _("The plan is published: everyone can read it without logging in."))
    else:
        messages.success(request, _("The plan is no longer published: the public plan page is closed."))
    return redirect("plans:plan_documents")
