"""Single sign-on's bad input: tokens that must be refused, a provider that is down, an uninvited account.

The ID tokens come from a tiny real provider (tests/sso.py: TokenSigner) whose token endpoint hands
out whatever token the test mints, over HTTP on 127.0.0.1.
"""

import base64
import json
import time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from jwcrypto import jwk

from participants.models import Person, SsoIdentity
from tests.sso import free_port, query_of, start_login

KARI_EMAIL = "kari.nordmann@gjesdal.kommune.no"
OTHER_KEY = jwk.JWK.generate(kty="RSA", size=2048, kid="signer-1")  # same key id, not the provider's key


@pytest.fixture
def portal(sso, token_signer):
    sso(token_signer.env)
    return token_signer


def callback_with(client, signer, **overrides):
    """Start a login, have the provider answer with a token minted with these claims, come back."""
    query = query_of(start_login(client))
    key = overrides.pop("key", None)
    token = signer.mint(signer.claims(**{"nonce": query["nonce"], **overrides}), key=key)
    response = client.get("/konto/sso/callback/", {"code": "a-code", "state": query["state"]})
    return response, token


BAD_TOKENS = {
    "wrong issuer": ({"iss": "https://login.microsoftonline.com/another-tenant/v2.0"}, "another issuer"),
    "wrong audience": ({"aud": "another-client"}, "another client"),
    "wrong signature": ({"key": OTHER_KEY}, "signature is wrong"),
    "wrong nonce": ({"nonce": "a-nonce-from-another-login"}, "nonce"),
    "expired": ({"iat": int(time.time()) - 3600, "exp": int(time.time()) - 600}, "expired"),
}


@pytest.mark.parametrize("case", list(BAD_TOKENS), ids=list(BAD_TOKENS))
def test_a_bad_id_token_is_refused_with_a_norwegian_page_and_a_log_line_without_the_token(portal, db, caplog, case):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)  # invited: only the token is wrong
    overrides, reason = BAD_TOKENS[case]
    client = Client()
    caplog.set_level("DEBUG")

    response, token = callback_with(client, portal, **overrides)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Innloggingen ble avvist" in page and "du er ikke logget inn" in page
    assert not SsoIdentity.objects.exists() and not User.objects.exists()
    assert client.get("/konto/profil/").status_code == 302
    refusals = [record.getMessage() for record in caplog.records if record.name == "participants.sso"]
    assert any(reason in message for message in refusals), refusals
    assert token not in caplog.text and token.split(".")[1] not in caplog.text


def test_an_unsigned_token_is_refused_and_its_header_is_not_logged(portal, db, caplog):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    client = Client()
    query = query_of(start_login(client))
    header = base64.urlsafe_b64encode(json.dumps({"alg": "15830800120"}).encode()).rstrip(b"=").decode()
    body = base64.urlsafe_b64encode(json.dumps(portal.claims(nonce=query["nonce"])).encode()).rstrip(b"=").decode()
    portal.id_token = f"{header}.{body}."

    response = client.get("/konto/sso/callback/", {"code": "a-code", "state": query["state"]})

    assert response.status_code == 400
    assert "not signed with RS256" in caplog.text and "15830800120" not in caplog.text
    assert not SsoIdentity.objects.exists()


def test_a_valid_token_for_an_invited_person_logs_in(portal, db):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    client = Client()

    response, _token = callback_with(client, portal)

    assert response.status_code == 302
    assert SsoIdentity.objects.get().subject == "7d1c1d63-0000-4000-8000-kari"
    assert portal.token_requests[-1]["code_verifier"]  # PKCE: the verifier goes with the code
    assert client.get("/konto/profil/").status_code == 200


def test_a_token_without_the_oid_claim_is_matched_by_sub(portal, db):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)

    callback_with(Client(), portal, oid=None)

    assert SsoIdentity.objects.get().subject == "sub-kari"


def test_a_token_replayed_with_an_old_state_is_refused(portal, db):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    client = Client()
    query = query_of(start_login(client))
    portal.mint(portal.claims(query["nonce"]))
    client.get("/konto/sso/callback/", {"code": "a-code", "state": query["state"]})
    client.post("/konto/logout/")

    response = client.get("/konto/sso/callback/", {"code": "a-code", "state": query["state"]})

    assert response.status_code == 400
    assert client.get("/konto/profil/").status_code == 302


