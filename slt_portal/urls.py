from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from measures import views as measure_views

admin.site.site_header = "SLT-portalen"
admin.site.site_title = "SLT-portalen"

urlpatterns = [
    path("", measure_views.home, name="home"),
    path("konto/", include("django.contrib.auth.urls")),
    path("tiltak/", include("measures.urls")),
    path("moter/", include("meetings.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
