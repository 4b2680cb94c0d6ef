from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slt_portal.backup import backup_write
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy(
        "Write everything (plan, people, meetings, minutes, history, the logo) to a gzip'ed tar archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("for example slt-2026-11-26.tar.gz"))

    def handle(self, *args, path, **options):
        backup_write(path=path)
        self.stdout.write(_("Backup written to %(path)s.") % {"path": path})
