"""The plan's adopted versions: registering an adoption, the archived PDFs, what the draft changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from measures.lookup import plan_or_404
from measures.models import ActionPlan
from participants.roles import require_coordinator

from .. import services
from ..documents import render_plan_pdf
from ..forms import AdoptionForm
from ..revisions import changes_since
from .documents import VIEW_PERMISSION, pdf_response, plan_filename, version_pdf_response


@login_required
@require_http_methods(["GET", "POST"])
def plan_adopt(request):
    require_coordinator(request.user)
    plan = plan_or_404()
    form = AdoptionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        version = services.plan_adopt(plan=plan, user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Adoption registered: version %(number)s of the plan is frozen and archived.")
            % {"number": version.number},
        )
        return redirect("plans:plan_documents")
    context = {"plan": plan, "form": form, "adopted_version": form.latest, "versions": plan.versions.summaries()}
    return render(request, "plans/adopt.html", context, status=400 if form.is_bound else 200)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def plan_version_pdf(request, number):
    plan = plan_or_404(ActionPlan.objects.all(), request.GET.get("period"))
    version = get_object_or_404(plan.versions.select_related("plan"), number=number)
    return version_pdf_response(request, version, attachment=True)


@require_GET
@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def plan_draft_pdf(request):
    plan = plan_or_404(ActionPlan.objects.select_related("adopted_by"), request.GET.get("period"))
    name = plan_filename(plan).removesuffix(".pdf") + "-utkast.pdf"
    return pdf_response(render_plan_pdf(plan), name, attachment=True)


@require_GET
@login_required
def plan_changes(request):
    require_coordinator(request.user)
    plan = plan_or_404()
    version = plan.versions.latest_first().select_related("plan").first()
    if version is None:
        raise Http404(_("The plan has no adopted version yet."))
    context = {"plan": plan, "adopted_version": version, "changes": changes_since(version)}
    return render(request, "plans/changes.html", context)
