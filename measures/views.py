from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render

from .models import ActionPlan, Measure


def home(request):
    if not request.user.is_authenticated:
        return redirect("login")
    return redirect("measures:measure_list")


@login_required
def measure_list(request):
    plan = ActionPlan.objects.current()
    measures = Measure.objects.none()
    if plan is not None:
        measures = plan.measures.prefetch_related(
            Prefetch("status_updates", to_attr="timeline"),
        )
    return render(request, "measures/measure_list.html", {"plan": plan, "measures": measures})
