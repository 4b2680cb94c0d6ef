import datetime
import time

from django.core.management.base import CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.documents import default_since, render_plan_pdf, render_status_report_pdf
from plans.management.find import find_plan
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy("Write the action plan, or the steering group's status report, as a PDF file.")

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help=gettext_lazy("the PDF file to write"))
        parser.add_argument("--period", help=gettext_lazy("for example 2026-2027; default: the current plan"))
        parser.add_argument(
            "--municipality", help=gettext_lazy("needed only when several municipalities share the period")
        )
        parser.add_argument("--report", choices=["plan", "status"], default="plan", help=gettext_lazy("which document"))
        parser.add_argument(
            "--since", help=gettext_lazy("status report: changes since this date (YYYY-MM-DD); default 90 days ago")
        )

    def handle(self, *args, output, period=None, municipality=None, report="plan", since=None, **options):
        plan = find_plan(period, municipality)
        started = time.perf_counter()
        if report == "status":
            try:
                since_date = datetime.date.fromisoformat(since) if since else default_since()
            except ValueError as error:
                raise CommandError(_("--since must be a date like 2026-02-19.")) from error
            pdf = render_status_report_pdf(plan, since=since_date)
        else:
            pdf = render_plan_pdf(plan)
        with open(output, "wb") as file:
            file.write(pdf)
        seconds = time.perf_counter() - started
        self.stdout.write(
            _("%(path)s: %(bytes)s bytes, %(seconds)s s")
            % {"path": output, "bytes": len(pdf), "seconds": number_format(seconds, 1)}
        )
