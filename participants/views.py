"""The profile page: each person keeps their own e-mail, phone and weekly summary choice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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
