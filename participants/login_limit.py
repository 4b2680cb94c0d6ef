"""A limit on failed logins per client address, across user names.

The lockout (django-axes) counts failures per user name and address; a flood of logins with
random user names passes under it and costs a password hash each. Here the failures axes has
recorded for one address within the cool-off time are added up, over every user name; past the
limit that address is refused before any password is checked. Refused attempts are not recorded,
so they do not extend the limit, and other addresses are not affected.
"""

import ipaddress

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from slt_portal.client_address import client_address


def address_is_limited(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False  # no address to count by (axes records none either)
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return (failures or 0) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


class LoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        if address_is_limited(client_address(request)):
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            return render(request, "registration/address_limited.html", {"cooloff_minutes": minutes}, status=429)
        return super().post(request, *args, **kwargs)
