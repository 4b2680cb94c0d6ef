"""The plan document: PDF downloads for staff, the status report, and the public plan page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from measures.models import ActionPlan

from .forms import LogoForm, PublishForm, StatusReportForm
from .plan import default_since, plan_context, render_plan_pdf, render_status_report_pdf
from .planfile import PERIOD_RE


def _plan_or_404(plans, period=None):
    """The plan for a period ("2026-2027"), or the current one; 404 when there is none."""
    if period is None:
        plan = plans.current()
    else:
        match = PERIOD_RE.match(period)
        if not match:
            raise Http404
        plan = plans.filter(period_start=int(match.group(1)), period_end=int(match.group(2))).first()
    if plan is None:
        raise Http404
    return plan


def _pdf_response(pdf, filename, *, attachment):
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _plan_filename(plan):
    return f"slt-handlingsplan-{slugify(plan.municipality)}-{plan.period}.pdf"


def _documents_page(request, plan, *, status_form=None, logo_form=None, status=200):
    context = {
        "plan": plan,
        "status_form": status_form or StatusReportForm(initial={"since": default_since()}),
        "logo_form": logo_form or LogoForm(instance=plan),
        "can_change_plan": request.user.has_perm("measures.change_actionplan"),
        "can_publish": request.user.has_perm("measures.publish_actionplan"),
    }
    return render(request, "plan/documents.html", context, status=status)


@require_GET
@login_required
@permission_required("measures.view_measure", raise_exception=True)
def plan_documents(request):
    return _documents_page(request, _plan_or_404(ActionPlan.objects.all()))


@require_GET
@login_required
@permission_required("measures.view_measure", raise_exception=True)
def plan_pdf(request):
    plan = _plan_or_404(ActionPlan.objects.select_related("adopted_by"), request.GET.get("period"))
    return _pdf_response(render_plan_pdf(plan), _plan_filename(plan), attachment=True)


@require_GET
@login_required
@permission_required("measures.view_measure", raise_exception=True)
def status_report(request):
    plan = _plan_or_404(ActionPlan.objects.all())
    form = StatusReportForm(request.GET or {"since": default_since().isoformat()})
    if not form.is_valid():
        return _documents_page(request, plan, status_form=form, status=400)
    pdf = render_status_report_pdf(plan, since=form.cleaned_data["since"])
    filename = f"statusrapport-{slugify(plan.municipality)}-{plan.period}.pdf"
    return _pdf_response(pdf, filename, attachment=True)


@require_POST
@login_required
@permission_required("measures.change_actionplan", raise_exception=True)
def plan_logo(request):
    plan = _plan_or_404(ActionPlan.objects.all())
    form = LogoForm(request.POST, request.FILES, instance=plan)
    if not form.is_valid():
        return _documents_page(request, plan, logo_form=form, status=400)
    form.save()
    messages.success(request, _("The logo is saved; the plan PDF uses it from now on."))
    return redirect("plan:plan_documents")


@require_POST
@login_required
@permission_required("measures.publish_actionplan", raise_exception=True)
def plan_publish(request):
    plan = _plan_or_404(ActionPlan.objects.all())
    form = PublishForm(request.POST)
    form.is_valid()  # a checkbox: anything but a true value means "not published"
    plan.published = form.cleaned_data.get("published", False)
    plan.save()
    if plan.published:
        messages.success(request, _("The plan is published: everyone can read it without logging in."))
    else:
        messages.success(request, _("The plan is no longer published: the public plan page is closed."))
    return redirect("plan:plan_documents")


@require_GET
def public_plan(request, period=None):
    plan = _plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    return render(request, "plan/public_plan.html", plan_context(plan, for_pdf=False))


@require_GET
def public_plan_pdf(request, period):
    plan = _plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    return _pdf_response(render_plan_pdf(plan), _plan_filename(plan), attachment=False)
