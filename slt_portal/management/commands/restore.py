from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slt_portal.backup import RestoreRefused, backup_restore
from slt_portal.commands import MunicipalityCommand


class Command(MunicipalityCommand):
    help = gettext_lazy("Restore a backup into an empty, migrated database.")

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            backup_restore(path=path)
        except RestoreRefused as exc:
            raise CommandError(_("The database is not empty; restore only into a freshly migrated database.")) from exc
        except (OSError, EOFError) as exc:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
        self.stdout.write(_("Restored %(path)s.") % {"path": path})
