from django.core.management.base import BaseCommand, CommandError

from measures.models import ActionPlan
from meetings.services import meetings_create_for_year


class Command(BaseCommand):
    help = "Create every meeting series' meetings from its rhythm; existing dates are left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, action="append", help="Year to create (repeatable); default: the plan period."
        )

    def handle(self, *args, year, **options):
        plan = ActionPlan.objects.current()
        if plan is None:
            raise CommandError("No action plan has been imported.")
        years = year or list(range(plan.period_start, plan.period_end + 1))
        total = 0
        for series in plan.meeting_series.all():
            for each in years:
                total += len(meetings_create_for_year(series=series, year=each))
        self.stdout.write(f"Created {total} meetings for {plan} in {', '.join(map(str, years))}.")
