"""The password change, which also offers new calendar addresses: a leaked password may mean a leaked address.

It lives here rather than in participants because the calendar addresses are the meetings app's.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CalendarToken
from .views.calendar import remember_new_addresses


class PasswordAndCalendarChangeForm(PasswordChangeForm):
    renew_calendar_addresses = forms.BooleanField(
        label=gettext_lazy("Give my calendar subscriptions new addresses"),
        help_text=gettext_lazy(
            "The old addresses stop working. Add the new ones to your calendar; they are shown once, "
            "under Meetings → Calendar subscription."
        ),
        required=False,
        initial=True,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        if not user.calendar_tokens.exists():
            del self.fields["renew_calendar_addresses"]


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordAndCalendarChangeForm

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            if form.cleaned_data.get("renew_calendar_addresses"):
                renewed = {
                    row.series_id: CalendarToken.objects.issue(user=self.request.user, series=row.series)[1]
                    for row in self.request.user.calendar_tokens.select_related("series")
                }
                remember_new_addresses(self.request, renewed)
                messages.success(self.request, _("Your password has been changed."))
                messages.success(
                    self.request,
                    _("Your calendar subscriptions have new addresses; the old ones no longer work."),
                )
                return redirect("meetings:calendar_settings")
        return response


# Included under konto/ before participants' URLs, so that this view answers the password change.
urlpatterns = [
    path("passord/", PasswordChangeView.as_view(), name="password_change"),
]
