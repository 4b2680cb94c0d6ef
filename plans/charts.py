"""The status chart: measures by status as horizontal bars, the same on the dashboard and in the PDFs.

The geometry is computed here, so the template (`plans/_status_chart.html`) only draws it.
"""

from measures.models import Status

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
