"""The measure list as a spreadsheet: pure functions from measures to bytes.

Every text cell is neutralised against formula injection (OWASP, "CSV Injection"): a note that
starts with = + - @, a tab or a carriage return would otherwise be a live formula in Excel.
"""

import csv
import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font


def _columns():
    return [_("No."), _("Measure"), _("Responsible"), _("Status"), _("Latest update"), _("Latest note")]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    """Text a spreadsheet shows as text: a leading quote where it would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _rows(measures):
    """Number, texts and the date of the latest update (a date, or None)."""
    for measure in measures:
        yield [
            measure.number,
            measure.title,
            measure.responsible_text,
            measure.get_status_display(),
            measure.latest_update,
            measure.latest_note or "",
        ]


def measures_csv(measures):
    """UTF-8 with a byte order mark and semicolons, as Excel in Norway expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_columns())
    for row in _rows(measures):
        latest = row[4]
        row[4] = date_format(latest, "d.m.Y") if latest else ""
        writer.writerow([_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value):
    """Control characters a worksheet cannot hold (a pasted vertical tab) are left out rather than failing;
    what is left is neutralised, so a control character cannot hide a formula."""
    return _text(ILLEGAL_CHARACTERS_RE.sub("", value)) if isinstance(value, str) else value


def measures_xlsx(measures, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Measures")
    sheet.append(_columns())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(measures):
        sheet.append([_cell(value) for value in row])
        sheet.cell(row=sheet.max_row, column=5).number_format = "DD.MM.YYYY"
    for letter, width in zip("ABCDEF", (6, 45, 40, 14, 16, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = _cell(title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
