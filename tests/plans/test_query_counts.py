"""The plan PDF reads the same number of queries however many measures; the bench page stays out of the product."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import ActionPlan, Link, LinkSection, Measure
from plans.documents import PLAN_TEMPLATE, plan_context
from tests.measures.test_query_counts import add_measures


def test_a_fresh_plan_pdf_reads_the_same_queries_with_12_and_1200_measures(coordinator, coordinator_client, gjesdal):
    def fresh_and_cached():
        cache.clear()
        with CaptureQueriesContext(connection) as fresh:
            response = coordinator_client.get(reverse("plans:plan_draft_pdf"))
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        with CaptureQueriesContext(connection) as cached:
            assert coordinator_client.get(reverse("plans:plan_draft_pdf")).content == response.content
        return len(fresh), len(cached)

    with_12 = fresh_and_cached()
    add_measures(gjesdal, coordinator, 1188)
    with_1200 = fresh_and_cached()

    assert with_1200 == with_12
    fresh, cached = with_1200
    assert cached < fresh


def test_the_plan_document_reads_the_same_queries_with_12_and_1200_measures(coordinator, gjesdal):
    from django.template.loader import render_to_string

    def document():
        with CaptureQueriesContext(connection) as queries:
            html = render_to_string(PLAN_TEMPLATE, plan_context(ActionPlan.objects.get(pk=gjesdal.pk)))
        return html, len(queries)

    small, with_12 = document()
    add_measures(gjesdal, coordinator, 1188)
    for measure in Measure.objects.filter(plan=gjesdal, number__gte=100)[:50]:
        Link.objects.create(
            plan=gjesdal, measure=measure, section=LinkSection.MEASURE, title="Les mer", url="https://example.org/"
        )
    large, with_1200 = document()

    assert with_1200 == with_12
    assert large.count('class="measure-link"') == small.count('class="measure-link"') + 50
    assert "Ekstra tiltak 1187" in large


def test_the_bare_benchmark_page_is_not_served_by_the_product(coordinator_client):
    assert coordinator_client.get("/bench/ok").status_code == 404
