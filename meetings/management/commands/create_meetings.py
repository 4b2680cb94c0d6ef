from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from measures.models import ActionPlan
from meetings.services import meetings_create_for_year
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy("Create every meeting series' meetings from its rhythm; existing dates are left alone.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            action="append",
            help=gettext_lazy("Year to create (repeatable); default: the plan period."),
        )

    def handle(self, *args, year, **options):
        plan = ActionPlan.objects.current()
        if plan is None:
            raise CommandError(_("No action plan has been imported."))
        years = year or list(range(plan.period_start, plan.period_end + 1))
        total = 0
        for series in plan.meeting_series.all():
            for each in years:
                total += len(meetings_create_for_year(series=series, year=each))
        self.stdout.write(
            ngettext(
                "Created %(count)s meeting for %(plan)s in %(years)s.",
                "Created %(count)s meetings for %(plan)s in %(years)s.",
                total,
            )
            % {"count": total, "plan": plan, "years": ", ".join(map(str, years))}
        )