def test_the_provider_saying_no_gives_the_refusal_page(portal, db):
    client = Client()
    query = query_of(start_login(client))

    response = client.get("/konto/sso/callback/", {"error": "access_denied", "state": query["state"]})

    assert response.status_code == 400
    assert "Innloggingen ble avvist" in response.content.decode()


def test_an_uninvited_account_sees_no_access_yet_and_no_data(portal, gjesdal, caplog):
    client = Client()

    response, token = callback_with(client, portal, email="ukjent@gjesdal.kommune.no")

    page = response.content.decode()
    assert response.status_code == 403
    assert "Du har ikke tilgang ennå — kontakt SLT-koordinatoren" in page
    assert "Natteravn" not in page and "Tiltak" not in page
    assert not User.objects.filter(email="ukjent@gjesdal.kommune.no").exists()
    assert client.get("/tiltak/").status_code == 302
    assert token not in caplog.text


def test_a_login_with_a_password_is_no_invitation_for_a_superuser(portal, db):
    User.objects.create_superuser("reserve", KARI_EMAIL, "a-long-break-glass-password")

    response, _token = callback_with(Client(), portal)

    assert response.status_code == 403
    assert not SsoIdentity.objects.exists()


def test_an_email_shared_by_two_logins_links_neither(portal, db):
    User.objects.create_user("kari1", KARI_EMAIL)
    User.objects.create_user("kari2", KARI_EMAIL.upper())

    response, _token = callback_with(Client(), portal)

    assert response.status_code == 403
    assert not SsoIdentity.objects.exists()


def test_a_second_account_with_the_same_email_does_not_take_over_a_linked_login(portal, db):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    callback_with(Client(), portal)

    response, _token = callback_with(Client(), portal, oid="another-account", sub="another-sub")

    assert response.status_code == 403
    assert SsoIdentity.objects.get().subject == "7d1c1d63-0000-4000-8000-kari"


def test_a_deactivated_login_cannot_come_back_through_the_provider(portal, db):
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    callback_with(Client(), portal)
    User.objects.update(is_active=False)

    response, _token = callback_with(Client(), portal)

    assert response.status_code == 403


def test_a_claim_that_is_a_national_id_is_refused_and_never_stored_or_logged(sso, token_signer, db, caplog):
    sso({**token_signer.env, "OIDC_CLAIM": "pid"})
    Person.objects.create(name="Kari Nordmann", email=KARI_EMAIL)
    caplog.set_level("DEBUG")

    response, _token = callback_with(Client(), token_signer, pid="15830800120")

    assert response.status_code == 400
    assert not SsoIdentity.objects.exists()
    assert "15830800120" not in caplog.text
    assert "national identity number" in caplog.text


def test_a_provider_that_is_down_gives_a_friendly_page_with_the_password_login(sso, db, caplog):
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    sso({"OIDC_OP_ISSUER": down, **dict.fromkeys(_ENDPOINTS, f"{down}/x"), "OIDC_TIMEOUT": "2"})

    response = Client().get("/konto/sso/login/")

    page = response.content.decode()
    assert response.status_code == 503
    assert "Kommunens innlogging svarer ikke" in page
    assert 'name="password"' in page
    assert "the provider does not answer" in caplog.text


def test_a_provider_that_is_down_shows_no_password_form_when_password_login_is_off(sso, db):
    down = f"http://127.0.0.1:{free_port()}"
    sso({"OIDC_OP_ISSUER": down, **dict.fromkeys(_ENDPOINTS, f"{down}/x"), "PASSWORD_LOGIN": "off"})

    response = Client().get("/konto/sso/login/")

    assert response.status_code == 503
    assert 'name="password"' not in response.content.decode()


def test_a_provider_that_goes_down_during_the_login_gives_the_friendly_page(sso, token_signer, db):
    sso({**token_signer.env, "OIDC_OP_TOKEN_ENDPOINT": f"http://127.0.0.1:{free_port()}/token"})
    client = Client()
    query = query_of(start_login(client))

    response = client.get("/konto/sso/callback/", {"code": "a-code", "state": query["state"]})

    assert response.status_code == 503
    assert "Kommunens innlogging svarer ikke" in response.content.decode()


_ENDPOINTS = ["OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"]
