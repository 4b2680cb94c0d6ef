"""No personal data about individual young people: refuse Norwegian national identity numbers.

A fødselsnummer or D-number is 11 digits whose two last digits are mod-11 control digits
(D-numbers add 4 to the first digit). People write them with a space or a dot inside
("010203 12345", "01.02.03.123 45"), so the check looks at digit runs with such separators.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# 11 digits, optionally separated by single spaces, dots or non-breaking spaces, not part of a longer number.
_CANDIDATE = re.compile(r"(?<![\d.])\d(?:[ .\u00a0]?\d){10}(?![\d])")


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


def find_national_ids(text):
    return [
        match.group(0) for match in _CANDIDATE.finditer(text or "") if is_national_id(re.sub(r"\D", "", match.group(0)))
    ]


def validate_no_national_id(text):
    if find_national_ids(text):
        raise ValidationError(
            _(
                "The text contains what looks like a national identity number (fødselsnummer or D-number). "
                "Do not write personal data about individual young people here; remove the number and save again."
            ),
            code="national_id",
        )
