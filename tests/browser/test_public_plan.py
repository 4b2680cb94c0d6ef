import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.pdfs import assert_in_pdf, pdf_text


def test_anonymous_visitor_opens_the_public_plan_and_finds_measure_9(page, live_server, gjesdal, screenshot):
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_role("link", name=re.compile("Les den vedtatte handlingsplanen")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-handlingsplan 2026–2027")
    row = page.locator("#tiltak-9")
    expect(row).to_contain_text("Natteravnordning")
    expect(row).to_contain_text("Frivilligsentralen og Gjesdal ungdomsskole")
    expect(page.get_by_role("heading", name="Faste treffpunkt")).to_be_visible()
    expect(page.get_by_role("link", name="Last ned planen som PDF")).to_be_visible()
    screenshot("public-plan-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    expect(row).to_be_visible()
    screenshot("public-plan-375")


def test_steering_member_downloads_the_plan_pdf_from_the_menu(page, live_server, steering_member, tmp_path):
    log_in(page, live_server, "styringsmedlem", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Handlingsplan", exact=True).click()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned den vedtatte planen (PDF)").click()
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    assert download.suggested_filename == "slt-handlingsplan-gjesdal-2026-2027.pdf"
    assert_in_pdf("Natteravnordning", pdf_text(path.read_bytes()))


def test_coordinator_downloads_the_status_report_since_a_chosen_date(
    page, live_server, coordinator, tmp_path, screenshot
):
    log_in(page, live_server, "koordinator", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Handlingsplan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handlingsplan og statusrapport")
    page.get_by_label("Endringer siden").fill("2026-02-19")
    screenshot("plan-documents-1280")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Last ned statusrapporten (PDF)").click()
    path = tmp_path / "status.pdf"
    download_info.value.save_as(path)

    text = pdf_text(path.read_bytes())
    assert_in_pdf("Endringer siden 19.02.2026", text)
    assert_in_pdf("Natteravnordning", text)
