"""Login and logout, and the profile page: each person keeps their own e-mail, phone and weekly summary choice."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import login_limit
from .forms import ProfileForm
from .models import Person


def person_of(user):
    """The user's person; made on first visit for a login that has none yet."""
    try:
        return user.person
    except Person.DoesNotExist:
        return Person(user=user, name=user.get_full_name() or user.username, email=user.email)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=person_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    return render(request, "participants/profile.html", {"form": form})


class LoginView(login_limit.LoginView):
    """Django's login page, limited per address, with the municipality's single sign-on when it is configured."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "sso_enabled": settings.SSO_ENABLED,
            "password_login": settings.PASSWORD_LOGIN,
        }


class LogoutView(auth_views.LogoutView):
    """Ends the portal's session and, after a single sign-on, the provider's where it offers that."""

    def post(self, request, *args, **kwargs):
        method = getattr(settings, "OIDC_OP_LOGOUT_URL_METHOD", "") if settings.SSO_ENABLED else ""
        if not method or not request.user.is_authenticated:
            return super().post(request, *args, **kwargs)
        provider_logout = import_string(method)(request)  # reads the session: before it ends
        auth_logout(request)
        return redirect(provider_logout)
