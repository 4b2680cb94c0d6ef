"""The public plan page is stored once as bytes and answered from there until the plan changes."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import ActionPlan, Measure
from tests.conftest import GJESDAL_PLAN

PAGE = reverse("plans:public_plan")


@pytest.fixture(autouse=True)
def _nothing_stored_yet():
    """The cache outlives each test; a page an earlier test stored (same version id) must not count here."""
    cache.clear()


@pytest.fixture
def draft_plan(db, tmp_path):
    """Gjesdal's plan published but never adopted: the public page shows the plan as it stands."""
    path = tmp_path / "plan.yaml"
    path.write_text(GJESDAL_PLAN.read_text(encoding="utf-8").replace("adopted_on: 2026-02-19\n", "adopted_on:\n"))
    call_command("import_plan", str(path), stdout=io.StringIO())
    plan = ActionPlan.objects.get()
    assert not plan.versions.exists() and plan.published
    return plan


def test_the_second_visitor_gets_the_stored_page_without_any_template(client, gjesdal):
    first = client.get(PAGE)
    assert first.status_code == 200 and first.templates
    second = client.get(PAGE)
    assert second.status_code == 200 and not second.templates
    assert second.content == first.content and "Natteravnordning" in second.content.decode()
    assert second["ETag"] == first["ETag"]


def test_the_stored_page_is_answered_without_reading_the_archived_version(client, gjesdal):
    client.get(PAGE)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(PAGE).status_code == 200
    version_reads = [query["sql"] for query in captured if "measures_planversion" in query["sql"]]
    assert version_reads, "the adopted version is looked up"
    for sql in version_reads:  # its number, not its PDF, web page or plan file
        assert '"pdf",' not in sql and '"html"' not in sql and '"plan_file"' not in sql


def test_a_browser_that_has_the_page_gets_304(client, gjesdal):
    etag = client.get(PAGE)["ETag"]
    again = client.get(PAGE, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""


def test_an_edit_after_adoption_leaves_the_stored_page_as_adopted(client, gjesdal):
    before = client.get(PAGE)
    measure = Measure.objects.get(plan=gjesdal, number=9)
    measure.title = "Natteravn hver helg"
    measure.save()
    after = client.get(PAGE)
    assert after["ETag"] == before["ETag"] and "Natteravn hver helg" not in after.content.decode()


def test_the_page_of_a_draft_plan_changes_at_once_with_the_plan(client, draft_plan):
    before = client.get(PAGE)
    assert not client.get(PAGE).templates
    measure = Measure.objects.get(plan=draft_plan, number=9)
    measure.title = "Natteravn hver helg"
    measure.save()
    after = client.get(PAGE)
    assert after["ETag"] != before["ETag"] and after.templates
    assert "Natteravn hver helg" in after.content.decode()


def test_a_logged_in_reader_gets_the_page_with_their_own_menu(client, steering_client, gjesdal):
    client.get(PAGE)
    page = steering_client.get(PAGE)
    assert page.templates and "Logg ut" in page.content.decode()
    assert "Logg ut" not in client.get(PAGE).content.decode()


def test_the_stored_page_is_kept_apart_per_written_standard(client, gjesdal):
    bokmal = client.get(PAGE)
    gjesdal.written_standard = "nn"
    gjesdal.save()
    nynorsk = client.get(PAGE)
    assert nynorsk["ETag"] != bokmal["ETag"] and 'lang="nn"' in nynorsk.content.decode()


def test_a_new_indicator_value_shows_on_the_stored_page_of_an_adopted_plan_at_once(client, gjesdal):
    from decimal import Decimal

    from measures.models import Indicator, IndicatorValue

    assert gjesdal.versions.exists()
    indicator = Indicator.objects.create(plan=gjesdal, name="Trives på skolen", unit="prosent")
    IndicatorValue.objects.create(indicator=indicator, year=2025, value=Decimal("88.2"))
    first = client.get(PAGE)
    assert "88,2 %" in first.content.decode()
    IndicatorValue.objects.create(indicator=indicator, year=2026, value=Decimal("91.4"))
    second = client.get(PAGE)
    assert second["ETag"] != first["ETag"] and "91,4 %" in second.content.decode()
