"""Reading PDFs back: their text, compared without the line breaks a PDF puts anywhere."""

import io
import re

from pypdf import PdfReader


def squash(text):
    """Text without any whitespace or soft hyphens: PDF line breaks fall anywhere in a cell."""
    return re.sub(r"[\s\u00ad]+", "", text)


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def assert_in_pdf(expected, text):
    assert squash(expected) in squash(text), f"{expected!r} is not in the PDF"
