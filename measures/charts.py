"""The portal's charts, drawn on the server as SVG: no script, the same on the pages and in the PDFs.

The geometry is computed here, so the templates only draw it: the status chart (measures by status
as horizontal bars, `plans/_status_chart.html`) and the indicator charts (a line through a series
of periods, a bar for a single one, `measures/_indicator_chart.html`), each with its numbers as a
table beside it.
"""

import math
from decimal import Decimal

from django.utils.translation import gettext as _

from .indicators import SMALLEST_SHOWN, format_number
from .models import Status

ROW_HEIGHT = 28
BAR_HEIGHT = 22
LABEL_WIDTH = 110
BAR_WIDTH = 190
COUNT_WIDTH = 40
# The statuses' colours, as the badges have them: each has 4.5:1 contrast against white.
STATUS_FILL = {
    Status.PLANNED: "#4a5563",
    Status.IN_PROGRESS: "#0b5cad",
    Status.ONGOING: "#0f6b4b",
    Status.DELAYED: "#a4262c",
    Status.COMPLETED: "#285a1e",
    Status.ENDED: "#5b4a6b",
}


def status_chart(counts):
    """Rows of the chart from {status: number of measures}; bar widths relative to the largest count."""
    largest = max(counts.values(), default=0) or 1
    rows = []
    for index, (value, label) in enumerate(Status.choices):
        count = counts.get(value, 0)
        width = round(BAR_WIDTH * count / largest)
        y = index * ROW_HEIGHT
        rows.append(
            {
                "status": value,
                "label": label,
                "count": count,
                "fill": STATUS_FILL[value],
                "y": y,
                "text_y": y + BAR_HEIGHT // 2 + 5,
                "width": width,
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "rows": rows,
        "height": len(rows) * ROW_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH,
        "bar_x": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "total": sum(counts.values()),
    }


# Indicator charts
CHART_WIDTH = 480
CHART_HEIGHT = 220
PLOT_LEFT = 56
PLOT_RIGHT = 20
PLOT_TOP = 24
PLOT_BOTTOM = 36
SINGLE_BAR_WIDTH = 90
LINE_COLOUR = "#0b5cad"  # 4.5:1 against white, as the status colours
TARGET_COLOUR = "#a4262c"
TICKS = 4


def _coordinate(number):
    """A coordinate as SVG writes it, with a decimal point whatever the page's language."""
    return f"{number:.1f}"


def _nice_step(largest):
    """A round step for TICKS grid lines up to at least `largest`: 1, 2, 2.5 or 5 times a power of ten."""
    if largest <= 0:
        return Decimal(1)
    rough = largest / TICKS
    power = Decimal(10) ** math.floor(math.log10(rough))
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if power * factor >= rough:
            return power * factor
    return power * 10  # pragma: no cover - the loop always returns


def indicator_chart(indicator, values, *, public):
    """An indicator's chart and table from its values in period order.

    `public` hides what could point at a person (see IndicatorValue.too_small_to_publish): such a
    value is left out of the drawing and reads "under 5" in the table.
    """
    values = sorted(values, key=lambda value: (value.year, value.half))
    rows = []
    for value in values:
        hidden = public and value.too_small_to_publish
        sample = ""
        if value.sample_size is not None:
            small = public and value.sample_size < SMALLEST_SHOWN
            sample = _("under %(number)s") % {"number": SMALLEST_SHOWN} if small else format_number(value.sample_size)
        rows.append(
            {
                "period": value.period_display,
                "short": value.period_short,
                "shown": value.display(public=public),
                "sample": sample,
                "hidden": hidden,
                "value": None if hidden else value.value,
            }
        )
    drawn = [row["value"] for row in rows if row["value"] is not None]
    candidates = [*drawn, *([indicator.target] if indicator.target is not None else [])]
    largest = max(candidates, default=Decimal(0))
    smallest = min([*candidates, Decimal(0)])
    step = _nice_step(max(largest - smallest, Decimal(0)))
    bottom = (smallest / step).to_integral_value(rounding="ROUND_FLOOR") * step
    top = bottom + step * TICKS
    while top < largest:
        top += step
    plot_width = CHART_WIDTH - PLOT_LEFT - PLOT_RIGHT
    plot_height = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    base = PLOT_TOP + plot_height

    def y_of(number):
        # A string: the template must not write a float with the page's decimal comma.
        return _coordinate(base - float((number - bottom) / (top - bottom)) * plot_height)

    ticks = []
    tick = bottom
    while tick <= top:
        ticks.append({"y": y_of(tick), "label": format_number(tick)})
        tick += step
    kind = "bar" if len(rows) == 1 else "line"
    slot = plot_width / max(len(rows), 1)
    segments, segment = [], []
    for index, row in enumerate(rows):
        x = _coordinate(PLOT_LEFT + slot * (index + 0.5))
        row["x"] = x
        if row["value"] is None:
            if segment:
                segments.append(segment)
            segment = []
            row["y"] = base - 4
            continue
        row["y"] = y_of(row["value"])
        row["label_y"] = _coordinate(float(row["y"]) - 8)
        segment.append(f"{x},{row['y']}")
        if kind == "bar":
            row["bar_x"] = _coordinate(float(x) - SINGLE_BAR_WIDTH / 2)
            row["bar_height"] = _coordinate(base - float(row["y"]))
    if segment:
        segments.append(segment)
    target = None
    if indicator.target is not None:
        shown = indicator.format_value(indicator.target)
        target = {"y": y_of(indicator.target), "value": shown, "label": _("Target %(value)s") % {"value": shown}}
    summary = ", ".join(f"{row['period']}: {row['shown']}" for row in rows) or _("no values yet")
    return {
        "indicator": indicator,
        "kind": kind,
        "rows": rows,
        "lines": [" ".join(points) for points in segments if len(points) > 1],
        "ticks": ticks,
        "target": target,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PLOT_LEFT,
        "right": CHART_WIDTH - PLOT_RIGHT,
        "base": base,
        "axis_y": base + 18,
        "bar_width": SINGLE_BAR_WIDTH,
        "colour": LINE_COLOUR,
        "target_colour": TARGET_COLOUR,
        "title": f"{indicator.name} ({indicator.get_unit_display()}): {summary}",
        "public": public,
    }


def indicator_charts(indicators, *, public):
    """Charts of indicators whose values are prefetched, in their order."""
    return [indicator_chart(indicator, indicator.values.all(), public=public) for indicator in indicators]
