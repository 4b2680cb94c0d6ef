"""What everyone may read without logging in: the published plan and the accessibility statement."""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from measures.charts import indicator_charts
from measures.lookup import plan_or_404
from measures.models import ActionPlan

from ..documents import (
    CACHE_TIMEOUT,
    indicators_stamp,
    plan_context,
    plan_stamp,
    plan_title,
    render_plan_pdf,
    sources_fingerprint,
)
from .documents import pdf_response, plan_filename, version_pdf_response


def _adopted_version(plan, versions):
    return versions.latest_first().select_related("plan").first()


def public_page_key(plan, version):
    """What the public page of the plan shows: an adopted version never changes; a draft has its change stamp."""
    shown = f"version:{version.pk}" if version is not None else f"plan:{plan.pk}:{plan_stamp(plan).isoformat()}"
    figures = indicators_stamp(plan)  # the indicators are shown live, beside an adopted version too
    shown += f":indicators:{figures.isoformat() if figures else '-'}"
    return f"public-page:{shown}:{translation.get_language()}:{sources_fingerprint()}"


def _render_public_page(request, plan, version):
    if version is not None:
        context = {"version": version, "title": plan_title(plan)}
    else:
        context = {**plan_context(plan, for_pdf=False), "title": plan_title(plan)}
    # Figures come in after adoption: the page shows them as they stand, with small numbers hidden.
    context["indicator_charts"] = indicator_charts(plan.indicators.prefetch_related("values"), public=True)
    return render(request, "plans/public_plan.html", context)


@require_safe
def public_plan(request, period=None):
    """The published plan as adopted: the latest version's page, kept as it was on the day of adoption.

    The public reads the same page as everyone else: it is stored once as bytes and answered from
    there (or with 304 to a browser that has it) until the plan or a template changes. A logged-in
    person's page carries their own menu, and is drawn for them.
    """
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    # Its web page is read only when the page is drawn (not when it is answered from the store).
    version = _adopted_version(plan, plan.versions.summaries())
    if request.user.is_authenticated or len(messages.get_messages(request)):
        return _render_public_page(request, plan, version)
    key = public_page_key(plan, version)
    etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    body = cache.get(key)
    if body is None:
        response = _render_public_page(request, plan, version)
        cache.set(key, response.content, CACHE_TIMEOUT)
    else:
        response = HttpResponse(body)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


@require_safe
def public_plan_pdf(request, period):
    plan = plan_or_404(ActionPlan.objects.published().select_related("adopted_by"), period)
    version = _adopted_version(plan, plan.versions.with_pdf())
    if version is not None:
        return version_pdf_response(request, version, attachment=False, filename=plan_filename(plan))
    return pdf_response(render_plan_pdf(plan), plan_filename(plan), attachment=False)


@require_safe
def accessibility(request):
    return render(request, "plans/accessibility.html")
