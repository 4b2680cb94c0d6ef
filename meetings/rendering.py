"""Pure renderers: minutes Markdown to safe HTML, the year wheel to SVG, meetings to iCalendar bytes."""

import calendar
import datetime
import json
import math
import subprocess
import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .markdown_child import to_html


def minutes_html(text):
    """The minutes' Markdown as HTML with everything but plain formatting removed (in this process)."""
    return mark_safe(to_html(text))


# Python-Markdown takes super-linear time on some short inputs ("[" repeated a few thousand times
# takes many seconds) and overflows the stack on others. Minutes are therefore rendered once, when
# they are saved, in a child process that is stopped after RENDER_SECONDS; what does not render
# in time is refused with a form error. Pages show the stored HTML. The texts of one save (the
# meeting's notes and every sak's minutes) are rendered by one child.
MINUTES_MAX_LENGTH = 50_000
RENDER_SECONDS = 4
_PROJECT = Path(__file__).resolve().parent.parent


def _too_complex():
    return ValidationError(
        _("The minutes cannot be shown: their formatting is too complex. Simplify the Markdown and save again."),
        code="minutes_too_complex",
    )


def _render_in_child(texts):
    done = subprocess.run(
        [sys.executable, "-m", "meetings.markdown_child"],
        input=json.dumps(list(texts)).encode("utf-8"),
        capture_output=True,
        timeout=RENDER_SECONDS,
        cwd=_PROJECT,
        check=True,
    )
    return [mark_safe(html) for html in json.loads(done.stdout.decode("utf-8"))]


# text -> HTML, or None for a text that did not render in time; the forms' validation and the save
# of one request then render each text once. Bounded: the oldest entries go first.
_RENDERED: OrderedDict[str, str | None] = OrderedDict()
_CACHE_SIZE = 128


def _remember(text, html):
    _RENDERED[text] = html
    _RENDERED.move_to_end(text)
    while len(_RENDERED) > _CACHE_SIZE:
        _RENDERED.popitem(last=False)


def remember_rendered(text, html):
    """Tell the cache a text's stored HTML, so that saving it unchanged renders nothing."""
    if text and html:
        _remember(text, html)


def render_texts(texts):
    """{text: HTML, or None when it does not render within RENDER_SECONDS}; the new ones in one child."""
    missing = list(dict.fromkeys(text for text in texts if text and text not in _RENDERED))
    if missing:
        try:
            for text, html in zip(missing, _render_in_child(missing), strict=True):
                _remember(text, html)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
            # One of them is too complex: find which, each on its own (only on this rare path).
            for text in missing:
                try:
                    _remember(text, _render_in_child([text])[0])
                except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
                    _remember(text, None)
    return {
        text: (mark_safe(_RENDERED[text]) if _RENDERED.get(text) is not None else None) if text else ""
        for text in texts
    }


def minutes_html_bounded(text):
    """minutes_html, or ValidationError when the text does not render within RENDER_SECONDS."""
    html = render_texts([text])[text]
    if html is None:
        raise _too_complex()
    return html


def validate_minutes_markdown(text):
    minutes_html_bounded(text)


def stored_minutes_html(meeting):
    """The HTML stored with the minutes; minutes saved before it was stored are rendered (bounded) once."""
    return stored_html(meeting.minutes, meeting.minutes_html)


def stored_html(text, html):
    if html or not text:
        return mark_safe(html)
    try:
        return minutes_html_bounded(text)
    except ValidationError:
        return mark_safe(f"<pre>{escape(text)}</pre>")


# One distinct shape per series, so the wheel never relies on colour alone.
SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "triangle-down")
COLOURS = ("#0b4f6c", "#a4262c", "#0f6b4b", "#6b3fa0", "#8a5300", "#1f5fbf", "#4a5563", "#9c2a6e")


