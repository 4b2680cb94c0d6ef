"""Reading indicator values from a CSV file, as README.md and the upload page describe the format.

Every row is checked before anything is written: a file with one bad row is refused whole, with
each bad row named by its line number.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .indicators import Direction, Source, Unit

MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
# The largest value the database keeps (12 digits, 2 of them decimals).
LARGEST_VALUE = Decimal("9999999999.99")

# Column names as a spreadsheet may write them; the first of each is the documented one.
COLUMNS = {
    "indicator": ("indikator",),
    "unit": ("enhet",),
    "source": ("kilde",),
    "direction": ("retning",),
    "measures": ("tiltak",),
    "year": ("år", "ar", "aar"),
    "half": ("halvår", "halvar", "halvaar"),
    "value": ("verdi",),
    "sample_size": ("utvalg",),
}
REQUIRED = ("indicator", "year", "value")

_SOURCE_WORDS = {"ungdata": Source.UNGDATA, "bti": Source.BTI, "politiet": Source.POLICE, "politi": Source.POLICE}
_SOURCE_WORDS |= {"kommunen": Source.MUNICIPALITY, "kommunens egne tall": Source.MUNICIPALITY, "annet": Source.OTHER}
_UNIT_WORDS = {"prosent": Unit.PERCENT, "%": Unit.PERCENT, "antall": Unit.COUNT, "promille": Unit.PER_THOUSAND}
_UNIT_WORDS |= {"‰": Unit.PER_THOUSAND, "gjennomsnitt": Unit.AVERAGE, "snitt": Unit.AVERAGE}
_DIRECTION_WORDS = {"opp": Direction.UP, "ned": Direction.DOWN}


@dataclass
class Row:
    line: int
    indicator: str
    year: int
    half: int
    value: Decimal
    sample_size: int | None
    unit: str = ""
    source: str = ""
    direction: str = ""
    measure_numbers: list[int] = field(default_factory=list)


def _text(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file is not a text file."), code="encoding")


def parse_decimal(text):
    """A number as people type it: "12,5", "12.5", "1 234,5"; None when it is not one."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _header(cells):
    """{column: index} from the header row; ValidationError naming the missing columns."""
    names = [cell.strip().lower() for cell in cells]
    found = {}
    for column, spellings in COLUMNS.items():
        for index, name in enumerate(names):
            if name in spellings:
                found[column] = index
                break
    missing = [COLUMNS[column][0] for column in REQUIRED if column not in found]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)},
            code="header",
        )
    return found


def _row(line, cells, columns, plan_measures, problems):
    def cell(column):
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    before = len(problems)

    def problem(message):
        problems.append(_("Line %(line)s: %(problem)s") % {"line": line, "problem": message})

    name = cell("indicator")
    if not name:
        problem(_("the indicator's name is missing."))
    elif len(name) > 200:
        problem(_("the indicator's name is longer than 200 characters."))
    year_text = cell("year")
    year = int(year_text) if year_text.isdigit() else None
    if year is None or not 2000 <= year <= 2100:
        problem(_("the year must be a year between 2000 and 2100, not “%(text)s”.") % {"text": year_text})
    half_text = cell("half")
    half = {"": 0, "0": 0, "1": 1, "2": 2}.get(half_text)
    if half is None:
        problem(_("the half-year must be 1, 2 or empty, not “%(text)s”.") % {"text": half_text})
    value = parse_decimal(cell("value"))
    if value is None:
        problem(_("the value must be a number, such as 12,5, not “%(text)s”.") % {"text": cell("value")})
    elif abs(value) > LARGEST_VALUE or value != value.quantize(Decimal("0.01")):
        problem(_("the value can have at most two decimals and ten digits before the comma."))
    sample_text = cell("sample_size").replace(" ", "")
    sample_size = int(sample_text) if sample_text.isdigit() else None
    if sample_text and sample_size is None:
        problem(_("the sample size must be a whole number, not “%(text)s”.") % {"text": sample_text})
    unit = _UNIT_WORDS.get(cell("unit").lower(), "") if cell("unit") else ""
    if cell("unit") and not unit:
        problem(_("unknown unit “%(text)s” (use prosent, antall, promille or gjennomsnitt).") % {"text": cell("unit")})
    source = _SOURCE_WORDS.get(cell("source").lower(), "") if cell("source") else ""
    if cell("source") and not source:
        problem(
            _("unknown source “%(text)s” (use Ungdata, BTI, politiet, kommunen or annet).") % {"text": cell("source")}
        )
    direction = _DIRECTION_WORDS.get(cell("direction").lower(), "") if cell("direction") else ""
    if cell("direction") and not direction:
        problem(_("the direction must be opp or ned, not “%(text)s”.") % {"text": cell("direction")})
    numbers = []
    for part in re.split(r"[\s+/,]+", cell("measures")):
        if not part:
            continue
        if not part.isdigit() or int(part) not in plan_measures:
            problem(_("the plan has no measure “%(text)s”.") % {"text": part})
        else:
            numbers.append(int(part))
    if len(problems) > before:
        return None
    return Row(line, name, year, half, value, sample_size, unit, source, direction, numbers)


def parse_indicator_csv(data, *, plan):
    """The rows of an uploaded file, checked against the plan; ValidationError listing every bad line."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 1 MB."), code="too_large")
    lines = _text(data).splitlines()
    first = next((line for line in lines if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None:
        raise ValidationError(_("The file has no rows."), code="empty")
    delimiter = ";" if ";" in first else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    existing = {indicator.name.lower(): indicator for indicator in plan.indicators.all()}
    plan_measures = set(plan.measures.values_list("number", flat=True))
    columns = None
    rows, problems = [], []
    seen_periods = {}
    units = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
            continue
        if columns is None:
            columns = _header(cells)
            continue
        if len(rows) + len(problems) >= MAX_ROWS:
            raise ValidationError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS}, code="too_long")
        row = _row(line, cells, columns, plan_measures, problems)
        if row is None:
            continue
        key = (row.indicator.lower(), row.year, row.half)
        if key in seen_periods:
            problems.append(
                _("Line %(line)s: the same indicator and period as line %(first)s.")
                % {"line": line, "first": seen_periods[key]}
            )
            continue
        seen_periods[key] = line
        known = existing.get(row.indicator.lower())
        unit = known.unit if known is not None else units.setdefault(row.indicator.lower(), row.unit)
        if known is None and not unit:
            problems.append(
                _("Line %(line)s: “%(name)s” is a new indicator; give its unit (enhet).")
                % {"line": line, "name": row.indicator}
            )
            continue
        if row.unit and row.unit != unit:
            problems.append(
                _("Line %(line)s: “%(name)s” is measured in %(unit)s, not %(other)s.")
                % {"line": line, "name": row.indicator, "unit": Unit(unit).label, "other": Unit(row.unit).label}
            )
            continue
        rows.append(row)
    if problems:
        raise ValidationError(problems, code="bad_rows")
    if not rows:
        raise ValidationError(_("The file has no rows of values under its header."), code="empty")
    return rows
