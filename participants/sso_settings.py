"""Single sign-on settings from the environment, read by settings.py only when OIDC_RP_CLIENT_ID is set.

Kept apart from settings.py so that a portal without single sign-on reads none of it, and free of
model imports so that settings.py can import it.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# Entra ID (Azure AD) publishes its endpoints under the tenant's issuer; naming the issuer is enough.
_ENTRA_ISSUER = re.compile(r"^https://login\.microsoftonline\.com/(?P<tenant>[^/]+)/v2\.0/?$")

ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "oauth2/v2.0/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "oauth2/v2.0/token",
    "OIDC_OP_JWKS_ENDPOINT": "discovery/v2.0/keys",
    "OIDC_OP_LOGOUT_ENDPOINT": "oauth2/v2.0/logout",
}
REQUIRED = ["OIDC_OP_ISSUER", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"]


def provider_settings(env):
    """The Django settings for mozilla-django-oidc and the portal's backend, from environment variables."""
    issuer = env.get("OIDC_OP_ISSUER", "").strip()
    entra = _ENTRA_ISSUER.match(issuer)
    found = {"OIDC_OP_ISSUER": issuer}
    for name, path in ENDPOINTS.items():
        default = f"https://login.microsoftonline.com/{entra['tenant']}/{path}" if entra else ""
        found[name] = env.get(name, "").strip() or default
    found["OIDC_OP_USER_ENDPOINT"] = env.get("OIDC_OP_USER_ENDPOINT", "").strip()
    missing = [name for name in REQUIRED if not found[name]]
    if missing:
        raise ImproperlyConfigured(f"Single sign-on (OIDC_RP_CLIENT_ID is set) also needs {', '.join(missing)}.")
    if entra:
        # Entra ID's issuer in the token ends with /v2.0, without a slash.
        found["OIDC_OP_ISSUER"] = f"https://login.microsoftonline.com/{entra['tenant']}/v2.0"
    logout = found["OIDC_OP_LOGOUT_ENDPOINT"]
    return {
        **found,
        "OIDC_RP_CLIENT_ID": env["OIDC_RP_CLIENT_ID"],
        "OIDC_RP_CLIENT_SECRET": env.get("OIDC_RP_CLIENT_SECRET", ""),
        "OIDC_RP_SCOPES": env.get("OIDC_RP_SCOPES", "openid email profile"),
        # The claim that names an account for good: Entra ID's object ID; `sub` where a token lacks it.
        "OIDC_CLAIM": env.get("OIDC_CLAIM", "oid"),
        # Where the first login finds the e-mail address the coordinator invited, first one present.
        "OIDC_EMAIL_CLAIMS": [
            name.strip() for name in env.get("OIDC_EMAIL_CLAIMS", "email,preferred_username,upn").split(",")
        ],
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_USE_PKCE": True,
        "OIDC_USE_NONCE": True,
        "OIDC_CREATE_USER": False,
        "OIDC_TIMEOUT": int(env.get("OIDC_TIMEOUT", "5")),
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso_callback",
        "OIDC_OP_LOGOUT_URL_METHOD": "participants.sso.provider_logout_url" if logout else "",
        # The browser is sent to the provider's logout from the logout form: CSP's form-action must allow it.
        "SSO_PROVIDER_ORIGIN": _origin(logout),
    }


def _origin(url):
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
