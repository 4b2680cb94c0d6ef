"""What the plan commands share: finding the plan named by --period and --municipality."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from measures.models import ActionPlan, parse_period


def find_plan(period, municipality):
    plans = ActionPlan.objects.all()
    if municipality:
        plans = plans.filter(municipality=municipality)
    if period:
        if parse_period(period) is None:
            raise CommandError(_("--period must be two years like 2026-2027."))
        plans = plans.for_period(period)
        if plans.count() > 1:
            raise CommandError(_("Several plans have this period; name one with --municipality."))
        plan = plans.first()
    else:
        plan = plans.current()
    if plan is None:
        raise CommandError(_("No action plan found."))
    return plan