def shape_path(shape, x, y, r):
    """SVG path for a mark of the given shape centred on (x, y)."""

    def polygon(points):
        return "M" + " L".join(f"{px:.1f},{py:.1f}" for px, py in points) + " Z"

    def regular(n, radius, rotation=-90.0):
        return [
            (
                x + radius * math.cos(math.radians(rotation + i * 360 / n)),
                y + radius * math.sin(math.radians(rotation + i * 360 / n)),
            )
            for i in range(n)
        ]

    if shape == "circle":
        return f"M{x - r:.1f},{y:.1f} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0 Z"
    if shape == "square":
        return polygon([(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)])
    if shape == "triangle":
        return polygon(regular(3, r * 1.25))
    if shape == "triangle-down":
        return polygon(regular(3, r * 1.25, rotation=90))
    if shape == "diamond":
        return polygon(regular(4, r * 1.3))
    if shape == "hexagon":
        return polygon(regular(6, r * 1.1))
    if shape == "star":
        outer, inner = regular(5, r * 1.4), regular(5, r * 0.6, rotation=-54)
        return polygon([p for pair in zip(outer, inner, strict=True) for p in pair])
    # cross
    t = r * 0.45
    return polygon(
        [
            (x - t, y - r),
            (x + t, y - r),
            (x + t, y - t),
            (x + r, y - t),
            (x + r, y + t),
            (x + t, y + t),
            (x + t, y + r),
            (x - t, y + r),
            (x - t, y + t),
            (x - r, y + t),
            (x - r, y - t),
            (x - t, y - t),
        ]
    )


def series_legend(series_list):
    """Number, shape and colour per series, in the order given."""
    return [
        {
            "series": series,
            "number": i + 1,
            "shape": SHAPES[i % len(SHAPES)],
            "colour": COLOURS[i % len(COLOURS)],
            "icon": legend_icon(SHAPES[i % len(SHAPES)], COLOURS[i % len(COLOURS)]),
        }
        for i, series in enumerate(series_list)
    ]


def legend_icon(shape, colour):
    return mark_safe(
        f'<svg class="wheel-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
        f'<path d="{shape_path(shape, 8, 8, 5)}" fill="{colour}" stroke="#000" stroke-width="0.6"/></svg>'
    )


@dataclass
class Mark:
    """One thing on a ring: a day, or a whole month (an activity some time in the month)."""

    day: datetime.date
    label: str
    hollow: bool = False  # cancelled
    whole_month: bool = False
    url: str = ""
    status_label: str = ""  # what the list says of a hollow mark: "avlyst"
    count: int = 1  # the meetings one mark stands for (a series' month)


@dataclass
class Ring:
    """A ring of the wheel: a meeting series or a measure's activities.

    A folded ring (a weekly series) is drawn as one band round the year with a single mark, not a
    mark per meeting.
    """

    name: str
    kind: str = "series"  # or "measure"
    marks: list = field(default_factory=list)
    folded: bool = False
    note: str = ""
    number: int = 0
    shape: str = ""
    colour: str = ""
    icon: str = ""
    link: str = ""


def number_rings(rings):
    """Give each ring its number (1 is the innermost), shape and colour, in the order given."""
    for i, ring in enumerate(rings):
        ring.number = i + 1
        ring.shape = SHAPES[i % len(SHAPES)]
        ring.colour = COLOURS[i % len(COLOURS)]
        ring.icon = legend_icon(ring.shape, ring.colour)
    return rings


