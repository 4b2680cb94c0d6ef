"""The plan's life cycle as the coordinator goes through it: adopted, revised, adopted again, carried on."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.pdfs import assert_in_pdf, pdf_text, squash

NEW_TITLE = "Natteravn hver fredag og lørdag"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nb-NO", "timezone_id": "Europe/Oslo", "accept_downloads": True}


def _download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    return Path(info.value.path()).read_bytes()


def _measure_group(page, number):
    return page.locator("fieldset.border").filter(
        has=page.locator("legend", has_text=re.compile(rf"^Tiltak {number}\."))
    )


def test_adopt_revise_adopt_again_and_carry_the_plan_into_2028_2029(page, live_server, coordinator, screenshot):
    old_title = "Natteravnordning"
    log_in(page, live_server, "koordinator", PASSWORD)

    # The imported plan is adopted version 1.
    page.goto(f"{live_server.url}/handlingsplan/")
    expect(page.get_by_role("table").filter(has_text="Saksnummer")).to_contain_text("19.02.2026")
    adopted = _download(page, "Last ned den vedtatte planen (PDF)")

    # An edit of measure 9 goes into the working draft, marked as such.
    page.goto(f"{live_server.url}/tiltak/9/endre/")
    expect(page.get_by_role("note")).to_contain_text("Utkast til revisjon, ikke vedtatt")
    screenshot("measure-edit-draft")
    page.locator("#id_title").fill(NEW_TITLE)
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"9. {NEW_TITLE}")

    # The public page and the adopted PDF are as adopted; the draft and the changes show the edit.
    page.goto(f"{live_server.url}/plan/2026-2027/")
    expect(page.locator("article")).to_contain_text(old_title)
    expect(page.locator("article")).not_to_contain_text(NEW_TITLE)
    page.goto(f"{live_server.url}/handlingsplan/")
    assert _download(page, "Last ned den vedtatte planen (PDF)") == adopted
    draft = pdf_text(_download(page, "Last ned arbeidsutkastet (PDF)"))
    assert_in_pdf(NEW_TITLE, draft)
    assert_in_pdf("Utkast til revisjon, ikke vedtatt", draft)
    page.get_by_role("link", name="Se hva som er endret siden vedtatt versjon").click()
    change = page.get_by_role("row").filter(has_text="Tiltak 9")
    expect(change).to_contain_text(old_title)
    expect(change).to_contain_text(NEW_TITLE)
    assert_no_violations(page)
    screenshot("plan-changes")

    # The revision is adopted as version 2; both versions stay downloadable.
    page.get_by_role("link", name="Registrer vedtak av revisjonen").click()
    page.locator("#id_adopted_on").fill("2026-06-11")
    page.locator("#id_case_reference").fill("26/41")
    assert_no_violations(page)
    page.get_by_role("button", name="Registrer vedtak").click()
    expect(page.get_by_role("status")).to_contain_text("versjon 2 av planen er låst og arkivert")
    screenshot("plan-documents-two-versions")
    first = _download(page, "Versjon 1 (PDF)")
    second = _download(page, "Versjon 2 (PDF)")
    assert first == adopted
    assert squash(NEW_TITLE) in squash(pdf_text(second)) and squash(NEW_TITLE) not in squash(pdf_text(first))

    # Ny planperiode: two measures ended or completed, one changed.
    page.get_by_role("link", name="Ny planperiode").click()
    _measure_group(page, 3).get_by_label("Avsluttet", exact=True).check()
    page.locator("#id_reason_3").fill("Erstattet av ungdomsteamet")
    _measure_group(page, 7).get_by_label("Fullført", exact=True).check()
    page.locator("#id_reason_7").fill("Gjennomført i 2027")
    _measure_group(page, 9).get_by_label("Videreført, endret", exact=True).check()
    assert_no_violations(page)
    screenshot("plan-rollover")
    page.get_by_role("button", name="Start ny planperiode").click()
    expect(page.get_by_role("status")).to_contain_text("SLT-handlingsplan 2028–2029 er startet")
    new_plan = pdf_text(_download(page, "Last ned den vedtatte planen (PDF)"))
    assert_in_pdf("Fra forrige planperiode (2026–2027)", new_plan)
    assert_in_pdf("Erstattet av ungdomsteamet", new_plan)
    assert_in_pdf("Videreført, endret", new_plan)
