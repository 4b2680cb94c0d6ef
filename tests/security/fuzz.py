"""Strategies for bad input: what a careless or hostile client can send in a form field or a query parameter."""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200" if os.environ.get("CI") else "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values that look like the wrong type, or like a date or number the database or the calendar cannot hold.
TRICKY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "1.5",
    "1e308",
    "NaN",
    "inf",
    "-0",
    "99999999999999999999999",
    "-9223372036854775809",
    "9223372036854775808",
    "2147483648",
    "²",
    "١٢",
    "𝟙𝟚",
    "true",
    "None",
    "null",
    "[]",
    "{}",
    "on",
    "2026-02-30",
    "2026-13-01",
    "99999-01-01",
    "0000-00-00",
    "0001-01-01",
    "1-01-01",
    "9999-12-31",
    "31.12.9999",
    "30.02.2026",
    "25:61",
    "23:59:60",
    "00:00",
    "24:00",
    "1900-01-01",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "\r\nSet-Cookie: x=1",
    "https://example.com/",
    "//example.com",
    "javascript:alert(1)",
    "\u202e\u200b\ufeff",
    "x" * 100_000,
    "9" * 5_000,
    "\x00" * 1_000,
    "01020312345",
]

scalar = st.one_of(
    st.text(),  # any Unicode, control characters and NUL included
    st.sampled_from(TRICKY),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(str),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20).map(lambda text: f"{text}\x00{text}"),
)
# A scalar, or a list where one value is expected.
value = st.one_of(scalar, st.lists(scalar, min_size=2, max_size=3))


def form_input(fields, base=None):
    """A form's data: the valid `base` with some fields replaced by bad values and some left out."""
    base = base or {}
    overrides = st.fixed_dictionaries({}, optional=dict.fromkeys(fields, value))
    dropped = st.sets(st.sampled_from(sorted(fields))) if fields else st.just(set())

    def combine(pair):
        changed, drop = pair
        data = {name: item for name, item in base.items() if name not in drop}
        data.update(changed)
        return data

    return st.tuples(overrides, dropped).map(combine)
