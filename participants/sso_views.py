"""The two ends of a single sign-on: sending the browser to the provider and taking it back.

Each way a login can fail has its own page in Norwegian and a log line that names the reason and
never the token: the provider does not answer (503, with the password form where that is on), the
token is refused (400), the account is not invited (403, no data).
"""

import logging
import re

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import render
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .sso import NotInvited, ProviderUnavailable, SsoRefused, provider_reachable

logger = logging.getLogger("participants.sso")


def problem(request, *, status, title, text, password_form=False):
    context = {"title": title, "text": text}
    if password_form and settings.PASSWORD_LOGIN:
        context["form"] = AuthenticationForm(request)
    return render(request, "registration/sso_problem.html", context, status=status)


def provider_unavailable(request):
    return problem(
        request,
        status=503,
        title=_("The municipality's login is not responding"),
        text=_("The municipality's login service is not responding right now. Try again in a little while."),
        password_form=True,
    )


def refused(request):
    return problem(
        request,
        status=400,
        title=_("The login was refused"),
        text=_(
            "The answer from the municipality's login service could not be accepted, so you are not logged in. "
            "Try logging in again. If it happens again, contact the municipality's IT department."
        ),
    )


def not_invited(request):
    return problem(
        request,
        status=403,
        title=_("You do not have access yet — contact the SLT coordinator"),
        text=_(
            "You are logged in at the municipality, but the SLT coordinator has not given you access to "
            "SLT-portalen. Ask the coordinator to add you with your e-mail address, and log in again."
        ),
    )


class SsoLoginView(OIDCAuthenticationRequestView):
    def get(self, request):
        if not provider_reachable():
            logger.warning("Single sign-on: the provider does not answer; the login page shows the error")
            return provider_unavailable(request)
        return super().get(request)


class SsoCallbackView(OIDCAuthenticationCallbackView):
    def get(self, request):
        try:
            return super().get(request)
        except ProviderUnavailable:
            logger.warning("Single sign-on: the provider did not answer during login")
            return provider_unavailable(request)
        except SsoRefused as error:
            logger.warning("Single sign-on refused: %s", error.reason)
            return refused(request)
        except SuspiciousOperation:
            logger.warning("Single sign-on refused: the answer does not belong to a login started here")
            return refused(request)
        except NotInvited:
            logger.info("Single sign-on: a valid account at the provider has no invitation")
            return not_invited(request)

    def login_failure(self):
        # The provider's error code only when it is one (RFC 6749 codes): the query string is the caller's.
        error = self.request.GET.get("error", "")
        said = f": the provider says {error}" if re.fullmatch(r"[a-z_]{1,40}", error) else ""
        logger.warning("Single sign-on not completed%s", said)
        return refused(self.request)
