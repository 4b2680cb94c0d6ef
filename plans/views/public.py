"""What everyone may read without logging in: the published plan and the accessibility statement."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from measures.charts import indicator_charts
from measures.lookup import plan_or_404
from measures.models import ActionPlan

from ..documents import plan_context, plan_title, render_plan_pdf
from .documents import pdf_response, plan_filename, version_pdf_response


def _adopted_version(plan):
    return plan.versions.latest_first().select_related("plan").first()


@require_safe
def public_plan(request, period=None):
    """The published plan as adopted: the latest version's page, kept as it was on the day of adoption."""
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    version = _adopted_version(plan)
    if version is not None:
        context = {"version": version, "title": plan_title(plan)}
    else:
        context = {**plan_context(plan, for_pdf=False), "title": plan_title(plan)}
    # Figures come in after adoption: the page shows them as they stand, with small numbers hidden.
    context["indicator_charts"] = indicator_charts(plan.indicators.prefetch_related("values"), public=True)
    return render(request, "plans/public_plan.html", context)


@require_safe
def public_plan_pdf(request, period):
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    version = _adopted_version(plan)
    if version is not None:
        return version_pdf_response(request, version, attachment=False, filename=plan_filename(plan))
    return pdf_response(render_plan_pdf(plan), plan_filename(plan), attachment=False)


@require_safe
def accessibility(request):
    return render(request, "plans/accessibility.html")
