import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Norwegian browser, so date fields read 26.11.2026 as they would for the coordinator."""
    return {**browser_context_args, "locale": "nb-NO", "timezone_id": "Europe/Oslo"}


def test_the_coordinator_moves_a_measure_to_in_progress_and_sees_it_everywhere(page, live_server, coordinator):
    log_in(page, live_server, "koordinator", PASSWORD)
    expect(page.get_by_role("heading", name="Tiltak etter status")).to_be_visible()

    page.get_by_role("link", name="Tiltak", exact=True).click()
    page.get_by_role("link", name="Natteravnordning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("9. Natteravnordning")

    page.get_by_role("combobox", name="Ny status").select_option(label="Pågår")
    page.get_by_label("Notat").fill("Oppstart med seks voksne fredag kveld")
    page.get_by_role("button", name="Lagre statusoppdatering").click()

    expect(page.get_by_role("status").filter(has_text="Statusoppdateringen er lagret.")).to_be_visible()
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Oppstart med seks voksne fredag kveld")
    expect(timeline).to_contain_text("Pågår")
    expect(timeline).to_contain_text("Koordinator")

    page.get_by_role("link", name="Oversikt").click()
    changes = page.locator(".recent-changes")
    expect(changes).to_contain_text("Koordinator endret tiltak «9. Natteravnordning»")
    expect(changes).to_contain_text("Koordinator satte Natteravnordning til Pågår")
    # Gjesdal's plan has one measure in progress; Natteravnordning is the second.
    expect(page.get_by_role("row", name=re.compile(r"^Pågår 2$"))).to_be_visible()


def test_a_working_group_member_finds_a_measure_with_the_filters(page, live_server, working_member):
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)
    page.get_by_role("link", name="Tiltak", exact=True).click()
    page.get_by_label("Søk").fill("natteravn")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_role("row")).to_have_count(2)
    expect(page.get_by_role("row").nth(1)).to_contain_text("Natteravnordning")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_workspace_fits_the_screen(page, live_server, coordinator, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "koordinator", PASSWORD)
    for name, path in [
        ("dashboard", "/"),
        ("measure-list", "/tiltak/"),
        ("measure-page", "/tiltak/9/"),
        ("plan-edit", "/tiltak/plan/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        screenshot(f"workspace-{name}-{width}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"


def test_a_second_editor_is_told_what_the_first_one_changed(page, live_server, coordinator, screenshot):
    log_in(page, live_server, "koordinator", PASSWORD)
    other = page.context.new_page()
    edit = f"{live_server.url}/tiltak/9/endre/"
    page.goto(edit)
    other.goto(edit)

    other.get_by_role("textbox", name="Tittel*").fill("Natteravn i sentrum")
    other.get_by_role("button", name="Lagre").click()
    expect(other.get_by_role("status").filter(has_text="Tiltaket er lagret.")).to_be_visible()

    page.get_by_role("textbox", name="Tittel*").fill("Natteravn på Ålgård")
    page.get_by_role("button", name="Lagre").click()
    conflict = page.get_by_role("region", name="Noen andre har endret dette i mellomtiden")
    expect(conflict).to_contain_text("Natteravn i sentrum")
    expect(conflict).to_contain_text("Natteravn på Ålgård")
    assert_no_violations(page)
    expect(page.get_by_role("textbox", name="Tittel*")).to_have_value("Natteravn på Ålgård")
    screenshot("workspace-edit-conflict-1280")
