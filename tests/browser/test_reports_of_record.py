"""Reports of record in a real browser: a status report frozen for the steering group, and the årsrapport."""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.pdfs import assert_in_pdf, pdf_text
from tests.plans.reports_data import DECISION, OVERDUE, steering_meeting_with_decisions


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nb-NO", "timezone_id": "Europe/Oslo", "accept_downloads": True}


def _download(page, selector):
    with page.expect_download() as info:
        page.locator(selector).click()
    return Path(info.value.path()).read_bytes()


def test_the_coordinator_writes_assessments_freezes_a_status_report_and_downloads_it(
    page, live_server, coordinator, gjesdal, screenshot
):
    meeting = steering_meeting_with_decisions(gjesdal, timezone.localdate() - datetime.timedelta(days=20))
    measure = gjesdal.measures.get(number=9)
    log_in(page, live_server, "koordinator", PASSWORD)

    page.goto(f"{live_server.url}/handlingsplan/")
    page.locator("#status-report-new").click()
    expect(page.locator("#report-form")).to_be_visible()
    expect(page.locator("#id_period_start")).to_have_value("2026-01-01")
    page.locator("#id_meeting").select_option(value=str(meeting.pk))
    page.locator("#id_overall_assessment").fill("Arbeidet går som planlagt, med ett forsinket tiltak.")
    page.locator(f"#id_assessment_{measure.pk}").fill("Natteravnene er ute hver helg fra mars.")
    assert_no_violations(page)
    page.locator("#report-save").click()
    expect(page.locator(f"#id_assessment_{measure.pk}")).to_have_value("Natteravnene er ute hver helg fra mars.")
    screenshot("status-report-draft")

    preview = page.request.get(live_server.url + page.locator("#report-preview").get_attribute("href"))
    assert preview.ok
    assert_in_pdf("Natteravnene er ute hver helg fra mars.", pdf_text(preview.body()))

    page.locator("#report-freeze").click()
    expect(page).to_have_url(f"{live_server.url}/handlingsplan/")
    expect(page.locator("#status-reports tbody tr")).to_have_count(1)
    assert_no_violations(page)
    screenshot("documents-with-status-report")

    text = pdf_text(_download(page, "#status-reports a[href$='/statusrapporter/1/pdf/']"))
    for each in gjesdal.measures.all():
        assert_in_pdf(each.title, text)
    for expected in ("Natteravnene er ute hver helg fra mars.", DECISION, OVERDUE):
        assert_in_pdf(expected, text)

    page.goto(f"{live_server.url}/moter/{meeting.pk}/")
    expect(page.locator("a[href*='/statusrapporter/1/pdf/']")).to_have_count(1)
    assert_no_violations(page)


def test_the_coordinator_produces_the_annual_report_as_pdf_and_word(
    page, live_server, coordinator, gjesdal, screenshot
):
    steering_meeting_with_decisions(gjesdal, datetime.date(2026, 3, 12))
    measure = gjesdal.measures.get(number=4)
    log_in(page, live_server, "koordinator", PASSWORD)

    page.goto(f"{live_server.url}/handlingsplan/")
    page.locator("#id_year").select_option("2026")
    page.locator("#annual-report-new").click()
    expect(page.locator("#report-form")).to_be_visible()
    page.locator("#id_overall_assessment").fill("SLT-arbeidet i 2026 har fått godt fotfeste.")
    page.locator(f"#id_assessment_{measure.pk}").fill("Ungdomsteamet er etablert og i drift.")
    page.locator("#id_next_steps").fill("I 2027 rulleres handlingsplanen.")
    assert_no_violations(page)
    screenshot("annual-report-draft")
    page.locator("#report-freeze").click()
    expect(page).to_have_url(f"{live_server.url}/handlingsplan/")
    assert_no_violations(page)

    text = pdf_text(_download(page, "#annual-reports a[href$='/arsrapport/2026/pdf/']"))
    for each in gjesdal.measures.all():
        assert_in_pdf(each.title, text)
    for expected in ("Ungdomsteamet er etablert og i drift.", "I 2027 rulleres handlingsplanen.", DECISION):
        assert_in_pdf(expected, text)

    document = Document(io.BytesIO(_download(page, "#annual-reports a[href$='/arsrapport/2026/word/']")))
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    for each in gjesdal.measures.all():
        assert f"{each.number}. {each.title}" in headings
