import datetime

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.reminders import send_reminders
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy(
        "E-mail attendees before a meeting and responsible people about overdue action items (run daily from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=3, help=gettext_lazy("Remind this many days before a meeting (default 3).")
        )
        parser.add_argument("--today", help=gettext_lazy("Run as if today were this date (YYYY-MM-DD)."))
        parser.add_argument(
            "--base-url", default="", help=gettext_lazy("The portal's address, for links in the e-mails.")
        )

    def handle(self, *args, days, today, base_url, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(_("--today must be a date like 2026-02-19.")) from error
        meetings, overdue = send_reminders(days=days, today=today, base_url=base_url.rstrip("/"))
        self.stdout.write(
            _("Sent %(meetings)s meeting reminders and %(overdue)s reminders about overdue action items.")
            % {"meetings": meetings, "overdue": overdue}
        )
