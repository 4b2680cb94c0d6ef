import io
import re

import pytest
from pypdf import PdfReader

from tests.conftest import _client_for


def squash(text):
    """Text without any whitespace or soft hyphens: PDF line breaks fall anywhere in a cell."""
    return re.sub(r"[\s\u00ad]+", "", text)


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def assert_in_pdf(expected, text):
    assert squash(expected) in squash(text), f"{expected!r} is not in the PDF"


@pytest.fixture
def steering_client(client, steering_member):
    return _client_for(client, steering_member)


@pytest.fixture
def operative_client(client, operative_member):
    return _client_for(client, operative_member)
