from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.planfile import PlanFileError, read_plan_file
from plans.services import plan_file_import
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy("Load or update an action plan from a plan file (YAML), in one transaction.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("the plan file"))

    def handle(self, *args, path, **options):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
        try:
            plan = plan_file_import(data=read_plan_file(text))
        except PlanFileError as exc:
            message = _("%(path)s was not imported; nothing was changed:") % {"path": path}
            raise CommandError("\n".join([message, *("  " + error for error in exc.errors)])) from exc
        self.stdout.write(
            _("Imported %(title)s (%(municipality)s): %(measures)s measures, %(series)s meeting series.")
            % {
                "title": plan.title,
                "municipality": plan.municipality,
                "measures": plan.measures.count(),
                "series": plan.meeting_series.count(),
            }
        )
