"""The only module that imports WeasyPrint: template + context -> tagged PDF bytes.

Every document of the portal (the plan, the status report, the minutes) goes through
`render_pdf`.

WeasyPrint takes about a second to import, so it is imported lazily here and warmed when a
server worker starts (`warm_up`, called from the WSGI module), not on a user's first download.
"""

import logging
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


@cache
def _weasyprint():
    import weasyprint

    return weasyprint


def static_root():
    """The static folder on disk, so that fonts and CSS referenced by the templates resolve."""
    found = finders.find("css/print.css")
    if found:
        return str(found).removesuffix("css/print.css")
    return str(settings.STATIC_ROOT) + "/"


def render_pdf(template_name, context, *, title, author="SLT-portalen", lang="nb"):
    """Render a print template to PDF/UA-1 bytes with title, author and document language."""
    with translation.override(lang):
        html = render_to_string(template_name, {**context, "pdf_title": title, "pdf_lang": lang})
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=static_root()).render()
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.lang = lang
    return document.write_pdf(pdf_variant="pdf/ua-1")


def warm_up():
    """Import WeasyPrint and render a tiny document, so the first real PDF is not slow.

    A machine without Pango still serves every page; only the PDFs fail, and the log says why.
    """
    try:
        weasyprint = _weasyprint()
        weasyprint.HTML(string="<p>SLT</p>").write_pdf()
    except OSError as exc:
        logging.getLogger(__name__).warning("PDF rendering is unavailable (install Pango): %s", exc)
