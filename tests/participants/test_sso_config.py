"""Single sign-on's configuration: off without its variables, the login page, password login turned off."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import NoReverseMatch, reverse

from participants.sso_settings import provider_settings
from tests.conftest import PASSWORD
from tests.slt_portal.test_security import manage, production_env

ENTRA = "https://login.microsoftonline.com/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def test_without_its_variables_single_sign_on_is_not_there_at_all(settings, client, db):
    assert not settings.SSO_ENABLED
    assert "participants.sso.SsoBackend" not in settings.AUTHENTICATION_BACKENDS
    assert not [name for name in settings.MIDDLEWARE if "oidc" in name]
    with pytest.raises(NoReverseMatch):
        reverse("sso_login")
    assert client.get("/konto/sso/login/").status_code == 404
    page = client.get("/konto/login/").content.decode()
    assert "Logg inn med kommunens konto" not in page and 'name="password"' in page


def test_the_login_page_offers_the_municipalitys_login_when_configured(sso, token_signer, client, db):
    sso(token_signer.env)

    page = client.get("/konto/login/", {"next": "/tiltak/"}).content.decode()

    assert 'href="/konto/sso/login/?next=/tiltak/"' in page
    assert "Logg inn med kommunens konto" in page
    assert 'name="password"' in page and "Reservetilgang" not in page


def test_with_password_login_off_the_password_form_is_only_the_break_glass_account(sso, token_signer, client, db):
    sso({**token_signer.env, "PASSWORD_LOGIN": "off"})

    page = client.get("/konto/login/").content.decode()

    assert "Logg inn med kommunens konto" in page
    assert "Reservetilgang for administrator" in page


def test_with_password_login_off_a_staff_members_password_does_not_log_in(sso, token_signer, working_member):
    sso({**token_signer.env, "PASSWORD_LOGIN": "off"})
    client = Client()

    response = client.post("/konto/login/", {"username": "arbeidsmedlem", "password": PASSWORD})

    assert response.status_code == 200
    assert client.get("/konto/profil/").status_code == 302


def test_with_password_login_off_the_break_glass_superuser_still_logs_in(sso, token_signer, db):
    from django.contrib.auth.models import User

    User.objects.create_superuser("reserve", "it@gjesdal.kommune.no", PASSWORD)
    sso({**token_signer.env, "PASSWORD_LOGIN": "off"})
    client = Client()

    response = client.post("/konto/login/", {"username": "reserve", "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/konto/profil/").status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "coordinator"])
def test_the_single_sign_on_urls_answer_the_same_to_everyone(sso, token_signer, outsider, coordinator, persona):
    sso(token_signer.env)
    client = Client()
    if persona != "anonymous":
        client.force_login({"outsider": outsider, "coordinator": coordinator}[persona])

    assert client.get(reverse("sso_login"))["Location"].startswith(f"{token_signer.url}/authorize?")
    assert client.post(reverse("sso_login")).status_code == 405
    assert client.get(reverse("sso_callback")).status_code == 400
    assert client.post(reverse("sso_callback")).status_code == 405


def test_entra_id_needs_only_the_tenants_issuer():
    found = provider_settings({"OIDC_RP_CLIENT_ID": "app-id", "OIDC_OP_ISSUER": f"{ENTRA}/v2.0/"})

    assert found["OIDC_OP_ISSUER"] == f"{ENTRA}/v2.0"
    assert found["OIDC_OP_AUTHORIZATION_ENDPOINT"] == f"{ENTRA}/oauth2/v2.0/authorize"
    assert found["OIDC_OP_TOKEN_ENDPOINT"] == f"{ENTRA}/oauth2/v2.0/token"
    assert found["OIDC_OP_JWKS_ENDPOINT"] == f"{ENTRA}/discovery/v2.0/keys"
    assert found["OIDC_OP_LOGOUT_ENDPOINT"] == f"{ENTRA}/oauth2/v2.0/logout"
    assert found["OIDC_USE_PKCE"] and found["OIDC_RP_SIGN_ALGO"] == "RS256" and found["OIDC_CLAIM"] == "oid"
    assert found["SSO_PROVIDER_ORIGIN"] == "https://login.microsoftonline.com"


def test_another_provider_must_name_its_endpoints():
    with pytest.raises(ImproperlyConfigured, match="OIDC_OP_TOKEN_ENDPOINT"):
        provider_settings({"OIDC_RP_CLIENT_ID": "app", "OIDC_OP_ISSUER": "https://idp.example/"})


def test_check_deploy_is_clean_with_single_sign_on_and_password_login_off():
    env = production_env(OIDC_RP_CLIENT_ID="app-id", OIDC_OP_ISSUER=f"{ENTRA}/v2.0", PASSWORD_LOGIN="off")
    env["OIDC_RP_CLIENT_SECRET"] = "a-secret"

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    script = (
        "from django.conf import settings; from django.urls import reverse; "
        "print(reverse('sso_login'), reverse('sso_callback')); print(settings.AUTHENTICATION_BACKENDS); "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    )
    shown = manage("shell", "-c", script, env=env).stdout
    assert "/konto/sso/login/ /konto/sso/callback/" in shown
    assert "participants.sso.BreakGlassPasswordBackend" in shown and "participants.sso.SsoBackend" in shown
    assert "https://login.microsoftonline.com" in shown
