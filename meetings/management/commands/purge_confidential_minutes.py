from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.retention import purge_confidential_minutes
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy(
        "Archive approved confidential minutes older than the retention period as PDF in the given "
        "folder, then purge their text, leaving a note of when."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", help=gettext_lazy("where the archive PDFs are written, for example /srv/arkiv/slt")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("list what would be archived and purged")
        )

    def handle(self, *args, folder, dry_run, **options):
        target = Path(folder)
        if not target.is_dir():
            raise CommandError(_("%(folder)s is not a folder.") % {"folder": folder})
        done = purge_confidential_minutes(folder=target, dry_run=dry_run)
        for meeting, path in done:
            self.stdout.write(f"{meeting.series.name} {meeting.starts_at:%d.%m.%Y}: {path}")
        days = settings.CONFIDENTIAL_MINUTES_RETENTION_DAYS
        if dry_run:
            message = _("%(count)s confidential minutes older than %(days)s days would be archived and purged.")
        else:
            message = _("%(count)s confidential minutes older than %(days)s days were archived and purged.")
        self.stdout.write(message % {"count": len(done), "days": days})
