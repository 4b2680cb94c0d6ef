"""Single sign-on through the municipality's OpenID Connect provider (Entra ID as municipalities run it).

mozilla-django-oidc runs the authorization code flow with PKCE and a nonce; this backend checks the
ID token in full (RS256 signature against the provider's keys, issuer, audience, expiry, nonce),
finds the user by a stable claim and never makes a login for someone the coordinator has not
invited. An SSO login grants no role: roles are the portal's groups, given by the coordinator.

Nothing from a token is logged, and a national identity number in any claim (ID-porten's `pid`,
or a `sub` that is one) is neither stored nor logged.
"""

import logging
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.db import IntegrityError
from django.shortcuts import resolve_url
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify

from .models import SsoIdentity
from .services import sso_identity_link
from .validators import find_national_ids

logger = logging.getLogger(__name__)

BACKEND = "participants.sso.SsoBackend"
ID_TOKEN_SESSION_KEY = "oidc_id_token"
_NO_NONCE = object()


class SsoRefused(Exception):
    """The provider's answer is not acceptable (a bad token); `reason` is safe to log."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class ProviderUnavailable(Exception):
    """The provider did not answer, or answered with a server error."""


class NotInvited(Exception):
    """A valid login at the provider for which the coordinator has made no invitation."""


def holds_national_id(value):
    return bool(find_national_ids(str(value)))


class SsoBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        self.request = request
        nonce = kwargs.get("nonce")
        if request is None or nonce is None or not request.GET.get("code") or not request.GET.get("state"):
            return None  # not the provider's callback (a password login asks every backend)
        token_request = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": request.GET["code"],
            "redirect_uri": absolutify(request, reverse("sso_callback")),
        }
        if kwargs.get("code_verifier"):
            token_request["code_verifier"] = kwargs["code_verifier"]
        answer = self._ask_provider(self.get_token, token_request)
        id_token = answer.get("id_token") if isinstance(answer, dict) else None
        if not isinstance(id_token, str):
            raise SsoRefused("the token endpoint gave no ID token")
        claims = self._ask_provider(self.verify_token, id_token, nonce=nonce)
        if self.OIDC_OP_USER_ENDPOINT and answer.get("access_token"):
            userinfo = self._ask_provider(self.get_userinfo, answer["access_token"], id_token, claims)
            if not isinstance(userinfo, dict) or str(userinfo.get("sub", claims["sub"])) != str(claims["sub"]):
                raise SsoRefused("the userinfo answer is about another account")
            claims = {**userinfo, **claims}
        user = self.user_for_claims(claims)
        if not any(holds_national_id(value) for value in claims.values()):
            # Kept for the provider's logout (id_token_hint); a token holding a national id is not kept.
            request.session[ID_TOKEN_SESSION_KEY] = id_token
        return user

    def _ask_provider(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except requests.HTTPError as error:
            status = error.response.status_code if error.response is not None else 500
            if status >= 500:
                raise ProviderUnavailable from None
            raise SsoRefused(f"the provider answered {status}") from None
        except requests.RequestException:
            raise ProviderUnavailable from None
        except ValueError:
            raise SsoRefused("the provider's answer is not JSON") from None

    def verify_token(self, token, nonce=_NO_NONCE, **kwargs):
        """The token's claims once signature, issuer, audience, expiry and nonce are all right."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise SsoRefused("the ID token is not a JWT") from None
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SsoRefused(f"the ID token is not signed with {self.OIDC_RP_SIGN_ALGO}")  # its header is not logged
        key = self.signing_key(header)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                leeway=60,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise SsoRefused("the ID token has expired") from None
        except jwt.InvalidIssuerError:
            raise SsoRefused("the ID token is from another issuer") from None
        except jwt.InvalidAudienceError:
            raise SsoRefused("the ID token is meant for another client") from None
        except jwt.InvalidSignatureError:
            raise SsoRefused("the ID token's signature is wrong") from None
        except jwt.InvalidTokenError as error:
            raise SsoRefused(f"the ID token is not valid ({type(error).__name__})") from None
        if nonce is not _NO_NONCE and claims.get("nonce") != nonce:
            raise SsoRefused("the ID token's nonce is not the one this login sent")
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SsoRefused("the ID token was issued to another client")
        return claims

    def signing_key(self, header):
        """The provider's published key the token names (kid), for its algorithm."""
        answer = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        answer.raise_for_status()
        for key in answer.json().get("keys", []):
            if key.get("kid") == header.get("kid") and key.get("alg", header["alg"]) == header["alg"]:
                try:
                    return jwt.PyJWK(key, algorithm=header["alg"])
                except jwt.PyJWKError:
                    break
        raise SsoRefused("no key of the provider matches the ID token")

    def user_for_claims(self, claims):
        subject = claims.get(settings.OIDC_CLAIM) or claims["sub"]
        subject = str(subject)
        if holds_national_id(subject):
            raise SsoRefused("the identifying claim holds a national identity number; set OIDC_CLAIM to another claim")
        identity = SsoIdentity.objects.select_related("user").filter(issuer=settings.OIDC_OP_ISSUER, subject=subject)
        identity = identity.first()
        if identity is not None:
            if not self.user_can_authenticate(identity.user):
                raise NotInvited
            return identity.user
        email = next(
            (str(claims[name]) for name in settings.OIDC_EMAIL_CLAIMS if "@" in str(claims.get(name) or "")), None
        )
        try:
            user = sso_identity_link(issuer=settings.OIDC_OP_ISSUER, subject=subject, email=email)
        except IntegrityError:  # the same account's first login in two tabs at once: the other one linked it
            return self.user_for_claims(claims)
        if user is None:
            raise NotInvited
        logger.info("Single sign-on: linked an account at the provider to user %s by invitation", user.pk)
        return user

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class BreakGlassPasswordBackend(ModelBackend):
    """Password login when PASSWORD_LOGIN is off: the superuser only, for when single sign-on fails."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        return user if user is not None and user.is_superuser else None


def provider_logout_url(request):
    """Where logout sends the browser: the provider's end-session endpoint after a single sign-on."""
    if request.session.get(BACKEND_SESSION_KEY) != BACKEND:
        return resolve_url(settings.LOGOUT_REDIRECT_URL)
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
    }
    if request.session.get(ID_TOKEN_SESSION_KEY):
        params["id_token_hint"] = request.session[ID_TOKEN_SESSION_KEY]
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode(params)}"


def provider_reachable():
    """Whether the provider answers at all: asked before the browser is sent there."""
    try:
        response = requests.get(settings.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
    except requests.RequestException:
        return False
    return response.status_code < 500
