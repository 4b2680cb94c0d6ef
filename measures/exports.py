"""The measure list as a spreadsheet: pure functions from measures to bytes."""

import csv
import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font


def _columns():
    return [_("No."), _("Measure"), _("Responsible"), _("Status"), _("Latest update"), _("Latest note")]


def _rows(measures):
    for measure in measures:
        latest = measure.latest_update
        yield [
            measure.number,
            measure.title,
            measure.responsible_text,
            measure.get_status_display(),
            date_format(latest, "d.m.Y") if latest else "",
            measure.latest_note or "",
        ]


def measures_csv(measures):
    """UTF-8 with a byte order mark and semicolons, as Excel in Norway expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_columns())
    writer.writerows(_rows(measures))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value):
    """Control characters a worksheet cannot hold (a pasted vertical tab) are left out rather than failing."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def measures_xlsx(measures, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Measures")
    sheet.append(_columns())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(measures):
        sheet.append([_cell(value) for value in row])
    for letter, width in zip("ABCDEF", (6, 45, 40, 14, 16, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = _cell(title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
