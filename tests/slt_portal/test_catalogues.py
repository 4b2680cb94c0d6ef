"""The translation catalogues: every string of the portal translated in bokmål and nynorsk, none fuzzy."""

import re
import subprocess
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")


def _catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_string_is_translated_and_none_is_fuzzy(language):
    catalogue = _catalogue(language)
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.metadata["Language"] == language


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_msgfmt_agrees_and_the_compiled_catalogue_is_up_to_date(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=True
    )
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(po.with_suffix(".mo")))}
    for entry in _catalogue(language).translated_entries():
        assert (entry.msgctxt, entry.msgid) in compiled, f"{entry.msgid!r}: run compilemessages"
        assert compiled[(entry.msgctxt, entry.msgid)].msgstr == entry.msgstr


def test_both_catalogues_hold_the_same_strings_with_the_same_placeholders():
    nb = {(entry.msgctxt, entry.msgid) for entry in _catalogue("nb") if not entry.obsolete}
    nynorsk = [entry for entry in _catalogue("nn") if not entry.obsolete]
    assert nb == {(entry.msgctxt, entry.msgid) for entry in nynorsk}
    for entry in nynorsk:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid


def test_nynorsk_is_not_bokmal():
    """Words bokmål writes and nynorsk does not, in no nynorsk translation."""
    bokmal = re.compile(r"\b(ikke|hva|hvem|hvis|fra|jeg|noen|også|bare|nå|ennå|uke|oppgaver?|ble|mye|hver)\b", re.I)
    found = [
        entry.msgstr
        for entry in _catalogue("nn")
        if not entry.obsolete and bokmal.search(entry.msgstr) and entry.msgstr != entry.msgid
    ]
    assert found == []
