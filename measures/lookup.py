"""Finding the plan a page or command is about."""

from django.http import Http404
from django.utils.translation import gettext as _

from .models import ActionPlan


def plan_or_404(plans=None, period=None):
    """The plan of a period ("2026-2027"), or the current one; 404 when there is none."""
    plans = ActionPlan.objects.all() if plans is None else plans
    plan = plans.current() if period is None else plans.for_period(period).first()
    if plan is None:
        raise Http404(_("No action plan has been loaded yet."))
    return plan
