"""A nynorsk municipality's documents, e-mails and commands: nynorsk words and the `nn` language tag."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from plans import documents as plan_document
from tests.pdfs import assert_in_pdf, pdf_text, squash

from .test_digest import _give_item, _run, _with_email


def _nynorsk(plan):
    plan.written_standard = "nn"
    plan.save()
    return plan


def _lang(pdf):
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/Lang")


def test_the_plan_pdf_of_a_nynorsk_municipality_has_nynorsk_headings_and_the_nn_tag(gjesdal):
    pdf = plan_document.render_plan_pdf(_nynorsk(gjesdal))
    text = pdf_text(pdf)
    assert _lang(pdf) == "nn"
    assert_in_pdf("Kva Føremål Kor ofte", text)
    assert_in_pdf("Tiltak Skildring Ansvar", text)
    assert_in_pdf("SLT-handlingsplanen vart vedteken 19.02.2026 av styringsgruppa/politirådet.", text)
    assert squash("Hva Hensikt Hyppighet") not in squash(text)


def test_the_plan_pdf_is_bokmal_and_tagged_nb_by_default(gjesdal):
    pdf = plan_document.render_plan_pdf(gjesdal)
    assert gjesdal.written_standard == "nb" and _lang(pdf) == "nb"
    assert_in_pdf("Hva Hensikt Hyppighet", pdf_text(pdf))


def test_switching_the_standard_gives_a_new_plan_pdf_at_once(gjesdal):
    assert _lang(plan_document.render_plan_pdf(gjesdal)) == "nb"
    assert _lang(plan_document.render_plan_pdf(_nynorsk(gjesdal))) == "nn"


def test_the_status_report_of_a_nynorsk_municipality_is_nynorsk(gjesdal):
    pdf = plan_document.render_status_report_pdf(_nynorsk(gjesdal), since=datetime.date(2026, 1, 1))
    text = pdf_text(pdf)
    assert _lang(pdf) == "nn"
    assert_in_pdf("Endringar sidan 01.01.2026", text)
    assert "Endringer" not in text


def test_the_coordinator_downloads_the_nynorsk_working_draft_from_the_documents_page(coordinator_client, gjesdal):
    _nynorsk(gjesdal)
    page = coordinator_client.get(reverse("plans:plan_documents")).content.decode()
    assert '<html lang="nn">' in page and "Last ned arbeidsutkastet (PDF)" in page
    response = coordinator_client.get(reverse("plans:plan_draft_pdf"))
    assert response.status_code == 200 and _lang(response.content) == "nn"
    assert_in_pdf("Utkast til revisjon, ikkje vedteke", pdf_text(response.content))


def test_the_weekly_summary_of_a_nynorsk_municipality_is_nynorsk(settings, gjesdal, working_member):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _nynorsk(gjesdal)
    _with_email(working_member)
    _give_item(working_member, gjesdal, "Skaffe frivillige til natteravn")
    assert "Sende 1 vekelege oppsummeringar." in _run()
    message = mail.outbox[0]
    assert message.subject == "SLT-oppgåvene dine denne veka"
    assert "Dette er den vekelege oppsummeringa di" in message.body and "Dei neste møta dine:" in message.body
    words = re.sub(r"https?://\S+", "", message.body)  # the addresses keep their bokmål paths
    assert not re.search(r"\b(ikke|oppgaver|uke|fra|hvis)\b", words), words


def test_commands_speak_the_municipalitys_standard(gjesdal):
    out = io.StringIO()
    call_command("create_meetings", "--year", "2026", stdout=out)
    assert out.getvalue().startswith("Opprettet ")
    _nynorsk(gjesdal)
    out = io.StringIO()
    call_command("create_meetings", "--year", "2026", stdout=out)
    assert out.getvalue().startswith("Oppretta 0 møte for ")
