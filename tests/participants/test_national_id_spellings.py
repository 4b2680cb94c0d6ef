"""The national-id guard sees a number however it is spelled, and lets ordinary numbers through.

15830800120 is one of Skatteetaten's synthetic test numbers (month + 80): valid control digits,
no real person.
"""

import pytest
from django.core.exceptions import ValidationError

from participants.validators import validate_no_national_id

from ..meetings.national_ids import valid_number

SYNTHETIC = "15830800120"
SYNTHETIC_D = valid_number("158308", d_number=True)

SPELLINGS = [
    "{n}",
    "{a}-{b}",
    "{a} - {b}",
    "fnr.{n}",
    "fnr:{n}",
    "f.nr.{a} {b}",
    "{a}  {b}",
    "{a}\t{b}",
    "{a}\n{b}",
    "{a}\r\n{b}",
    "{a}\u00a0{b}",
    "{a}\u2009{b}",
    "{a}–{b}",
    "{a}/{b}",
    "{a[0]}{a[1]}.{a[2]}{a[3]}.{a[4]}{a[5]} {b}",
    "&#{ord0};{rest}",
    "&#x{hex0};{rest}",
    "&amp;#{ord0};{rest}",
    "{a}<!-- -->{b}",
    "{a}<span></span>{b}",
    "{a}**{b}**",
    "**{a}**{b}",
    "{a}_{b}_",
    "{a}`{b}`",
    "{a}\\-{b}",
    "{a}\u200b{b}",
    "{a}\u00ad{b}",
    "１５８３０８００１２０",
    "Eleven (født {a} {b}) ble drøftet",
]


def spelled(template, number):
    a, b = number[:6], number[6:]
    return template.format(n=number, a=a, b=b, ord0=ord(number[0]), hex0=format(ord(number[0]), "x"), rest=number[1:])


@pytest.mark.parametrize("template", SPELLINGS)
@pytest.mark.parametrize("number", [SYNTHETIC, SYNTHETIC_D])
def test_every_spelling_of_a_national_id_is_refused(template, number):
    if template.startswith("１"):
        template = "".join(chr(ord(c) - ord("0") + 0xFF10) for c in number)
    with pytest.raises(ValidationError):
        validate_no_national_id(spelled(template, number))


@pytest.mark.parametrize(
    "text",
    [
        "Møtet 14.01.2027 kl. 09:00, 12 deltakere, tlf. 51 61 23 00, sak 2026/1234.",
        "Handlingsplan 2026–2027, sak 3/27 og 4/27, vedtatt 19.02.2026.",
        "Kontonummer 1234.56.78903 og org.nr. 964 965 404.",
        "Møter 19.02.2026, 14.05.2026, 10.09.2026 og 26.11.2026.",
        "Ring 51 61 23 00 eller 400 00 000.",
        "Tiltak 1, 2, 6, 8, 11 og 12.",
        "15830800121",  # wrong control digit
        "158308001201",  # twelve digits: not a national id
    ],
)
def test_ordinary_numbers_pass(text):
    validate_no_national_id(text)
