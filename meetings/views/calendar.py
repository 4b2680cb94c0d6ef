"""Calendar subscriptions: secret iCalendar addresses for one's own meetings or one series."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import access
from ..models import CalendarToken, Meeting, MeetingSeries, feed_token_hash
from ..rendering import calendar_bytes
from .common import parse_id, series_of_current_plan


def _feed_url(request, token):
    return request.build_absolute_uri(reverse("meetings:calendar_feed", args=[token]))


# Only a hash of each address is stored: a new address is shown once, on the page after it was made.
NEW_ADDRESS_SESSION_KEY = "calendar_new_addresses"


def remember_new_addresses(request, tokens):
    """Keep new addresses ({series id or None: token}) for the calendar page to show once."""
    request.session[NEW_ADDRESS_SESSION_KEY] = {str(series_id or ""): token for series_id, token in tokens.items()}


@login_required
@require_GET
def calendar_settings(request):
    access.require_read(request.user)
    tokens = {token.series_id: token for token in request.user.calendar_tokens.all()}
    new_addresses = request.session.pop(NEW_ADDRESS_SESSION_KEY, None) or {}
    shown = {}
    for series_id, token in tokens.items():
        secret = new_addresses.get(str(series_id or ""))
        if secret and token.token_hash == feed_token_hash(secret):
            shown[series_id] = _feed_url(request, secret)
    personal = tokens.get(None)
    _plan, series_list = series_of_current_plan()
    rows = [(series, tokens.get(series.pk)) for series in series_list]
    return render(
        request,
        "meetings/calendar_settings.html",
        {
            "personal": personal,
            "personal_url": shown.get(None, ""),
            "rows": [(series, token, shown.get(series.pk, "")) for series, token in rows],
        },
    )


def _token_series(request):
    value = request.POST.get("series", "")
    if not value:
        return None
    if parse_id(value) is None:
        raise Http404
    return get_object_or_404(MeetingSeries, pk=parse_id(value))


@login_required
@require_POST
def calendar_token_new(request):
    access.require_read(request.user)
    series = _token_series(request)
    replaced = CalendarToken.objects.filter(user=request.user, series=series).exists()
    _row, token = CalendarToken.objects.issue(user=request.user, series=series)
    remember_new_addresses(request, {series.pk if series else None: token})
    if replaced:
        messages.success(request, _("A new subscription address was made. The old address no longer works."))
    else:
        messages.success(request, _("Your subscription address is ready. Add it to your calendar as a subscription."))
    return redirect("meetings:calendar_settings")


@login_required
@require_POST
def calendar_token_revoke(request):
    access.require_read(request.user)
    series = _token_series(request)
    CalendarToken.objects.filter(user=request.user, series=series).delete()
    messages.success(request, _("The subscription address was turned off."))
    return redirect("meetings:calendar_settings")


@require_GET
def calendar_feed(request, token):
    """The iCalendar feed behind a secret address; no login, the token is the key."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):  # what new_feed_token makes; PostgreSQL refuses NUL
        raise Http404
    token = get_object_or_404(CalendarToken.objects.for_token(token).select_related("user", "series"))
    if not token.user.is_active or not access.can_read(token.user):
        raise Http404
    meetings = Meeting.objects.select_related("series").prefetch_related(Prefetch("series__bodies"))
    if token.series is None:
        meetings = meetings.filter(pk__in=Meeting.objects.attended_by(token.user))
        name = _("My SLT meetings")
    else:
        meetings = meetings.filter(series=token.series)
        name = token.series.name
    body = calendar_bytes(
        meetings,
        name=name,
        url_for=lambda meeting: request.build_absolute_uri(reverse("meetings:meeting_detail", args=[meeting.pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="slt-moter.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
