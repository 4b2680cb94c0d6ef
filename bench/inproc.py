"""In-process measurements against one benchmark database (DATABASE_URL): query counts and PDF timings.

    DATABASE_URL=... python bench/inproc.py queries     # SQL queries per page, as the coordinator
    DATABASE_URL=... python bench/inproc.py pdf N       # plan PDF: fresh, WeasyPrint alone, cached
    DATABASE_URL=... python bench/inproc.py memory      # peak memory of a fresh render, above imports
    DATABASE_URL=... python bench/inproc.py profile NAME...  # where a page's time goes (cProfile)

Each prints one line of JSON. Used by bench/run.py.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from measures.models import ActionPlan  # noqa: E402
from meetings.models import Meeting  # noqa: E402
from plans.documents import PLAN_TEMPLATE, plan_context, plan_title, render_plan_pdf  # noqa: E402
from slt_portal.pdf import static_root, warm_up  # noqa: E402

COORDINATOR = "koordinator"
PLAN_PDF = "/handlingsplan/pdf/"  # the adopted version's archived bytes, as the steering group downloads it
# The working draft: rendered from the data as it stands, and kept in the cache under its change stamp.
DRAFT_PDF = "/handlingsplan/utkast/pdf/"


PUBLIC_VISIT = "/plan/?offentlig"  # the public page as the public reads it, not logged in (as in run.py)


def busiest_meeting():
    """The meeting with the most action items: the heaviest meeting page."""
    return Meeting.objects.annotate(n=Count("action_items")).order_by("-n", "pk").first()


def pages():
    meeting = busiest_meeting()
    return {
        "dashboard": "/",
        "measure list": "/tiltak/",
        "measure page": "/tiltak/9/",
        "meeting list": "/moter/",
        "meeting page": f"/moter/{meeting.pk}/",
        "year view": "/moter/arshjul/",
        "public plan page": "/plan/",
        "public plan page, the public": PUBLIC_VISIT,
        "plan PDF": PLAN_PDF,
    }


def coordinator_client():
    client = Client(SERVER_NAME="127.0.0.1")
    user = get_user_model().objects.get(username=COORDINATOR)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def queries():
    """Queries of one request to each page but the PDF (see `pdf`), after one to warm Django's caches."""
    coordinator = coordinator_client()
    counts = {}
    for name, url in pages().items():
        if name == "plan PDF":
            continue
        client = Client(SERVER_NAME="127.0.0.1") if url == PUBLIC_VISIT else coordinator
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(captured)
    return counts


def download(client, path=DRAFT_PDF):
    start = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200 and response.content.startswith(b"%PDF"), response.status_code
    return elapsed


def pdf(repeat):
    """The working draft's PDF: a fresh render (cache cleared) against WeasyPrint alone on the same
    HTML, its queries, and a second download of the unchanged draft (from the cache). The adopted
    plan's PDF is archived bytes and never rendered on download, so it cannot show these costs."""
    import weasyprint

    plan = ActionPlan.objects.current()
    with translation.override(plan.written_standard):
        context = {**plan_context(plan), "pdf_title": plan_title(plan), "pdf_lang": plan.written_standard}
        html = render_to_string(PLAN_TEMPLATE, context)
    warm_up()  # WeasyPrint imported and warmed, as in a server worker

    def weasyprint_alone():
        document = weasyprint.HTML(string=html, base_url=static_root()).render()
        document.write_pdf(pdf_variant="pdf/ua-1")

    client = coordinator_client()
    client.get("/")  # Django's own caches warm
    alone, fresh, query_count = [], [], None
    for _ in range(repeat):
        start = time.perf_counter()
        weasyprint_alone()
        alone.append(time.perf_counter() - start)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            fresh.append(download(client))
        query_count = len(captured)
    cached = [download(client) for _ in range(5)]
    return {
        "queries": query_count,
        "fresh": statistics.median(fresh),
        "weasyprint": statistics.median(alone),
        "cached": statistics.median(cached),
        "html_chars": len(html),
    }


PROJECT = str(Path(__file__).resolve().parent.parent)
PROFILED_REQUESTS = 20


def _where(function):
    filename, line, name = function
    if filename.startswith(PROJECT) and "site-packages" not in filename:
        return f"{os.path.relpath(filename, PROJECT)}:{line}({name})"
    if "site-packages" in filename:
        return f"{filename.split('site-packages/', 1)[1]}:{line}({name})"
    return f"{Path(filename).name}:{line}({name})" if line else name


def profile(names, top=8):
    """Per page: the project's functions with the most cumulative time, and the functions (anywhere) with
    the most time of their own, in ms per request over PROFILED_REQUESTS requests after a warm-up."""
    import cProfile
    import pstats

    coordinator = coordinator_client()
    urls = pages()
    result = {}
    for name in names:
        url = urls[name]
        client = Client(SERVER_NAME="127.0.0.1") if url == PUBLIC_VISIT else coordinator
        for _ in range(3):
            client.get(url)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for _ in range(PROFILED_REQUESTS):
            client.get(url)
        profiler.disable()
        elapsed = (time.perf_counter() - start) / PROFILED_REQUESTS
        stats = pstats.Stats(profiler).stats  # {function: (calls, primitive calls, own, cumulative, callers)}
        per_request = lambda seconds: round(seconds * 1000 / PROFILED_REQUESTS, 2)  # noqa: E731
        own = [
            (_where(function), per_request(row[2]), per_request(row[3]))
            for function, row in stats.items()
            if function[0].startswith(PROJECT) and "site-packages" not in function[0] and "/bench/" not in function[0]
        ]
        result[name] = {
            "ms": round(elapsed * 1000, 1),
            "project": sorted(own, key=lambda entry: -entry[2])[:top],
            "own_time": sorted(
                ((_where(function), per_request(row[2]), per_request(row[3])) for function, row in stats.items()),
                key=lambda entry: -entry[1],
            )[:top],
        }
    return result


def render_once():
    cache.clear()
    render_plan_pdf(ActionPlan.objects.current())


def memory():
    """Peak resident memory (MiB) of a child that renders the plan, minus one that only imports."""
    own = [sys.executable, __file__]
    subprocess.run([*own, "baseline"], check=True)
    baseline = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([*own, "render"], check=True)
    rendering = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"baseline_mib": baseline / 1024, "render_mib": rendering / 1024, "peak_mib": (rendering - baseline) / 1024}


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "queries":
        print(json.dumps(queries()))
    elif command == "pdf":
        print(json.dumps(pdf(int(sys.argv[2]) if len(sys.argv) > 2 else 3)))
    elif command == "memory":
        print(json.dumps(memory()))
    elif command == "profile":
        print(json.dumps(profile(sys.argv[2:])))
    elif command == "baseline":
        import weasyprint  # noqa: F401  imports only: Django, the project, WeasyPrint
    elif command == "render":
        import weasyprint  # noqa: F401, F811

        render_once()
