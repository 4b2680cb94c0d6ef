"""The product's URLs plus the bare page that benchmarks compare every real page against.

The bare page does the same login check as every real page, and nothing else.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from slt_portal.urls import urlpatterns as product_urlpatterns


@login_required
def bare_ok(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/ok", bare_ok, name="bench_ok"), *product_urlpatterns]
