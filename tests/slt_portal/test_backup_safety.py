"""Backups carry the admin log and are readable by their owner only."""

import gzip
import io
import shutil
import stat
import tarfile

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from measures.models import ActionPlan, Measure
from slt_portal.backup import APPS, EXCLUDED


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
    with tarfile.open(path, "r:gz") as backup:
        assert "Endret tittel i admin" in backup.extractfile("data.xml").read().decode()


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)  # flushing truncates tables: not inside a test transaction
def test_the_backup_carries_the_uploaded_logo_and_restore_brings_it_back(
    gjesdal, coordinator_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    logo = SimpleUploadedFile("kommunevapen.png", _png(), content_type="image/png")
    response = coordinator_client.post(reverse("plans:plan_logo"), {"logo": logo})
    assert response.status_code == 302
    stored = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    original = (settings.MEDIA_ROOT / stored).read_bytes()
    path = tmp_path / "slt.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())

    shutil.rmtree(settings.MEDIA_ROOT)
    call_command("flush", "--noinput", verbosity=0)
    call_command("restore", str(path), stdout=io.StringIO())

    plan = ActionPlan.objects.get(pk=gjesdal.pk)
    assert plan.logo.name == stored
    assert (settings.MEDIA_ROOT / stored).read_bytes() == original


@pytest.mark.django_db(transaction=True)
def test_a_backup_from_before_uploads_were_included_still_restores(gjesdal, tmp_path):
    buffer = io.StringIO()
    call_command("dumpdata", *APPS, exclude=EXCLUDED, natural_foreign=True, format="xml", stdout=buffer)
    path = tmp_path / "old.xml.gz"
    with gzip.open(path, "wt", encoding="utf-8") as old:
        old.write(buffer.getvalue())
    call_command("flush", "--noinput", verbosity=0)
    call_command("restore", str(path), stdout=io.StringIO())
    assert ActionPlan.objects.filter(municipality="Gjesdal").exists()


def test_a_restore_ignores_archive_members_outside_the_media_folder(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    data = io.StringIO()
    call_command("dumpdata", *APPS, exclude=EXCLUDED, natural_foreign=True, format="xml", stdout=data)
    path = tmp_path / "evil.tar.gz"
    members = [
        ("data.xml", data.getvalue().encode()),
        ("media/../../escaped.txt", b"x"),
        (str(tmp_path / "absolute.txt"), b"x"),
    ]
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    call_command("restore", str(path), stdout=io.StringIO())
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "absolute.txt").exists()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*"))