def year_wheel_svg(year, rings, *, size=640, summary="", dom_id="year-wheel"):
    """The year as a wheel: 12 month sectors, one ring per series or measure, a mark per meeting or
    activity; a folded ring is one band with one mark. `rings` are numbered by number_rings."""
    centre = size / 2
    outer = size / 2 - 40
    inner = outer * 0.32
    ring_width = (outer - inner) / max(len(rings), 1)
    days = 366 if datetime.date(year, 12, 31).timetuple().tm_yday == 366 else 365
    title = _("Year wheel %(year)s") % {"year": year}

    def point(day_of_year, radius):
        angle = math.radians(-90 + 360 * (day_of_year - 0.5) / days)
        return centre + radius * math.cos(angle), centre + radius * math.sin(angle)

    described = f' aria-describedby="{dom_id}-desc"' if summary else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="year-wheel" viewBox="0 0 {size} {size}" role="img" '
        f'aria-labelledby="{dom_id}-title"{described}><title id="{dom_id}-title">{escape(title)}</title>',
        f'<desc id="{dom_id}-desc">{escape(summary)}</desc>' if summary else "",
        f'<circle cx="{centre}" cy="{centre}" r="{outer}" fill="#f8f9fa" stroke="#333" stroke-width="1.5"/>',
    ]
    for i in range(len(rings) + 1):
        parts.append(
            f'<circle cx="{centre}" cy="{centre}" r="{inner + i * ring_width:.1f}" fill="none" stroke="#adb5bd" '
            f'stroke-width="0.6"/>'
        )
    for month in range(1, 13):
        first = datetime.date(year, month, 1).timetuple().tm_yday - 0.5
        x1, y1 = point(first + 0.5, inner)
        x2, y2 = point(first + 0.5, outer)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#333" stroke-width="1"/>')
        middle = datetime.date(year, month, 15).timetuple().tm_yday
        lx, ly = point(middle, outer + 20)
        name = date_format(datetime.date(year, month, 1), "M")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" dominant-baseline="middle" '
            f'class="wheel-month" font-size="15" fill="#212529">{escape(name)}</text>'
        )
    parts.append(
        f'<text x="{centre}" y="{centre}" text-anchor="middle" dominant-baseline="middle" '
        f'class="wheel-year" font-size="28" font-weight="700" fill="#0b4f6c">{year}</text>'
    )
    for i in range(len(rings)):
        nx, ny = point(1, inner + (i + 0.5) * ring_width)
        parts.append(
            f'<text x="{nx - 9:.1f}" y="{ny:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'class="wheel-ring-number" font-size="11" font-weight="600" fill="#212529">{i + 1}</text>'
        )
    mark = max(3.0, min(7.0, ring_width * 0.3))
    for index, ring in enumerate(rings):
        radius = inner + (index + 0.5) * ring_width
        if ring.folded:
            # Dashed, so the band does not rely on its colour to tell it from the ring lines.
            parts.append(
                f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="{ring.colour}" '
                f'stroke-width="{max(2.0, ring_width * 0.18):.1f}" stroke-dasharray="3 3"/>'
            )
        for item in ring.marks:
            day = item.day.timetuple().tm_yday
            if item.whole_month:
                end_day = day + calendar.monthrange(item.day.year, item.day.month)[1] - 1
                x1, y1 = point(day + 0.3, radius)
                x2, y2 = point(end_day + 0.7, radius)
                parts.append(
                    f'<path d="M{x1:.1f},{y1:.1f} A{radius:.1f},{radius:.1f} 0 0,1 {x2:.1f},{y2:.1f}" fill="none" '
                    f'stroke="{ring.colour}" stroke-opacity="0.45" stroke-width="{mark * 1.6:.1f}" '
                    f'stroke-linecap="round"/>'
                )
                day = (day + end_day) / 2
            x, y = point(day, radius)
            fill = "#fff" if item.hollow else ring.colour
            parts.append(
                f'<path d="{shape_path(ring.shape, x, y, mark)}" fill="{fill}" stroke="{ring.colour}" '
                f'stroke-width="1.2"><title>{escape(item.label)}</title></path>'
            )
            if item.count > 1:
                parts.append(
                    f'<text x="{x + mark + 1:.1f}" y="{y - mark:.1f}" class="wheel-count" font-size="9" '
                    f'font-weight="700" fill="#212529" aria-hidden="true">{item.count}</text>'
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def calendar_bytes(meetings, *, name, url_for):
    """An RFC 5545 calendar of the meetings, in Europe/Oslo; confidential meetings get a neutral title.

    url_for(meeting) gives the absolute address of a meeting's page.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//SLT-portalen//Meetings//NB")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    zone = timezone.get_default_timezone()
    now = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@slt-portalen")
        event.add("dtstamp", now)
        event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
        event.add("dtend", timezone.localtime(meeting.ends_at, zone))
        event.add("url", url_for(meeting))
        if meeting.series.is_confidential:
            event.add("summary", _("Meeting (confidential)"))
            event.add("class", "CONFIDENTIAL")
        else:
            event.add("summary", meeting.series.name)
            if meeting.location:
                event.add("location", meeting.location)
        event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
