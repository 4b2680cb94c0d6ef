"""Who opened confidential minutes, and when: recorded on the meeting page and the minutes PDF,
read by the coordinator on a page of its own."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from participants.roles import require_coordinator

from . import access
from .models import MinutesAccess, MinutesAccessKind


def record(request, meeting, kind: MinutesAccessKind) -> None:
    """Log the opening when the meeting is confidential and its content was shown to the user."""
    if meeting.series.is_confidential and access.can_see_content(request.user, meeting.series):
        user = request.user
        MinutesAccess.objects.create(meeting=meeting, user=user, username=user.get_username(), kind=kind)


@login_required
@require_GET
@cache_control(no_store=True)
def minutes_access_log(request):
    require_coordinator(request.user)
    entries = MinutesAccess.objects.select_related("meeting__series", "user")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "meetings/minutes_access_log.html", {"page": page, "entries": page.object_list})
