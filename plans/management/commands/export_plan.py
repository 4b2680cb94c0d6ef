from django.utils.translation import gettext_lazy

from plans.management.find import find_plan
from plans.planfile import export_plan
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy("Write an action plan as a plan file (YAML) to standard output.")

    def add_arguments(self, parser):
        parser.add_argument("--period", help=gettext_lazy("for example 2026-2027; default: the current plan"))
        parser.add_argument(
            "--municipality", help=gettext_lazy("needed only when several municipalities share the period")
        )

    def handle(self, *args, period=None, municipality=None, **options):
        plan = find_plan(period, municipality)
        self.stdout.write(export_plan(plan), ending="")
