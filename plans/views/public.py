"""What everyone may read without logging in: the published plan and the accessibility statement."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from measures.lookup import plan_or_404
from measures.models import ActionPlan

from ..documents import plan_context, render_plan_pdf
from .documents import pdf_response, plan_filename


@require_safe
def public_plan(request, period=None):
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    return render(request, "plans/public_plan.html", plan_context(plan, for_pdf=False))


@require_safe
def public_plan_pdf(request, period):
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    return pdf_response(render_plan_pdf(plan), plan_filename(plan), attachment=False)


@require_safe
def accessibility(request):
    return render(request, "plans/accessibility.html")
