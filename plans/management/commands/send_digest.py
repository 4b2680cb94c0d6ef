import datetime

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.digest import send_digests
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy(
        "E-mail each person a summary of their tasks, measures to update and meetings (run weekly from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help=gettext_lazy("Run as if today were this date (YYYY-MM-DD)."))
        parser.add_argument(
            "--base-url", default="", help=gettext_lazy("The portal's address, for links in the e-mails.")
        )

    def handle(self, *args, today, base_url, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(_("--today must be a date like 2026-02-19.")) from error
        sent = send_digests(today=today, base_url=base_url.rstrip("/"))
        self.stdout.write(_("Sent %(count)s weekly summaries.") % {"count": sent})
