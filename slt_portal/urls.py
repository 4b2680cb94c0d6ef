import os

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve

from measures import views as measure_views
from slt_portal.health import healthz

admin.site.site_header = "SLT-portalen"
admin.site.site_title = "SLT-portalen"

urlpatterns = [
    path("", measure_views.home, name="home"),
    # Login, logout and password change; a forgotten password is reset by the coordinator.
    path("konto/login/", auth_views.LoginView.as_view(), name="login"),
    path("konto/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/passord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("konto/passord/endret/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("tiltak/", include("measures.urls")),
    path("moter/", include("meetings.urls")),
    path("admin/", admin.site.urls),
    path("tilgjengelighet/", TemplateView.as_view(template_name="accessibility.html"), name="accessibility"),
    path("healthz", healthz, name="healthz"),
    path("", include("slt_portal.plan_urls")),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

# The bare page that benchmarks compare every real page against; only when asked for.
if os.environ.get("DJANGO_BENCH_VIEWS") == "1":
    from slt_portal.bench_views import bare_ok

    urlpatterns += [path("bench/ok", bare_ok, name="bench_ok")]
