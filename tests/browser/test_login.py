from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_working_group_member_logs_in_and_sees_the_plans_measures(page, live_server, working_member, screenshot):
    log_in(page, live_server, "arbeidsmedlem", PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("SLT-handlingsplan 2026–2027")
    page.get_by_role("link", name="Tiltak", exact=True).click()
    row = page.get_by_role("row").filter(has_text="Natteravnordning")
    expect(row).to_contain_text("Frivilligsentralen og Gjesdal ungdomsskole")
    expect(row).to_contain_text("Planlagt")
    expect(page.get_by_role("row")).to_have_count(13)
    screenshot("measure-list-1280")


def test_wrong_password_keeps_the_user_on_the_login_page(page, live_server, working_member):
    log_in(page, live_server, "arbeidsmedlem", "feil-passord")
    expect(page.get_by_text("oppgi korrekt brukernavn")).to_be_visible()
    expect(page.get_by_label("Brukernavn")).to_have_value("arbeidsmedlem")
