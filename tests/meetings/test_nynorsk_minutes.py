"""The minutes PDF follows the municipality's written standard, not the reader's choice for the pages."""

import io

from django.urls import reverse
from pypdf import PdfReader

from measures.models import ActionPlan
from participants.models import Person
from tests.pdfs import assert_in_pdf, pdf_text


def _minutes_pdf(client, meeting):
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content


def test_the_minutes_pdf_of_a_nynorsk_municipality_is_nynorsk_and_tagged_nn(working_client, working_meeting):
    ActionPlan.objects.update(written_standard="nn")
    pdf = _minutes_pdf(working_client, working_meeting)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    assert reader.metadata.title.startswith("Referat: ")
    text = pdf_text(pdf)
    assert_in_pdf("Møteleiar", text)
    assert "Møteleder" not in text


def test_a_reader_who_picked_nynorsk_still_gets_the_municipalitys_bokmal_minutes(
    working_client, working_member, working_meeting
):
    Person.objects.filter(user=working_member).update(language="nn")
    page = working_client.get(reverse("meetings:meeting_detail", args=[working_meeting.pk])).content.decode()
    assert '<html lang="nn">' in page
    pdf = _minutes_pdf(working_client, working_meeting)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "nb"


def test_a_nynorsk_municipality_sends_its_meeting_reminders_in_nynorsk(working_meeting, working_member, mailoutbox):
    import datetime

    from django.utils import timezone

    from .test_reminders import run

    ActionPlan.objects.update(written_standard="nn")
    Person.objects.filter(user=working_member).update(email="arbeid@example.org", language="nb")
    today = timezone.localtime(working_meeting.starts_at).date() - datetime.timedelta(days=3)
    output = run("--days", "3", "--today", today.isoformat(), "--base-url", "https://slt.example.org/")
    assert "Sende 1 møtepåminningar" in output
    (mail,) = mailoutbox
    assert "Sakslista finn du i portalen:" in mail.body and "Stad: Gjesdal rådhus" in mail.body
    weekday = timezone.localtime(working_meeting.starts_at).weekday()
    nynorsk_days = ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "søndag"]
    assert nynorsk_days[weekday] in mail.body  # the user's own bokmål choice is for the pages only
