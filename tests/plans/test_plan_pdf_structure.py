"""The plan PDF's tables carry real header cells in the structure tree, for screen readers."""

import io

from pypdf import PdfReader

from plans import documents as plan_document


def children(element):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    kids = kids if isinstance(kids, list) else [kids]
    return [kid.get_object() for kid in kids if isinstance(kid.get_object(), dict) and "/S" in kid.get_object()]


def elements(element, tag):
    """Every structure element below this one with the given tag, in document order."""
    found = []
    for child in children(element):
        if child["/S"] == tag:
            found.append(child)
        found.extend(elements(child, tag))
    return found


def test_the_plan_pdfs_measure_and_meeting_tables_have_column_and_row_headers(gjesdal):
    reader = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal)))
    tables = elements(reader.trailer["/Root"]["/StructTreeRoot"], "/Table")
    rows = 0
    for table in tables:
        heads = elements(table, "/THead")
        head_rows = heads and elements(heads[0], "/TR")
        body_rows = [row for body in elements(table, "/TBody") for row in children(body) if row["/S"] == "/TR"]
        assert head_rows, "a table without a header row"
        assert {cell["/S"] for cell in children(head_rows[0])} == {"/TH"}
        for row in body_rows:
            cells = children(row)
            assert cells[0]["/S"] == "/TH", "each row starts with its row header"
            assert all("/Headers" in cell["/A"] for cell in cells[1:] if cell["/S"] == "/TD")
        rows += len(body_rows)
    # The meetings table and the measures table; a table that runs over a page break is tagged once per page.
    assert rows == gjesdal.meeting_series.count() + gjesdal.measures.count()
    assert gjesdal.measures.count() == 12
