"""Backup and restore of everything the portal keeps: plan, people, meetings, minutes, history.

A backup is a gzip'ed tar archive of Django's serialised data (`data.xml`: unlike Django's JSON,
XML keeps the microseconds of every timestamp), with natural keys for permissions so that it
loads into any freshly migrated database, SQLite or PostgreSQL, and the uploaded files
(`media/`, the logo). Older backups, the XML alone gzip'ed, still restore.
"""

import gzip
import io
import os
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
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


DATA_NAME = "data.xml"
MEDIA_PREFIX = "media"


def _media_files():
    """Every uploaded file under MEDIA_ROOT, as (path on disk, path inside the archive)."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return [
        (path, f"{MEDIA_PREFIX}/{path.relative_to(root).as_posix()}")
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
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
    data = buffer.getvalue().encode("utf-8")
    # Password hashes and confidential minutes: readable by the owner only, from the first byte.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an existing file keeps its mode through O_CREAT
    with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
        info = tarfile.TarInfo(DATA_NAME)
        info.size = len(data)
        info.mode = 0o600
        archive.addfile(info, io.BytesIO(data))
        for source, name in _media_files():
            archive.add(source, arcname=name, recursive=False)


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
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "backup.xml"
        media = _unpack(path, fixture)
        # The history is restored from the backup itself: loading many-to-many fields must not
        # write new history rows on top of it.
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            management.call_command("loaddata", str(fixture), verbosity=0)
        root = Path(settings.MEDIA_ROOT)
        for name, content in media:
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def _unpack(path, fixture):
    """Write the backup's data to `fixture`; return its uploaded files as (relative path, bytes)."""
    try:
        archive = tarfile.open(path, mode="r:gz")  # noqa: SIM115 -- closed by the "with" below
    except tarfile.ReadError:
        # A backup from before uploads were included: the XML alone, gzip'ed.
        with gzip.open(path, "rb") as source:
            fixture.write_bytes(source.read())
        return []
    media = []
    with archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts
            content = archive.extractfile(member).read()
            if member.name == DATA_NAME:
                fixture.write_bytes(content)
            elif len(parts) > 1 and parts[0] == MEDIA_PREFIX and ".." not in parts and not member.name.startswith("/"):
                media.append((Path(*parts[1:]), content))
    if not fixture.exists():
        raise OSError(f"no {DATA_NAME} in the archive")
    return media
