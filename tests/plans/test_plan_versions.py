"""Adopted versions: frozen by "Registrer vedtak" and by importing an adopted plan file, never changed."""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from measures.models import ActionPlan, Measure, PlanVersion
from participants.models import Body
from plans.planfile import export_plan
from tests.conftest import GJESDAL_PLAN
from tests.pdfs import assert_in_pdf, pdf_text

ADOPT = reverse("plans:plan_adopt")
CHANGES = reverse("plans:plan_changes")
PLAN_PDF = reverse("plans:plan_pdf")
DRAFT_PDF = reverse("plans:plan_draft_pdf")
NEW_TITLE = "Natteravn hver fredag og lørdag"


def _import(text):
    path = GJESDAL_PLAN.parent / "test-import.yaml"
    try:
        path.write_text(text, encoding="utf-8")
        call_command("import_plan", str(path), stdout=io.StringIO())
    finally:
        path.unlink(missing_ok=True)


def _edit_measure_9(plan):
    measure = plan.measures.get(number=9)
    measure.title = NEW_TITLE
    measure.save()
    return measure


def _history_count():
    return sum(model.history.count() for model in (ActionPlan, Measure))


def test_an_adopted_plan_file_imports_as_adopted_version_1(gjesdal):
    version = gjesdal.versions.get()

    assert version.number == 1
    assert version.adopted_on == datetime.date(2026, 2, 19)
    assert version.adopted_by.key == "styringsgruppe"
    assert version.plan_file == export_plan(gjesdal).strip()
    assert version.pdf_is_intact()
    text = pdf_text(bytes(version.pdf))
    for measure in gjesdal.measures.all():
        assert_in_pdf(measure.title, text)


def test_importing_the_same_file_again_changes_nothing(gjesdal):
    before = _history_count()

    call_command("import_plan", str(GJESDAL_PLAN), stdout=io.StringIO())

    assert gjesdal.versions.count() == 1
    assert _history_count() == before


def test_an_import_that_would_change_the_adopted_version_is_refused_and_writes_nothing(gjesdal):
    title = gjesdal.measures.get(number=9).title
    text = GJESDAL_PLAN.read_text(encoding="utf-8").replace(title, NEW_TITLE)
    before = _history_count()

    with pytest.raises(CommandError) as refused:
        _import(text)

    assert "19.02.2026" in str(refused.value)
    assert "versjon 1" in str(refused.value)
    assert gjesdal.measures.get(number=9).title == title
    assert _history_count() == before
    assert gjesdal.versions.count() == 1


def test_a_plan_file_without_an_adoption_date_loads_as_the_working_draft(gjesdal):
    version = gjesdal.versions.get()
    text = GJESDAL_PLAN.read_text(encoding="utf-8").replace(gjesdal.measures.get(number=9).title, NEW_TITLE)
    text = text.replace("adopted_on: 2026-02-19\n", "adopted_on:\n")

    _import(text)

    assert gjesdal.measures.get(number=9).title == NEW_TITLE
    assert PlanVersion.objects.get(pk=version.pk).plan_file == version.plan_file
    gjesdal.refresh_from_db()
    assert gjesdal.adopted_on == datetime.date(2026, 2, 19)


def test_an_edit_after_adoption_leaves_the_public_page_and_the_adopted_pdf_as_adopted(
    coordinator_client, steering_client, gjesdal
):
    version = gjesdal.versions.get()
    old_title = gjesdal.measures.get(number=9).title
    response = coordinator_client.get(reverse("measures:measure_edit", args=[9]))
    assert "Utkast til revisjon, ikke vedtatt" in response.content.decode()

    _edit_measure_9(gjesdal)

    public = Client().get(reverse("plans:public_plan", args=[gjesdal.period])).content.decode()
    assert old_title in public and NEW_TITLE not in public
    adopted = steering_client.get(PLAN_PDF)
    assert b"".join(adopted.streaming_content if adopted.streaming else [adopted.content]) == bytes(version.pdf)
    public_pdf = Client().get(reverse("plans:public_plan_pdf", args=[gjesdal.period]))
    assert public_pdf.content == bytes(version.pdf)
    draft = pdf_text(steering_client.get(DRAFT_PDF).content)
    assert_in_pdf(NEW_TITLE, draft)
    assert_in_pdf("Utkast til revisjon, ikke vedtatt", draft)
    changes = coordinator_client.get(CHANGES).content.decode()
    assert "Tiltak 9" in changes and old_title in changes and NEW_TITLE in changes


def test_the_changes_page_says_when_the_draft_is_the_adopted_version(coordinator_client, gjesdal):
    response = coordinator_client.get(CHANGES)

    assert "Arbeidsutkastet er likt den vedtatte versjonen." in response.content.decode()


