"""The root URLconf: each app's URLs under its own prefix, and nothing else."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SLT-portalen"
admin.site.site_title = "SLT-portalen"

urlpatterns = [
    path("", include("plans.urls")),
    path("konto/", include("meetings.account")),  # the password change, which renews calendar addresses
    path("konto/", include("participants.urls")),
    path("tiltak/", include("measures.urls")),
    path("moter/", include("meetings.urls")),
    path("admin/", admin.site.urls),
    path("", include("slt_portal.health")),
    # Uploaded files (the plan's logo) in development; in production the web server serves them.
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]
if settings.SSO_ENABLED:
    urlpatterns.insert(1, path("konto/sso/", include("participants.sso_urls")))
