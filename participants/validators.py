"""No personal data about individual young people: refuse Norwegian national identity numbers.

A fødselsnummer or D-number is 11 digits whose two last digits are mod-11 control digits
(D-numbers add 4 to the first digit). People write them in many ways: with spaces, dots, dashes,
tabs or line breaks between the parts ("158308 00120", "15.08.06.001 20", "158308-00120"), right
after a word ("fnr.15830800120"), or, on purpose or not, with markup inside: HTML entities and
comments ("&#49;5830800120", "158308<!-- -->00120") or Markdown emphasis ("158308**00120**").
The text is first normalised (markup, entities and invisible characters removed, digits in
their plain form), then every run of digit groups joined by separators is checked: any
consecutive groups holding 11 digits with valid control digits and a plausible date count.
"""

import html
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z!?][^<>]*>")
# Markdown emphasis, code and escapes, and characters that do not show: soft hyphen, zero-width.
_INVISIBLE = re.compile(r"[*_~`\\\u00ad\u200b-\u200f\u2060\ufeff]")
# Digit groups joined by up to three separators: white space of any kind, dots, dashes, slashes.
_SEPARATOR = r"[\s.\-\u2010-\u2015\u2212/]{1,3}"
_RUN = re.compile(rf"\d+(?:{_SEPARATOR}\d+)*")
_GROUP = re.compile(r"\d+")


def _control_digit(digits, weights):
    remainder = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    if remainder == 11:
        return 0
    return None if remainder == 10 else remainder


def is_national_id(number):
    """True for 11 digits with valid control digits and a plausible date (D-numbers included)."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    if _control_digit(digits[:9], _WEIGHTS_1) != digits[9] or _control_digit(digits[:10], _WEIGHTS_2) != digits[10]:
        return False
    day, month = int(number[0:2]), int(number[2:4])
    if day > 40:  # D-number
        day -= 40
    if month > 80:  # synthetic test numbers (Skatteetaten's Tenor)
        month -= 80
    elif month > 40:  # H-numbers
        month -= 40
    return 1 <= day <= 31 and 1 <= month <= 12


def normalise(text):
    """The text as a reader sees it: entities decoded, markup and invisible characters gone."""
    text = unicodedata.normalize("NFKC", text or "")
    for _round in range(3):  # "&amp;#49;" is "&#49;" is "1"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _COMMENT.sub("", text)
    text = _TAG.sub("", text)
    return _INVISIBLE.sub("", text)


def find_national_ids(text):
    found = []
    for run in _RUN.finditer(normalise(text)):
        groups = _GROUP.findall(run.group(0))
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) >= 11:
                    break
            if len(digits) == 11 and is_national_id(digits):
                found.append(digits)
    return found


def validate_no_national_id(text):
    if find_national_ids(text):
        raise ValidationError(
            _(
                "The text contains what looks like a national identity number (fødselsnummer or D-number). "
                "Do not write personal data about individual young people here; remove the number and save again."
            ),
            code="national_id",
        )
