import io

from pypdf import PdfReader

from slt_portal.pdf import render_pdf


def test_render_pdf_gives_a_tagged_pdf_with_language_title_and_norwegian_text(tmp_path, settings):
    pdf = render_pdf(
        "pdf/base.html",
        {},
        title="Prøvedokument æøå",
    )
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nb"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Prøvedokument æøå"
    assert b"pdfuaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
