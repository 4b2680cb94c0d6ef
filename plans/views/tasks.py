"""Mine oppgaver: everything the logged-in person should do, on one page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from measures.models import ActionPlan

from ..tasks import tasks_for


@login_required
@require_GET
def my_tasks(request):
    plan = ActionPlan.objects.current()
    return render(request, "plans/my_tasks.html", {"plan": plan, "tasks": tasks_for(request.user, plan)})
