import io

import pytest
from django.core.management import CommandError, call_command

from tests.pdfs import assert_in_pdf, pdf_text


def test_render_plan_writes_the_plan_pdf(gjesdal, tmp_path):
    output = tmp_path / "plan.pdf"

    call_command("render_plan", "--output", str(output), "--period", "2026-2027", stdout=io.StringIO())

    text = pdf_text(output.read_bytes())
    assert_in_pdf("Natteravnordning", text)
    assert_in_pdf("SLT-handlingsplanen ble vedtatt 19.02.2026", text)


def test_render_plan_writes_the_status_report(gjesdal, tmp_path):
    output = tmp_path / "status.pdf"

    call_command(
        "render_plan", "--output", str(output), "--report", "status", "--since", "2026-02-19", stdout=io.StringIO()
    )

    assert_in_pdf("Endringer siden 19.02.2026", pdf_text(output.read_bytes()))


def test_render_plan_refuses_an_unknown_period_and_a_bad_date(gjesdal, tmp_path):
    output = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="Fant ingen handlingsplan|No action plan"):
        call_command("render_plan", "--output", output, "--period", "2030-2031")
    with pytest.raises(CommandError, match="2026-2027"):
        call_command("render_plan", "--output", output, "--period", "neste")
    with pytest.raises(CommandError, match="2026-02-19"):
        call_command("render_plan", "--output", output, "--report", "status", "--since", "i går")


def test_migrate_alone_makes_a_database_that_renders_the_plan(tmp_path):
    """No step after `migrate`: the cache table for rendered PDFs comes with the migrations."""
    import os
    import subprocess
    import sys

    from tests.conftest import GJESDAL_PLAN, ROOT

    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="slt_portal.settings", DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    output = tmp_path / "plan.pdf"
    for args in (["migrate", "-v", "0"], ["import_plan", str(GJESDAL_PLAN)], ["render_plan", "--output", str(output)]):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert_in_pdf("Natteravnordning", pdf_text(output.read_bytes()))