def test_the_coordinator_registers_a_revision_as_version_2_and_both_stay_downloadable(
    coordinator_client, steering_client, gjesdal
):
    first = gjesdal.versions.get()
    _edit_measure_9(gjesdal)
    steering = Body.objects.get(key="styringsgruppe")

    response = coordinator_client.post(
        ADOPT, {"adopted_on": "2026-06-11", "adopted_by": steering.pk, "case_reference": "26/41"}
    )

    assert response.status_code == 302
    second = gjesdal.versions.get(number=2)
    assert (second.adopted_on, second.case_reference, second.adopted_by) == (
        datetime.date(2026, 6, 11),
        "26/41",
        steering,
    )
    assert_in_pdf(NEW_TITLE, pdf_text(bytes(second.pdf)))
    assert_in_pdf("11.06.2026", pdf_text(bytes(second.pdf)))
    one = steering_client.get(reverse("plans:plan_version_pdf", args=[1]))
    two = steering_client.get(reverse("plans:plan_version_pdf", args=[2]))
    assert one.content == bytes(first.pdf) and two.content == bytes(second.pdf)
    assert steering_client.get(PLAN_PDF).content == bytes(second.pdf)
    documents = steering_client.get(reverse("plans:plan_documents")).content.decode()
    assert "26/41" in documents and reverse("plans:plan_version_pdf", args=[1]) in documents


def test_an_adoption_on_or_before_the_latest_version_is_a_form_error(coordinator_client, gjesdal):
    steering = Body.objects.get(key="styringsgruppe")

    response = coordinator_client.post(
        ADOPT, {"adopted_on": "19.02.2026", "adopted_by": steering.pk, "case_reference": "26/41"}
    )

    assert response.status_code == 400
    assert "En revisjon vedtas etter versjon 1 av 19.02.2026." in response.content.decode()
    assert gjesdal.versions.count() == 1


def test_the_adoption_needs_a_case_reference(coordinator_client, gjesdal):
    steering = Body.objects.get(key="styringsgruppe")

    response = coordinator_client.post(ADOPT, {"adopted_on": "2026-06-11", "adopted_by": steering.pk})

    assert response.status_code == 400
    assert gjesdal.versions.count() == 1


def test_only_the_coordinator_registers_an_adoption(steering_client, working_client, gjesdal):
    for client in (steering_client, working_client):
        assert client.get(ADOPT).status_code == 403
        assert client.post(ADOPT, {"adopted_on": "2026-06-11", "case_reference": "1"}).status_code == 403
    assert gjesdal.versions.count() == 1


def test_the_changes_page_is_for_the_coordinator_and_takes_no_post(steering_client, coordinator_client, gjesdal):
    assert steering_client.get(CHANGES).status_code == 403
    assert coordinator_client.post(CHANGES).status_code == 405


def test_a_browser_that_has_a_version_gets_304(steering_client, gjesdal):
    first = steering_client.get(PLAN_PDF)

    again = steering_client.get(
        PLAN_PDF, headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]}
    )

    assert first["ETag"] == f'"{gjesdal.versions.get().pdf_sha256}"'
    assert again.status_code == 304
    assert again.content == b""


def test_a_damaged_archived_pdf_is_not_served(steering_client, gjesdal):
    version = gjesdal.versions.get()
    PlanVersion.objects.filter(pk=version.pk).update(pdf=bytes(version.pdf)[:-10] + b"0123456789")

    response = steering_client.get(reverse("plans:plan_version_pdf", args=[1]))

    assert response.status_code == 500
    assert b"%PDF" not in response.content


def test_the_admin_shows_a_version_but_cannot_change_or_delete_it(gjesdal):
    admin = User.objects.create_superuser("admin", "admin@example.org", "pw-12345-test")
    client = Client()
    client.force_login(admin)
    version = gjesdal.versions.get()
    change = reverse("admin:measures_planversion_change", args=[version.pk])

    assert client.get(change).status_code == 200
    assert client.post(change, {"case_reference": "endret"}).status_code == 403
    assert (
        client.post(reverse("admin:measures_planversion_delete", args=[version.pk]), {"post": "yes"}).status_code == 403
    )
    assert client.get(reverse("admin:measures_planversion_add")).status_code == 403
    assert PlanVersion.objects.get(pk=version.pk).plan_file == version.plan_file


def test_the_plan_texts_form_leaves_the_adoption_to_registering_it(coordinator_client, gjesdal):
    response = coordinator_client.get(reverse("plans:plan_edit"))

    assert "adopted_on" not in response.context["form"].fields


def test_the_status_report_leaves_out_the_import_and_calls_the_column_endring(steering_client, gjesdal):
    response = steering_client.get(reverse("plans:status_report"))

    text = pdf_text(response.content)
    assert "Tiltak lagt til" not in text
    assert_in_pdf("Endring", text)
