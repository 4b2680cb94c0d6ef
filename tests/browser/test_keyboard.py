"""The three main journeys with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrow keys and typing."""

import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.services import meetings_create_for_year
from tests.conftest import PASSWORD

MAX_TAB_STOPS = 300

FOCUS_RING = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const name = (element.getAttribute("aria-label") || element.textContent || element.name || "").trim();
    return {
        what: `${element.tagName} «${name.slice(0, 40)}»`,
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        body: element === document.body,
        skip: element.classList.contains("skip-link"),
    };
}"""


def assert_focus_is_visible(page):
    ring = page.evaluate(FOCUS_RING)
    assert ring["outline"] != "none" and ring["width"] > 0, f"{ring['what']} shows no focus ring when focused"


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, backwards=False):
    """Press Tab (or Shift+Tab) until the element has focus; every stop on the way must show where focus is."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press(key)
        if page.evaluate("document.activeElement === document.body"):
            continue  # past the end of the page: the browser's own controls, then round again
        assert_focus_is_visible(page)
        if is_focused(locator):
            return
    raise AssertionError(f"{locator} cannot be reached with {key}")


def press_and_wait(page, key="Enter"):
    """Press a key that follows a link or sends a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def log_in_by_keyboard(page, live_server, username):
    page.goto(f"{live_server.url}/konto/login/")
    # The user name field has autofocus: type, Tab to the password, Enter submits.
    expect(page.get_by_label("Brukernavn")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Passord")).to_be_focused()
    page.keyboard.type(PASSWORD)
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-handlingsplan 2026–2027")


def test_the_coordinator_updates_a_measures_status_with_the_keyboard(page, live_server, coordinator):
    log_in_by_keyboard(page, live_server, "koordinator")

    tab_to(page, page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Tiltak", exact=True))
    press_and_wait(page)
    expect(page).to_have_url(re.compile("/tiltak/$"))
    tab_to(page, page.get_by_role("link", name="Natteravnordning"))
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("9. Natteravnordning")

    status = page.get_by_role("combobox", name="Ny status")
    tab_to(page, status)
    expect(status).to_have_value("planlagt")
    page.keyboard.press("ArrowDown")
    expect(status.locator("option:checked")).to_have_text("Pågår")
    tab_to(page, page.get_by_label("Notat"))
    page.keyboard.type("Oppstart med seks voksne fredag kveld")
    tab_to(page, page.get_by_role("button", name="Lagre statusoppdatering"))
    press_and_wait(page)

    expect(page.get_by_role("status").filter(has_text="Statusoppdateringen er lagret.")).to_be_visible()
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Oppstart med seks voksne fredag kveld")
    expect(timeline.locator(".timeline-entry").first).to_contain_text("Pågår")


def test_a_steering_group_member_downloads_the_plan_pdf_with_the_keyboard(page, live_server, steering_member):
    log_in_by_keyboard(page, live_server, "styringsmedlem")

    tab_to(page, page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Handlingsplan", exact=True))
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Handlingsplan og statusrapport")
    tab_to(page, page.get_by_role("link", name="Last ned den vedtatte planen (PDF)"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")

    with open(download_info.value.path(), "rb") as pdf:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read())).pages)
    assert "Natteravnordning" in text


def test_a_working_group_member_writes_minutes_with_an_action_item_with_the_keyboard(
    page, live_server, working_member, working_group_meetings
):
    log_in_by_keyboard(page, live_server, "arbeidsmedlem")

    tab_to(page, page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Møter", exact=True))
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møter")
    tab_to(page, page.get_by_role("link", name=re.compile("^SLT-arbeidsgruppe, ")).first)
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-arbeidsgruppe")
    tab_to(page, page.get_by_role("link", name="Oppmøte og referat"))
    press_and_wait(page)

    round_ = page.get_by_role("region", name=re.compile("Runde: utfordringer"))
    tab_to(page, round_.get_by_label("Referat", exact=True))
    page.keyboard.type("Skolene melder om rolig høst.")
    tab_to(page, round_.get_by_label("Vedtak", exact=True))
    page.keyboard.type("Tas til orientering.")
    # A new action item row comes without a page load, and the focus goes to its text.
    tab_to(page, round_.get_by_role("button", name=re.compile("^Legg til oppfølgingspunkt")))
    page.keyboard.press("Enter")
    text = round_.locator("fieldset.action-row").last.get_by_label("Oppfølgingspunkt", exact=True)
    expect(text).to_be_focused()
    page.keyboard.type("Invitere næringslivet til dialogmøte")
    # Back with Shift+Tab to check the wording, then forward to the button.
    tab_to(page, round_.get_by_label("Referat", exact=True), backwards=True)
    expect(round_.get_by_label("Referat", exact=True)).to_have_value("Skolene melder om rolig høst.")
    tab_to(page, page.get_by_role("button", name="Lagre referat"))
    press_and_wait(page, "Space")

    expect(page.get_by_role("status")).to_contain_text("Referatet ble lagret.")
    expect(page.locator("#agenda .minutes").first).to_contain_text("Skolene melder om rolig høst.")
    actions = page.get_by_role("region", name="Vedtak og oppfølgingspunkter")
    expect(actions).to_contain_text("Invitere næringslivet til dialogmøte")


def assert_tab_order_starts_with_skip_link_and_returns(page, url, *, autofocus=False):
    """The first Tab stop is the skip link, every stop shows focus, and Tab comes round again: no trap."""
    page.goto(url)
    jumps = page.evaluate("""document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length""")
    assert jumps == 0, f"{url}: a positive tabindex breaks the reading order"
    skip = page.get_by_role("link", name="Hopp til hovedinnholdet")
    if autofocus:
        assert page.evaluate("document.activeElement.autofocus"), f"{url}: no field has autofocus"
    else:
        page.keyboard.press("Tab")
        assert is_focused(skip), f"{url}: the first Tab stop is not the skip link"
    stops = 0
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring["body"]:
            continue  # past the end of the page: the browser's own controls, then round again
        stops += 1
        assert ring["outline"] != "none" and ring["width"] > 0, f"{url}: {ring['what']} shows no focus ring"
        if ring["skip"]:
            return stops
    raise AssertionError(f"{url}: Tab does not come back to the start within {MAX_TAB_STOPS} presses: a keyboard trap")


@pytest.fixture
def all_meetings(gjesdal):
    year = timezone.localdate().year
    for series in gjesdal.meeting_series.all():
        for each in (year, year + 1):
            meetings_create_for_year(series=series, year=each)
    return gjesdal.meeting_series.get(key="arbeidsgruppe").meetings.order_by("starts_at").last()


def test_every_page_starts_with_the_skip_link_shows_focus_and_has_no_keyboard_trap(
    page, live_server, gjesdal, coordinator, all_meetings
):
    assert_tab_order_starts_with_skip_link_and_returns(page, f"{live_server.url}/konto/login/", autofocus=True)
    log_in_by_keyboard(page, live_server, "koordinator")
    measure = gjesdal.measures.get(number=9)
    paths = [
        "/",
        "/tiltak/",
        "/tiltak/9/",
        "/tiltak/9/endre/",
        "/tiltak/plan/",
        f"/tiltak/plan/mal/{gjesdal.goals.first().pk}/",
        "/handlingsplan/",
        "/moter/",
        f"/moter/{all_meetings.pk}/",
        f"/moter/{all_meetings.pk}/referat/",
        "/moter/arshjul/",
        "/moter/kalender/",
        "/plan/",
        "/tilgjengelighet/",
        "/finnes-ikke/",
        f"/moter/tiltak/{measure.pk}/oppfolging/",
    ]
    for path in paths:
        stops = assert_tab_order_starts_with_skip_link_and_returns(page, f"{live_server.url}{path}")
        assert stops > 3, path
    assert_tab_order_starts_with_skip_link_and_returns(page, f"{live_server.url}/konto/passord/", autofocus=True)


def test_the_menu_opens_with_the_keyboard_on_a_phone(page, live_server, working_member):
    page.set_viewport_size({"width": 375, "height": 800})
    log_in_by_keyboard(page, live_server, "arbeidsmedlem")
    menu_button = page.get_by_role("button", name="Vis meny")
    tab_to(page, menu_button)
    expect(menu_button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    meetings = page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Møter", exact=True)
    expect(meetings).to_be_visible()
    tab_to(page, meetings)
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møter")
