"""Single sign-on in a real browser, through a real OpenID Connect provider on 127.0.0.1."""

from playwright.sync_api import expect

from participants import roles
from tests.browser.axe import assert_no_violations
from tests.conftest import make_user

NILS_EMAIL = "nils.hansen@gjesdal.kommune.no"  # Nils's account at the test provider (tests/oidc_provider)


def log_in_at_the_provider(page, username):
    expect(page.get_by_role("heading", name="Kommunens innlogging")).to_be_visible()
    page.get_by_label("E-post eller brukernavn").fill(username)
    page.get_by_label("Passord hos kommunen").fill("provider-password-123")
    page.get_by_role("button", name="Logg på").click()


def test_a_working_group_member_logs_in_with_the_municipalitys_account_and_out_again(
    page, live_server, sso, oidc_provider, gjesdal, screenshot
):
    sso(oidc_provider.env)
    member = make_user("nils", roles.WORKING_GROUP, "arbeidsgruppe")
    member.email = NILS_EMAIL  # the coordinator's invitation
    member.save()

    page.goto(f"{live_server.url}/tiltak/")
    expect(page).to_have_url(f"{live_server.url}/konto/login/?next=/tiltak/")
    page.get_by_role("link", name="Logg inn med kommunens konto").click()
    log_in_at_the_provider(page, "nils")

    # Back in the portal, on the page asked for, with the pages of the working group's role.
    expect(page).to_have_url(f"{live_server.url}/tiltak/")
    expect(page.get_by_role("row").filter(has_text="Natteravnordning")).to_be_visible()
    page.get_by_role("link", name="Mine oppgaver").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot("sso-logged-in")
    assert page.context.request.get(f"{live_server.url}/tiltak/plan/").status == 403  # the coordinator's

    page.get_by_role("button", name="Logg ut").click()

    # The provider ended its session and sent the browser back to the portal's login page.
    expect(page).to_have_url(f"{live_server.url}/konto/login/")
    page.goto(f"{live_server.url}/tiltak/")
    expect(page).to_have_url(f"{live_server.url}/konto/login/?next=/tiltak/")
    page.get_by_role("link", name="Logg inn med kommunens konto").click()
    expect(page.get_by_label("Passord hos kommunen")).to_be_visible()  # asked again: no provider session


def test_an_uninvited_account_is_told_to_ask_the_coordinator_on_accessible_pages(
    page, live_server, sso, oidc_provider, gjesdal
):
    sso({**oidc_provider.env, "PASSWORD_LOGIN": "off"})

    page.goto(f"{live_server.url}/konto/login/")
    assert_no_violations(page)
    page.get_by_text("Reservetilgang for administrator").click()  # the break-glass form opens
    expect(page.get_by_label("Brukernavn")).to_be_visible()
    page.get_by_role("link", name="Logg inn med kommunens konto").click()
    log_in_at_the_provider(page, "ola")

    expect(page.get_by_role("heading", level=1)).to_have_text("Du har ikke tilgang ennå — kontakt SLT-koordinatoren")
    expect(page.get_by_role("link", name="Tiltak")).to_have_count(0)
    assert_no_violations(page)
