"""The plan PDF reads a fixed number of queries, however many measures; the bench page stays out of normal runs."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import ActionPlan, Link, LinkSection, Measure
from slt_portal.cache import DatabaseCache
from slt_portal.plan import plan_html
from tests.measures.test_query_counts import add_measures

QUERY_GOAL = 15  # the most any page may read, session, user and permissions included


def test_a_fresh_plan_pdf_download_needs_at_most_15_queries(coordinator_client, gjesdal):
    cache.clear()
    with CaptureQueriesContext(connection) as fresh:
        response = coordinator_client.get(reverse("plan:plan_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    with CaptureQueriesContext(connection) as cached:
        assert coordinator_client.get(reverse("plan:plan_pdf")).content == response.content
    assert len(fresh) <= QUERY_GOAL
    assert len(cached) < len(fresh)


def test_the_plan_document_reads_the_same_queries_with_12_and_1200_measures(coordinator, gjesdal):
    with CaptureQueriesContext(connection) as with_12:
        small = plan_html(ActionPlan.objects.get(pk=gjesdal.pk))

    add_measures(gjesdal, coordinator, 1188)
    for measure in Measure.objects.filter(plan=gjesdal, number__gte=100)[:50]:
        Link.objects.create(
            plan=gjesdal, measure=measure, section=LinkSection.MEASURE, title="Les mer", url="https://example.org/"
        )
    with CaptureQueriesContext(connection) as with_1200:
        large = plan_html(ActionPlan.objects.get(pk=gjesdal.pk))

    assert len(with_1200) == len(with_12)
    assert large.count('class="measure-link"') == small.count('class="measure-link"') + 50
    assert "Ekstra tiltak 1187" in large


def test_the_database_cache_stores_replaces_and_expires_entries(db):
    store = DatabaseCache("slt_cache", {})
    store.set("plan", b"first", 60)
    store.set("plan", b"second", 60)
    assert store.get("plan") == b"second"
    store.set("old", b"stale", -1)
    assert store.get("old") is None
    store.set("forever", b"kept", None)
    assert store.get("forever") == b"kept"
    with connection.cursor() as cursor:  # the expired entry went when the next one was written
        cursor.execute("SELECT COUNT(*) FROM slt_cache WHERE cache_key LIKE %s", ["%old"])
        assert cursor.fetchone()[0] == 0


def test_the_bare_benchmark_page_is_not_served_in_normal_runs(coordinator_client):
    assert coordinator_client.get("/bench/ok").status_code == 404


def test_a_users_permissions_are_read_in_one_query(coordinator, working_member):
    for user in (coordinator, working_member):
        with CaptureQueriesContext(connection) as captured:
            permissions = user.get_all_permissions()
            assert user.has_perm("measures.view_measure")
        assert len(captured) == 1
        assert permissions == user.get_user_permissions() | user.get_group_permissions()
    assert "measures.change_measure" in coordinator.get_all_permissions()
    assert "measures.change_measure" not in working_member.get_all_permissions()
