"""What the plan commands share: finding the plan named by --period and --municipality."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from measures.models import ActionPlan
from slt_portal.planfile import PERIOD_RE


def find_plan(period, municipality):
    plans = ActionPlan.objects.all()
    if municipality:
        plans = plans.filter(municipality=municipality)
    if period:
        match = PERIOD_RE.match(period)
        if not match:
            raise CommandError(_("--period must be two years like 2026-2027."))
        plans = plans.filter(period_start=int(match.group(1)), period_end=int(match.group(2)))
        if plans.count() > 1:
            raise CommandError(_("Several plans have this period; name one with --municipality."))
        plan = plans.first()
    else:
        plan = plans.current()
    if plan is None:
        raise CommandError(_("No action plan found."))
    return plan
