"""Backup and restore of everything the portal keeps: plan, people, meetings, minutes, history.

A backup is Django's serialised data (XML, gzip: unlike Django's JSON it keeps the microseconds
of every timestamp), with natural keys for permissions so that it loads into any freshly
migrated database, SQLite or PostgreSQL.
"""

import gzip
import io
import os
import tempfile
from pathlib import Path

from django.apps import apps
from django.core import management
from django.db import transaction
from django.test.utils import override_settings

# Rebuilt by migrations on the target, or not worth keeping. The admin log is kept: it is the
# record of what was changed there.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
APPS = ["auth", "admin", "participants", "measures", "meetings"]


def backed_up_models():
    """Every model whose rows a backup carries."""
    skipped_apps = {label for label in EXCLUDED if "." not in label}
    skipped_models = {label for label in EXCLUDED if "." in label}
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in APPS
        and model._meta.app_label not in skipped_apps
        and model._meta.label_lower not in skipped_models
    ]


def backup_write(*, path):
    buffer = io.StringIO()
    management.call_command(
        "dumpdata",
        *APPS,
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=False,
        format="xml",
        stdout=buffer,
    )
    # Password hashes and confidential minutes: readable by the owner only, from the first byte.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an existing file keeps its mode through O_CREAT
    with os.fdopen(descriptor, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())


class RestoreRefused(Exception):
    pass


@transaction.atomic
def backup_restore(*, path):
    """Load a backup into an empty, migrated database; refuses one that already has data."""
    # A freshly migrated database holds only what migrations made: the roles (auth groups).
    tables = [model for model in backed_up_models() if not model._meta.auto_created]
    holding_data = [model for model in tables if model._meta.label != "auth.Group"]
    if any(model._default_manager.exists() for model in holding_data):
        raise RestoreRefused
    # The roles come from a migration; the backup carries them with their permissions.
    apps.get_model("auth", "Group").objects.all().delete()
    with gzip.open(path, "rb") as source, tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "backup.xml"
        fixture.write_bytes(source.read())
        # The history is restored from the backup itself: loading many-to-many fields must not
        # write new history rows on top of it.
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            management.call_command("loaddata", str(fixture), verbosity=0)
