"""The coordinator sets a new password for a user who has forgotten theirs.

Only for users below the coordinator: never a superuser or another coordinator, whose accounts
can take over the portal (they use `changepassword` on the server).
"""

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .roles import is_coordinator, require_coordinator


def may_reset_password_of(user: User, target: User) -> bool:
    """The coordinator may set the password of users below the coordinator, not their own here."""
    return is_coordinator(user) and target.pk != user.pk and not target.is_superuser and not is_coordinator(target)


@login_required
@require_GET
def user_list(request):
    require_coordinator(request.user)
    users = User.objects.order_by("username").prefetch_related("groups")
    rows = [(target, may_reset_password_of(request.user, target)) for target in users]
    return render(request, "participants/user_list.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def user_password_reset(request, pk):
    require_coordinator(request.user)
    with transaction.atomic():
        target = get_object_or_404(User.objects.select_for_update(), pk=pk)
        if not may_reset_password_of(request.user, target):
            raise PermissionDenied
        form = SetPasswordForm(target, request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.save()  # a new password hash also ends the user's open sessions
            axes_reset(username=target.username)  # a lockout from the forgotten password ends too
            messages.success(
                request,
                _("A new password is set for %(user)s. Give it to them in person or by phone, not by e-mail.")
                % {"user": target.get_full_name() or target.username},
            )
            return redirect("user_list")
    return render(request, "participants/user_password_reset.html", {"form": form, "target": target})
