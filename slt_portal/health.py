"""/healthz for the proxy's or the orchestrator's health check."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

HEALTH_SECONDS = 2


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when not; no login, no data."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The answer is due within HEALTH_SECONDS, whatever the statement timeout of pages.
                cursor.execute("SET statement_timeout = %s", [HEALTH_SECONDS * 1000])
            cursor.execute("SELECT 1")
            cursor.fetchone()
            if connection.vendor == "postgresql":
                cursor.execute("RESET statement_timeout")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path("healthz", healthz, name="healthz")]
