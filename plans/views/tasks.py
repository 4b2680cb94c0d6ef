"""Mine oppgaver: everything the logged-in person should do, on one page, the long lists a page at a time."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from measures.models import ActionPlan

from ..tasks import Tasks, paged_tasks_for

ACTION_ITEMS_PAGE = "oppgaveside"
MEASURES_PAGE = "tiltakside"


@login_required
@require_GET
def my_tasks(request):
    plan = ActionPlan.objects.current()
    if plan is None:
        return render(request, "plans/my_tasks.html", {"plan": None, "tasks": Tasks()})
    tasks, items_page, measures_page = paged_tasks_for(
        request.user,
        plan,
        action_items_page=request.GET.get(ACTION_ITEMS_PAGE),
        measures_page=request.GET.get(MEASURES_PAGE),
    )
    context = {
        "plan": plan,
        "tasks": tasks,
        "items_page": items_page,
        "measures_page": measures_page,
        # Paging one list keeps the page of the other.
        "items_query": urlencode({MEASURES_PAGE: measures_page.number}) if measures_page.number > 1 else "",
        "measures_query": urlencode({ACTION_ITEMS_PAGE: items_page.number}) if items_page.number > 1 else "",
        "items_param": ACTION_ITEMS_PAGE,
        "measures_param": MEASURES_PAGE,
    }
    return render(request, "plans/my_tasks.html", context)
