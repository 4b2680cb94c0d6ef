"""The innkalling from the meeting page: sending it (again, when the agenda changed), and its PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from .. import access
from ..notices import can_send, notice_pdf, notice_send


@login_required
@require_POST
def notice_send_view(request, pk):
    meeting = access.meeting_for(request.user, pk)
    if not (access.can_see_content(request.user, meeting.series) and can_send(request.user, meeting)):
        raise PermissionDenied
    if meeting.is_cancelled:
        messages.error(request, _("The meeting is cancelled: no notice was sent."))
        return redirect("meetings:meeting_detail", pk=meeting.pk)
    notice = notice_send(meeting=meeting, user=request.user, base_url=request.build_absolute_uri("/").rstrip("/"))
    if notice is None:
        messages.info(request, _("The notice was sent less than a minute ago; it was not sent again."))
    else:
        count = notice.recipients.count()
        messages.success(request, _("The notice was sent to %(count)s people.") % {"count": count})
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
@require_GET
@cache_control(no_store=True)
def notice_pdf_view(request, pk):
    meeting = access.meeting_for(request.user, pk)
    local = timezone.localtime(meeting.starts_at)
    response = HttpResponse(notice_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="innkalling-{meeting.series.key}-{local:%Y-%m-%d}.pdf"'
    return response
