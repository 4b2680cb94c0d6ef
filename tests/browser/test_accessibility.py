"""axe-core on every page type, each as the role that uses it: 0 violations of WCAG 2.1 A and AA."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


@pytest.mark.parametrize("path", ["/konto/login/", "/tilgjengelighet/", "/finnes-ikke/"])
def test_public_pages_have_no_axe_violations(page, live_server, db, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_violations(page)


def test_the_working_groups_pages_have_no_axe_violations(page, live_server, working_member):
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for path in ["/tiltak/"]:
        page.goto(f"{live_server.url}{path}")
        assert_no_violations(page)


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server, db):
    page.goto(f"{live_server.url}/tilgjengelighet/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hopp til hovedinnholdet")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
