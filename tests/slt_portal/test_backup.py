import datetime
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from measures.models import Status, StatusUpdate
from meetings.models import ActionItem, Meeting
from slt_portal.backup import backed_up_models


def every_row():
    """Every row of every backed-up table, as plain values, in a stable order.

    Permissions are rebuilt by migrating, under new ids, so they are compared by codename. The rows of
    many-to-many link tables are rebuilt from their owners, under new ids, so their ids are left out.
    """
    codenames = dict(Permission.objects.values_list("id", "codename"))

    def plain(model, row):
        if "permission_id" in row:
            row["permission_id"] = codenames[row["permission_id"]]
        if model._meta.auto_created:
            row.pop("id")
        return tuple(sorted((key, str(value)) for key, value in row.items()))

    return {
        model._meta.label: sorted(plain(model, row) for row in model._default_manager.values())
        for model in backed_up_models()
    }


@pytest.fixture
def lived_in_portal(gjesdal, coordinator, working_member):
    """The plan after some months of use: status updates, a meeting with minutes, action items, history."""
    measure = gjesdal.measures.get(number=9)
    StatusUpdate.objects.create(
        measure=measure, status=Status.IN_PROGRESS, note="Oppstart på Ålgård", author=coordinator
    )
    measure.status = Status.IN_PROGRESS
    measure._history_user = coordinator
    measure.save()
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    start = timezone.make_aware(datetime.datetime(2026, 9, 9, 9, 0))
    meeting = Meeting.objects.create(
        series=series, starts_at=start, ends_at=start + datetime.timedelta(hours=2), minutes="# Referat\n\nGodt møte."
    )
    ActionItem.objects.create(meeting=meeting, text="Kontakte næringslivet", measure=gjesdal.measures.get(number=6))
    return gjesdal


def test_backup_and_restore_into_an_empty_database_gives_back_every_row(lived_in_portal, tmp_path):
    before = every_row()
    assert sum(len(rows) for rows in before.values()) > 300
    path = tmp_path / "slt.xml.gz"
    call_command("backup", str(path), stdout=io.StringIO())

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # fire pending deferred checks before TRUNCATE
    call_command("flush", "--noinput", verbosity=0)
    assert User.objects.count() == 0

    call_command("restore", str(path), stdout=io.StringIO())

    after = every_row()
    for label, rows in before.items():
        assert after[label] == rows, label
    assert User.objects.get(username="koordinator").check_password("test-password-123")


def test_restore_refuses_a_database_with_data(lived_in_portal, tmp_path):
    path = tmp_path / "slt.xml.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="ikke tom"):
        call_command("restore", str(path))


def test_restore_of_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        call_command("restore", str(tmp_path / "finnes-ikke.xml.gz"))
