import io

import pytest
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from plans.forms import ActionPlanTextsForm
from tests.pdfs import assert_in_pdf, pdf_text
from tests.security.conftest import form_data

PLAN_PDF = reverse("plans:plan_pdf")
DRAFT_PDF = reverse("plans:plan_draft_pdf")  # the working draft, rendered from the data as it stands
DOCUMENTS = reverse("plans:plan_documents")
LOGO = reverse("plans:plan_logo")


@pytest.mark.parametrize("persona", ["coordinator", "steering_member", "working_member", "operative_member"])
def test_every_role_downloads_the_plan_pdf(client, gjesdal, persona, request):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(PLAN_PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="slt-handlingsplan-gjesdal-2026-2027.pdf"'
    assert_in_pdf("Natteravnordning", pdf_text(response.content))


def test_anonymous_visitor_is_sent_to_login_for_the_staff_downloads(client, gjesdal):
    for url in (PLAN_PDF, reverse("plans:status_report"), DOCUMENTS):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_outsider_without_a_role_gets_403(outsider_client):
    for url in (PLAN_PDF, reverse("plans:status_report"), DOCUMENTS):
        assert outsider_client.get(url).status_code == 403


def test_steering_member_sees_the_documents_page_without_the_logo_form(steering_client):
    response = steering_client.get(DOCUMENTS)

    assert response.status_code == 200
    assert "Last ned den vedtatte planen (PDF)" in response.text
    assert "Last ned arbeidsutkastet (PDF)" in response.text
    assert "Last ned statusrapporten (PDF)" in response.text
    assert "Logo på forsiden" not in response.text


def test_navbar_links_the_plan_documents_for_staff(working_client):
    response = working_client.get(reverse("measures:measure_list"))
    assert f'href="{DOCUMENTS}">Handlingsplan<' in response.text


def test_anonymous_visitor_reads_the_published_plan_page(client, gjesdal):
    for url in (reverse("plans:public_plan"), reverse("plans:public_plan", args=["2026-2027"])):
        response = client.get(url)
        assert response.status_code == 200
        assert "Natteravnordning" in response.text
        assert "Frivilligsentralen og Gjesdal ungdomsskole" in response.text
        assert "Faste treffpunkt" in response.text
        assert "SLT-handlingsplanen ble vedtatt 19.02.2026 av styringsgruppa/politirådet." in response.text


def test_login_page_links_the_public_plan(client, gjesdal):
    response = client.get(reverse("login"))
    assert f'href="{reverse("plans:public_plan")}"' in response.text


def test_anonymous_visitor_downloads_the_published_plan_pdf(client, gjesdal):
    response = client.get(reverse("plans:public_plan_pdf", args=["2026-2027"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_in_pdf("Natteravnordning", pdf_text(response.content))


def test_unpublished_plan_is_404_for_the_public(client, gjesdal):
    gjesdal.published = False
    gjesdal.save()

    assert client.get(reverse("plans:public_plan_pdf", args=["2026-2027"])).status_code == 404
    assert client.get(reverse("plans:public_plan", args=["2026-2027"])).status_code == 404
    assert client.get(reverse("plans:public_plan")).status_code == 404


def test_unknown_or_malformed_period_is_404(client, gjesdal):
    assert client.get(reverse("plans:public_plan", args=["2030-2031"])).status_code == 404
    assert client.get(reverse("plans:public_plan", args=["neste-år"])).status_code == 404
    assert client.get(reverse("plans:public_plan_pdf", args=["2030-2031"])).status_code == 404


def test_staff_download_works_for_an_unpublished_plan(steering_client, gjesdal):
    gjesdal.published = False
    gjesdal.save()
    assert steering_client.get(PLAN_PDF).status_code == 200


def test_second_download_of_an_unchanged_plan_is_served_from_the_cache(steering_client, gjesdal):
    from django.core.cache import cache

    from plans.documents import plan_pdf_key

    first = steering_client.get(DRAFT_PDF)
    key = plan_pdf_key(gjesdal)
    assert cache.get(key) == first.content
    cache.set(key, b"%PDF-kept-in-the-cache")

    assert steering_client.get(DRAFT_PDF).content == b"%PDF-kept-in-the-cache"


def _png(width=120, height=40):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 79, 108)).save(buffer, format="PNG")
    buffer.name = "logo.png"
    buffer.seek(0)
    return buffer


def test_coordinator_uploads_a_logo_and_the_cover_shows_it(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    response = coordinator_client.post(LOGO, {"logo": _png()})

    assert response.status_code == 302
    gjesdal.refresh_from_db()
    assert gjesdal.logo.name.startswith("logos/")
    pdf = coordinator_client.get(DRAFT_PDF).content
    cover = PdfReader(io.BytesIO(pdf)).pages[0]
    images = [x.get_object() for x in cover["/Resources"].get("/XObject", {}).values()]
    assert any(image["/Subtype"] == "/Image" for image in images)


def test_logo_upload_refuses_a_file_that_is_not_an_image(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    text = io.BytesIO(b"not an image")
    text.name = "logo.png"

    response = coordinator_client.post(LOGO, {"logo": text})

    assert response.status_code == 400
    assert "Last opp et gyldig bilde" in response.text
    gjesdal.refresh_from_db()
    assert not gjesdal.logo


def test_logo_upload_refuses_get(coordinator_client):
    assert coordinator_client.get(LOGO).status_code == 405


def test_logo_upload_refuses_a_working_group_member_and_the_anonymous(working_client, client, gjesdal):
    assert working_client.post(LOGO, {"logo": _png()}).status_code == 403
    working_client.logout()
    response = client.post(LOGO, {"logo": _png()})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_coordinator_publishes_and_unpublishes_the_plan(coordinator_client, client, gjesdal):
    publish = reverse("plans:plan_publish")
    public = reverse("plans:public_plan_pdf", args=["2026-2027"])

    response = coordinator_client.post(publish, {})
    gjesdal.refresh_from_db()
    assert response.status_code == 302
    assert not gjesdal.published
    assert "Stop publishing" not in coordinator_client.get(DOCUMENTS).text
    assert "Publiser planen" in coordinator_client.get(DOCUMENTS).text

    coordinator_client.post(publish, {"published": "on"})
    gjesdal.refresh_from_db()
    assert gjesdal.published
    coordinator_client.logout()
    assert client.get(public).status_code == 200


def test_publishing_refuses_get_the_steering_group_and_the_anonymous(steering_client, client, gjesdal):
    publish = reverse("plans:plan_publish")
    assert steering_client.get(publish).status_code == 405
    assert steering_client.post(publish, {}).status_code == 403
    steering_client.logout()
    assert client.post(publish, {})["Location"].startswith(reverse("login"))
    gjesdal.refresh_from_db()
    assert gjesdal.published


def test_a_logo_uploaded_over_a_newer_logo_is_refused_and_the_newer_one_kept(
    coordinator_client, gjesdal, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    opened = coordinator_client.get(DOCUMENTS).context["logo_form"]["version"].value()
    assert coordinator_client.post(LOGO, {"logo": _png(), "version": opened}).status_code == 302
    gjesdal.refresh_from_db()
    theirs = gjesdal.logo.name

    response = coordinator_client.post(LOGO, {"logo": _png(200, 60), "version": opened})

    assert response.status_code == 400
    assert "Noen andre har lagret dette mens du redigerte" in response.text
    gjesdal.refresh_from_db()
    assert gjesdal.logo.name == theirs


def test_a_logo_upload_after_an_edit_of_the_plan_texts_is_no_conflict(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    opened = coordinator_client.get(DOCUMENTS).context["logo_form"]["version"].value()
    gjesdal.introduction = "Ny innledning."
    gjesdal.save()

    assert coordinator_client.post(LOGO, {"logo": _png(), "version": opened}).status_code == 302
    gjesdal.refresh_from_db()
    assert gjesdal.logo.name.startswith("logos/") and gjesdal.introduction == "Ny innledning."


def test_the_coordinator_sets_the_follow_up_intervals_of_the_plan(coordinator_client, gjesdal):
    data = {**form_data(ActionPlanTextsForm(instance=gjesdal)), "update_interval_days": "60", "due_soon_days": "7"}
    response = coordinator_client.post(reverse("plans:plan_edit"), data)
    assert response.status_code == 302
    gjesdal.refresh_from_db()
    assert gjesdal.follow_up_intervals == (60, 7, 180)


def test_follow_up_intervals_out_of_order_get_a_norwegian_form_error(coordinator_client, gjesdal):
    data = {**form_data(ActionPlanTextsForm(instance=gjesdal)), "update_interval_days": "30", "due_soon_days": "40"}
    response = coordinator_client.post(reverse("plans:plan_edit"), data)
    assert response.status_code == 200
    assert "Dager varsel må være færre enn dager mellom oppdateringer" in response.content.decode()
    gjesdal.refresh_from_db()
    assert gjesdal.follow_up_intervals == (90, 14, 180)
