"""The årsrapport to the kommunestyre: written in the portal, frozen as tagged PDF and Word file."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from measures.models import Activity, ActivityStatus, AnnualReport, ReportFrozenError, Status, StatusUpdate
from plans import services
from tests.meetings.national_ids import valid_number
from tests.pdfs import assert_in_pdf, pdf_text, squash

from .reports_data import (
    CONFIDENTIAL_DECISION,
    DECISION,
    RECORDED_DECISION,
    confidential_meeting_with_decision,
    steering_meeting_with_decisions,
)

YEAR = 2026
NEW = reverse("plans:annual_report_new")
EDIT = reverse("plans:annual_report_edit", args=[YEAR])
FREEZE = reverse("plans:annual_report_freeze", args=[YEAR])


def _form(report, **changes):
    data = {
        "overall_assessment": report.overall_assessment,
        "next_steps": report.next_steps,
        "version": report.updated_at.isoformat(),
    }
    return {**data, **changes}


@pytest.fixture
def draft(gjesdal, coordinator):
    return services.annual_report_start(plan=gjesdal, year=YEAR, user=coordinator)


@pytest.fixture
def year_data(gjesdal):
    """A year with a meeting, a status update and activities, and the year before with some of each."""
    measure = gjesdal.measures.get(number=9)
    meeting = steering_meeting_with_decisions(gjesdal, datetime.date(YEAR, 3, 12))
    StatusUpdate.objects.create(
        measure=measure, date=datetime.date(YEAR, 4, 2), status=Status.IN_PROGRESS, note="Natteravn hver fredag."
    )
    StatusUpdate.objects.create(
        measure=measure, date=datetime.date(YEAR - 1, 10, 2), status=Status.PLANNED, note="Forarbeid i fjor."
    )
    Activity.objects.create(
        measure=measure,
        title="Natteravnhelg i mai",
        date=datetime.date(YEAR, 5, 10),
        sort_date=datetime.date(YEAR, 5, 10),
        status=ActivityStatus.DONE,
    )
    Activity.objects.create(
        measure=measure,
        title="Natteravnhelg avlyst",
        date=datetime.date(YEAR, 6, 10),
        sort_date=datetime.date(YEAR, 6, 10),
        status=ActivityStatus.CANCELLED,
    )
    return meeting


def test_coordinator_starts_the_annual_report_of_a_year(coordinator_client, gjesdal):
    response = coordinator_client.post(NEW, {"year": YEAR})

    assert response.status_code == 302 and response["Location"] == EDIT
    assert AnnualReport.objects.get(plan=gjesdal).year == YEAR


def test_a_year_outside_the_plan_is_refused_and_nothing_is_made(coordinator_client):
    response = coordinator_client.post(NEW, {"year": 1999}, follow=True)

    assert response.status_code == 200
    assert not AnnualReport.objects.exists()


def test_starting_and_freezing_need_a_post(coordinator_client, draft):
    assert coordinator_client.get(NEW).status_code == 405
    assert coordinator_client.get(FREEZE).status_code == 405
    draft.refresh_from_db()
    assert not draft.is_frozen


def test_only_the_coordinator_writes_and_freezes_the_annual_report(working_client, steering_client, draft):
    for client in (working_client, steering_client):
        assert client.post(NEW, {"year": YEAR}).status_code == 403
        assert client.get(EDIT).status_code == 403
        assert client.post(EDIT, _form(draft, next_steps="x")).status_code == 403
        assert client.post(FREEZE, _form(draft)).status_code == 403
        assert client.get(reverse("plans:annual_report_preview", args=[YEAR])).status_code == 403
    draft.refresh_from_db()
    assert draft.next_steps == "" and not draft.is_frozen


def test_coordinator_saves_the_assessments_before_freezing(coordinator_client, draft, gjesdal):
    measure = gjesdal.measures.get(number=4)
    data = _form(draft, overall_assessment="Et år med god framdrift.", next_steps="Rullering av planen i 2027.")
    data[f"assessment_{measure.pk}"] = "Teamet er etablert."

    response = coordinator_client.post(EDIT, data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.next_steps == "Rullering av planen i 2027."
    assert draft.assessments.get(measure=measure).text == "Teamet er etablert."


def test_a_national_id_in_an_assessment_is_a_form_error(coordinator_client, draft, gjesdal):
    measure = gjesdal.measures.get(number=4)
    data = _form(draft, overall_assessment="Beholdes")
    data[f"assessment_{measure.pk}"] = f"Gjelder {valid_number()}"

    response = coordinator_client.post(EDIT, data)

    assert response.status_code == 400
    assert "Beholdes" in response.text
    assert not draft.assessments.exists()


def test_freezing_keeps_a_tagged_pdf_and_a_word_file_with_every_measure(coordinator_client, draft, gjesdal, year_data):
    measure = gjesdal.measures.get(number=9)
    data = _form(draft, overall_assessment="Samlet vurdering for året.", next_steps="Neste år: Ungdata.")
    data[f"assessment_{measure.pk}"] = "Godt etablert ordning."

    response = coordinator_client.post(FREEZE, data)

    assert response.status_code == 302
    report = AnnualReport.objects.get(pk=draft.pk)
    assert report.is_frozen and report.pdf_is_intact() and report.docx_is_intact()

    reader = PdfReader(io.BytesIO(bytes(report.pdf)))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    text = pdf_text(bytes(report.pdf))
    for each in gjesdal.measures.all():
        assert_in_pdf(each.title, text)
    for expected in (
        DECISION,
        RECORDED_DECISION,
        "Natteravn hver fredag.",
        "Natteravnhelg i mai",
        "Godt etablert ordning.",
        "Samlet vurdering for året.",
        "Neste år: Ungdata.",
        "12.03.2026",
    ):
        assert_in_pdf(expected, text)
    for left_out in ("Forarbeid i fjor.", "Natteravnhelg avlyst"):
        assert squash(left_out) not in squash(text)

    document = Document(io.BytesIO(bytes(report.docx)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for each in gjesdal.measures.all():
        assert f"{each.number}. {each.title}" in headings
    assert [p.style.name for p in document.paragraphs if p.style.name == "Title"] == ["Title"]
    word_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    for expected in (DECISION, "Godt etablert ordning.", "Natteravnhelg i mai", "Neste år: Ungdata."):
        assert expected in word_text


def test_meetings_held_are_listed_with_their_attendance(gjesdal, coordinator, draft, year_data):
    frozen = services.annual_report_freeze(report=draft, user=coordinator)
    document = Document(io.BytesIO(bytes(frozen.docx)))

    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if row.cells[0].text == "12.03.2026"
    ]
    # present 2, forfall 1, did not attend 0, deputies 0, guests 1
    assert rows == [["12.03.2026", year_data.series.name, "2", "1", "0", "0", "1"]]


def test_decisions_of_confidential_meetings_stay_out_of_the_annual_report(gjesdal, coordinator, draft):
    confidential_meeting_with_decision(gjesdal, datetime.date(YEAR, 2, 5))

    frozen = services.annual_report_freeze(report=draft, user=coordinator)

    assert squash(CONFIDENTIAL_DECISION) not in squash(pdf_text(bytes(frozen.pdf)))
    document = Document(io.BytesIO(bytes(frozen.docx)))
    assert all(CONFIDENTIAL_DECISION not in p.text for p in document.paragraphs)


def test_a_frozen_annual_report_cannot_be_changed(coordinator_client, coordinator, draft):
    frozen = services.annual_report_freeze(report=draft, user=coordinator)

    with pytest.raises(ReportFrozenError):
        services.annual_report_save(report=frozen, overall_assessment="Ny", next_steps="Ny", assessments={})
    with pytest.raises(ReportFrozenError):
        services.annual_report_freeze(report=frozen, user=coordinator)
    assert coordinator_client.post(EDIT, _form(frozen, next_steps="Ny")).status_code == 302
    assert coordinator_client.post(FREEZE, _form(frozen, next_steps="Ny")).status_code == 302
    assert coordinator_client.post(NEW, {"year": YEAR}).status_code == 302
    frozen.refresh_from_db()
    assert frozen.next_steps == "" and frozen.overall_assessment == ""


def test_everyone_with_a_role_downloads_the_frozen_pdf_and_word_file(working_client, coordinator, draft):
    frozen = services.annual_report_freeze(report=draft, user=coordinator)

    pdf = working_client.get(reverse("plans:annual_report_pdf", args=[YEAR]))
    word = working_client.get(reverse("plans:annual_report_docx", args=[YEAR]))

    assert pdf.content == bytes(frozen.pdf) and pdf["Content-Type"] == "application/pdf"
    assert word.content == bytes(frozen.docx) and word["Content-Disposition"].endswith('.docx"')


def test_a_damaged_word_file_is_refused(working_client, coordinator, draft):
    frozen = services.annual_report_freeze(report=draft, user=coordinator)
    AnnualReport.objects.filter(pk=frozen.pk).update(docx=b"PK not the bytes that were frozen")

    response = working_client.get(reverse("plans:annual_report_docx", args=[YEAR]))

    assert response.status_code == 500
    assert not response.content.startswith(b"PK")


def test_a_draft_annual_report_cannot_be_downloaded_as_of_record(working_client, draft):
    assert working_client.get(reverse("plans:annual_report_pdf", args=[YEAR])).status_code == 404
    assert working_client.get(reverse("plans:annual_report_docx", args=[YEAR])).status_code == 404


def test_the_annual_report_speaks_for_the_day_it_was_frozen(coordinator, draft):
    frozen = services.annual_report_freeze(report=draft, user=coordinator)

    assert_in_pdf(timezone.localdate().strftime("%d.%m.%Y"), pdf_text(bytes(frozen.pdf)))


def test_the_annual_report_shows_the_indicators_up_to_its_year_with_small_counts_hidden(
    coordinator_client, draft, gjesdal
):
    from decimal import Decimal

    from measures.models import Indicator, IndicatorValue

    worries = Indicator.objects.create(plan=gjesdal, name="Bekymringsmeldinger om rus", unit="antall")
    for year, value in ((YEAR - 1, "3"), (YEAR, "14"), (YEAR + 1, "22")):
        IndicatorValue.objects.create(indicator=worries, year=year, value=Decimal(value))
    Indicator.objects.create(plan=gjesdal, name="Uten verdier ennå", unit="prosent")

    assert coordinator_client.post(FREEZE, _form(draft)).status_code == 302
    report = AnnualReport.objects.get(pk=draft.pk)

    text = squash(pdf_text(bytes(report.pdf)))
    assert squash("Bekymringsmeldinger om rus") in text
    assert f"{YEAR - 1}under5" in text and f"{YEAR}14" in text
    assert f"{YEAR + 1}22" not in text  # a later year is not in this year's report
    assert squash("Uten verdier ennå") not in text

    document = Document(io.BytesIO(bytes(report.docx)))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert [str(YEAR - 1), "under 5", "–"] in rows and [str(YEAR), "14", "–"] in rows
    assert not any(row[:2] == [str(YEAR + 1), "22"] for row in rows)
