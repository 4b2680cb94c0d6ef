"""Single sign-on end to end against a real OpenID Connect provider (django-oauth-toolkit on 127.0.0.1)."""

import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client

from participants import roles
from participants.models import Person, SsoIdentity
from tests.conftest import PASSWORD, make_user
from tests.sso import query_of, start_login

KARI_EMAIL = "kari.nordmann@gjesdal.kommune.no"
KARI_OID = str(uuid.uuid5(uuid.NAMESPACE_URL, "oid:kari"))


@pytest.fixture
def portal(sso, oidc_provider):
    sso(oidc_provider.env)
    return oidc_provider


def log_in_through_provider(client, provider_browser, username):
    back = provider_browser.authorize(start_login(client), username=username)
    assert back.startswith("http://testserver/konto/sso/callback/")
    return client.get(back.removeprefix("http://testserver"))


def test_the_portal_sends_the_browser_to_the_provider_with_pkce_and_a_nonce(portal, db):
    query = query_of(start_login(Client()))

    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["nonce"] and query["state"] and query["client_id"] == "slt-portalen"
    assert query["scope"] == "openid email profile"


def test_an_invited_person_logs_in_through_the_provider_and_is_linked_by_the_oid_claim(portal, db, provider_browser):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)  # the coordinator's invitation
    client = Client()

    response = log_in_through_provider(client, provider_browser, "kari")

    assert response.status_code == 302 and response["Location"] == "/"
    identity = SsoIdentity.objects.get()
    assert identity.subject == KARI_OID and identity.issuer == f"{portal.url}/o"
    user = identity.user
    assert user.person.name == "Kari Nordmann" and not user.has_usable_password()
    assert not user.groups.exists()  # an SSO login grants no role
    assert client.get("/konto/profil/").status_code == 200


def test_an_sso_login_grants_no_role_and_the_pages_follow_the_portals_roles(portal, gjesdal, provider_browser):
    user = make_user("kari", roles.WORKING_GROUP, "arbeidsgruppe")
    user.email = KARI_EMAIL
    user.save()
    client = Client()

    log_in_through_provider(client, provider_browser, "kari")

    assert list(User.objects.get(pk=user.pk).groups.values_list("name", flat=True)) == [roles.WORKING_GROUP]
    assert client.get("/tiltak/").status_code == 200
    assert client.get("/tiltak/plan/").status_code == 403  # the coordinator's page


def test_the_next_login_finds_the_user_by_the_claim_not_the_email(portal, db, provider_browser):
    person = Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    log_in_through_provider(Client(), provider_browser, "kari")
    person.refresh_from_db()
    person.email = "kari@annen.example"  # the invitation changes; the link stays
    person.save()
    person.user.email = "kari@annen.example"
    person.user.save()
    provider_browser.session.cookies.clear()

    response = log_in_through_provider(Client(), provider_browser, "kari")

    assert response.status_code == 302 and response["Location"] == "/"
    assert SsoIdentity.objects.get().user == person.user
    assert User.objects.count() == 1


def test_a_national_id_in_the_providers_claims_is_neither_stored_nor_logged(portal, db, provider_browser, caplog):
    from django.contrib.sessions.models import Session

    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    caplog.set_level("DEBUG")

    log_in_through_provider(Client(), provider_browser, "kari")

    pid = "15830800120"  # the provider's `pid` claim for Kari
    assert SsoIdentity.objects.get().subject != pid
    for session in Session.objects.all():
        assert pid not in str(session.get_decoded())
    assert pid not in User.objects.get(sso_identity__isnull=False).username
    assert pid not in caplog.text


def test_an_uninvited_account_at_the_provider_sees_no_access_and_no_data(portal, gjesdal, provider_browser):
    client = Client()

    response = log_in_through_provider(client, provider_browser, "ola")

    assert response.status_code == 403
    assert "Du har ikke tilgang ennå — kontakt SLT-koordinatoren" in response.content.decode()
    assert "Natteravn" not in response.content.decode()
    assert not User.objects.filter(email__iexact="ola.uinvitert@gjesdal.kommune.no").exists()
    assert not SsoIdentity.objects.exists()
    assert client.get("/tiltak/").status_code == 302  # not logged in


def test_logout_ends_the_portal_session_and_the_providers(portal, db, provider_browser):
    Person.objects.create(name="Nils Hansen", email="nils.hansen@gjesdal.kommune.no")
    client = Client()
    log_in_through_provider(client, provider_browser, "nils")

    response = client.post("/konto/logout/")

    end_session = response["Location"]
    assert end_session.startswith(f"{portal.url}/o/logout/")
    assert query_of(end_session)["post_logout_redirect_uri"] == "http://testserver/konto/login/"
    assert client.get("/konto/profil/").status_code == 302  # the portal's session is over
    back = provider_browser.session.get(end_session, allow_redirects=False, timeout=10)
    assert back.headers["Location"] == "http://testserver/konto/login/"
    # The provider's session is over too: the next login asks for the password again.
    assert provider_browser.authorize(start_login(client)) is None


def test_logout_after_a_token_with_a_national_id_sends_no_token_hint(portal, db, provider_browser):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    client = Client()
    log_in_through_provider(client, provider_browser, "kari")

    end_session = client.post("/konto/logout/")["Location"]

    assert end_session.startswith(f"{portal.url}/o/logout/")
    assert "id_token_hint" not in query_of(end_session)  # Kari's token holds a `pid`: it was never kept
    assert client.get("/konto/profil/").status_code == 302


def test_a_password_user_logs_out_to_the_login_page_as_before(portal, gjesdal, working_member):
    client = Client()
    client.post("/konto/login/", {"username": "arbeidsmedlem", "password": PASSWORD})

    response = client.post("/konto/logout/")

    assert response["Location"] == "/konto/login/"
