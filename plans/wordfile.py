"""The årsrapport as an editable Word file, since the case paper (saksframlegg) is written in Word.

The same content as the PDF (plans.reports.annual_report_context), with Word's own heading styles
(Title, Heading 1, Heading 2) so that the navigation pane and a table of contents find them, and
header rows that repeat on every page.
"""

import datetime
import io

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .reports import annual_report_context, annual_report_title

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO"}


def _date(day):
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day)
    return date_format(day, "d.m.Y")


def _header_row(table, labels):
    row = table.rows[0]
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for cell, label in zip(row.cells, labels, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(label)).bold = True


def _table(document, labels, rows):
    table = document.add_table(rows=1, cols=len(labels))
    table.style = "Table Grid"
    _header_row(table, labels)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = str(value)
    return table


def _text_or_dash(document, text):
    document.add_paragraph(text or "–")


def _set_language(document, tag):
    document.core_properties.language = tag
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if run_properties is not None:
        lang = run_properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run_properties.append(lang)
        lang.set(qn("w:val"), tag)


def render_annual_report_docx(report):
    """The årsrapport as .docx bytes, in the plan's written standard."""
    plan = report.plan
    lang = plan.written_standard
    with translation.override(lang):
        context = annual_report_context(report)
        title = annual_report_title(report)
        document = Document()
        document.core_properties.title = title
        document.core_properties.author = plan.municipality_name
        _set_language(document, LANGUAGE_TAGS.get(lang, "nb-NO"))
        _build(document, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _build(document, context):
    plan, report, year = context["plan"], context["report"], context["year"]
    document.add_paragraph(plan.municipality_name)
    document.add_heading(_("Annual report %(year)s") % {"year": year} + f": {plan.title}", level=0)
    if not report.is_frozen:
        document.add_paragraph(_("Draft, not frozen")).runs[0].bold = True
    document.add_paragraph(
        f"{pgettext('the addressee of a report', 'To')}: {_('The municipal council (kommunestyret)')}\n"
        f"{_('Year')}: {year}\n"
        f"{_('Report date')}: {_date(context['report_date'])}"
    )

    document.add_heading(_("The coordinator's assessment"), level=1)
    _text_or_dash(document, report.overall_assessment)
    chart = context["chart"]
    _table(
        document,
        [_("Status"), _("Measures")],
        [(row["label"], row["count"]) for row in chart["rows"]],
    )

    document.add_heading(_("What was done per measure"), level=1)
    for measure in context["measures"]:
        document.add_heading(f"{measure.number}. {measure.title}", level=2)
        updates = "\n".join(
            f"{_date(update.date)} {update.get_status_display()}: {update.note}".rstrip(": ")
            for update in measure.updates_in_year
        )
        activities = "\n".join(
            f"{activity.when_display}: {activity.title}"
            + (f" ({activity.target_group})" if activity.target_group else "")
            for activity in measure.activities_done
        )
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in [
            (_("Responsible"), measure.responsible_text),
            (_("Status"), measure.get_status_display()),
            (_("Status updates in the year"), updates or "–"),
            (_("Activities done"), activities or "–"),
            (_("Coordinator's assessment"), measure.assessment or "–"),
        ]:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(str(label)).bold = True
            cells[1].text = value

    if context["indicator_charts"]:
        document.add_heading(_("Indicators"), level=1)
        document.add_paragraph(
            _("Figures the plan follows. Counts under 5, and values from fewer than 5 people, are shown as “under 5”.")
        )
        for chart in context["indicator_charts"]:
            indicator = chart["indicator"]
            document.add_heading(indicator.name, level=2)
            document.add_paragraph(
                f"{_('Source')}: {indicator.get_source_display()} · {_('Unit')}: {indicator.get_unit_display()}"
                f" · {indicator.get_good_direction_display()}"
            )
            _table(
                document,
                [_("Period"), _("Value"), _("Sample size")],
                [(row["period"], row["shown"], row["sample"] or "–") for row in chart["rows"]],
            )

    document.add_heading(_("Meetings held"), level=1)
    if context["meetings"]:
        _table(
            document,
            [_("Date"), _("Meeting"), _("Present"), _("Absent with notice (forfall)"), _("Did not attend"),
             _("Deputies"), _("Guests")],
            [
                (
                    _date(meeting.starts_at),
                    meeting.series.name,
                    meeting.counts["present"],
                    meeting.counts["absent_with_notice"],
                    meeting.counts["absent"],
                    meeting.counts["deputies"],
                    meeting.guest_count,
                )
                for meeting in context["meetings"]
            ],
        )  # fmt: skip
    else:
        document.add_paragraph(_("No meetings held in the year."))

    document.add_heading(_("Decisions"), level=1)
    for row in context["decisions"]:
        meeting = row["meeting"]
        document.add_heading(f"{meeting.series.name} {_date(meeting.starts_at)}", level=2)
        for decision in row["decisions"]:
            paragraph = document.add_paragraph()
            if decision["label"]:
                paragraph.add_run(decision["label"] + ": ").bold = True
            paragraph.add_run(decision["text"])
    if not context["decisions"]:
        document.add_paragraph(_("No decisions recorded in the year."))

    document.add_heading(_("What comes next"), level=1)
    _text_or_dash(document, report.next_steps)
