"""Backups carry the admin log and are readable by their owner only."""

import gzip
import stat

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.management import call_command

from measures.models import Measure


def test_the_backup_is_readable_by_its_owner_only(gjesdal, tmp_path):
    path = tmp_path / "slt.xml.gz"
    path.write_bytes(b"")
    path.chmod(0o644)
    call_command("backup", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_backup_keeps_the_admin_log(gjesdal, coordinator, tmp_path):
    measure = gjesdal.measures.get(number=9)
    LogEntry.objects.log_actions(
        user_id=coordinator.pk,
        queryset=Measure.objects.filter(pk=measure.pk),
        action_flag=CHANGE,
        change_message="Endret tittel i admin",
    )
    path = tmp_path / "slt.xml.gz"
    call_command("backup", str(path))
    with gzip.open(path, "rt", encoding="utf-8") as backup:
        assert "Endret tittel i admin" in backup.read()
