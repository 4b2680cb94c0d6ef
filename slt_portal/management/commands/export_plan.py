from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from measures.models import ActionPlan
from slt_portal.planfile import PERIOD_RE, export_plan


class Command(BaseCommand):
    help = "Write an action plan as a plan file (YAML) to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--period", help="for example 2026-2027; default: the current plan")
        parser.add_argument("--municipality", help="needed only when several municipalities share the period")

    def handle(self, *args, period=None, municipality=None, **options):
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
        self.stdout.write(export_plan(plan), ending="")
