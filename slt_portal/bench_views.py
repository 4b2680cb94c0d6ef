"""A bare page for benchmarks: the same login check as every real page, and nothing else.

It is in the URLconf only when DJANGO_BENCH_VIEWS=1 (see urls.py), never in normal runs.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def bare_ok(request):
    return HttpResponse("ok")
