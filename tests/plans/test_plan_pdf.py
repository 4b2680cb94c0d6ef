import io

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from measures.models import ActionPlan, Measure, StatusUpdate
from participants.models import Body
from plans import documents as plan_document
from tests.pdfs import assert_in_pdf, pdf_text, squash


def test_plan_pdf_holds_every_goal_focus_area_measure_meeting_and_seat_of_the_plan(gjesdal):
    text = pdf_text(plan_document.render_plan_pdf(gjesdal))

    for goal in gjesdal.goals.all():
        assert_in_pdf(goal.text, text)
    for area in gjesdal.focus_areas.all():
        assert_in_pdf(area.text, text)
    for measure in gjesdal.measures.all():
        assert_in_pdf(measure.title, text)
        assert_in_pdf(measure.responsible_text, text)
        assert_in_pdf(measure.description, text)
    assert gjesdal.measures.count() == 12
    for series in gjesdal.meeting_series.all():
        assert_in_pdf(series.name, text)
        assert_in_pdf(series.purpose, text)
        assert_in_pdf(series.frequency, text)
    for body in Body.objects.all():
        assert_in_pdf(body.participants_text, text)
        assert_in_pdf(body.mandate, text)
    assert_in_pdf("Styrende nivå: Styringsgruppe/politiråd", text)
    assert_in_pdf("Koordinerende nivå: Arbeidsgruppe", text)
    assert_in_pdf("Hva Hensikt Hyppighet", text)
    assert_in_pdf("Tiltak Beskrivelse Ansvar", text)
    assert_in_pdf("SLT-handlingsplanen ble vedtatt 19.02.2026 av styringsgruppa/politirådet.", text)


def test_plan_pdf_has_a_cover_a_table_of_contents_with_page_numbers_and_page_x_of_y(gjesdal):
    reader = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal)))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)

    assert "GJESDAL" in pages[0].upper()
    assert_in_pdf("SLT-handlingsplan 2026–2027", pages[0])
    assert "Side" not in pages[0]
    contents = {}
    for line in pages[1].splitlines():
        title, _dots, page_number = line.rpartition(" ")
        if page_number.isdigit() and "." in title:
            contents[title.rstrip(". ")] = int(page_number)
    assert set(contents) >= {"1 Innledning", "2 Nasjonale og kommunale føringer", "3 Tiltak"}
    for title, number in contents.items():
        assert squash(title) in squash(pages[number - 1]), f"{title} is not on page {number}"
    assert squash("3 Tiltak") not in squash(pages[contents["3 Tiltak"] - 2])
    for number in range(2, total + 1):
        assert f"Side {number} av {total}" in pages[number - 1]


def test_plan_pdf_is_tagged_pdf_ua_in_norwegian_with_title_author_and_chapter_bookmarks(gjesdal):
    reader = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal)))
    catalog = reader.trailer["/Root"]

    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "nb"
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()
    assert reader.metadata.title == "SLT-handlingsplan 2026–2027 – Gjesdal kommune"
    assert reader.metadata.author == "Gjesdal kommune"
    chapters = [item.title for item in reader.outline if not isinstance(item, list)]
    assert chapters == [
        "1 Innledning",
        "2 Nasjonale og kommunale føringer",
        "3 Tiltak",
        "Vedlegg 1: Deltakere i SLT-modellen i Gjesdal",
    ]


def test_plan_pdf_embeds_noto_sans_and_no_fallback_font(gjesdal):
    reader = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal)))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))

    assert fonts
    assert all("Noto-Sans" in name for name in fonts), fonts


def test_plan_pdf_links_work(gjesdal):
    reader = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal)))
    targets = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                targets.add(str(action["/URI"]))

    assert {link.url for link in gjesdal.links.all()} <= targets


def test_editing_a_measure_title_gives_a_new_pdf_at_once(gjesdal):
    before = pdf_text(plan_document.render_plan_pdf(gjesdal))
    measure = Measure.objects.get(plan=gjesdal, number=9)
    measure.title = "Natteravner på Ålgård og i Gjesdal"
    measure.save()

    after = pdf_text(plan_document.render_plan_pdf(gjesdal))

    assert_in_pdf("Natteravner på Ålgård og i Gjesdal", after)
    assert_in_pdf("Natteravnordning", before)
    assert squash("Natteravnordning") not in squash(after)


def test_an_unchanged_plan_is_not_rendered_again(gjesdal):
    first = plan_document.render_plan_pdf(gjesdal)
    key = plan_document.plan_pdf_key(gjesdal)
    assert cache.get(key) == first
    # What the cache holds under the key is what the next download gets: nothing is rendered.
    cache.set(key, b"%PDF-kept-in-the-cache")

    assert plan_document.render_plan_pdf(gjesdal) == b"%PDF-kept-in-the-cache"


def test_an_edit_of_a_seat_text_changes_the_cache_key(gjesdal):
    key = plan_document.plan_pdf_key(gjesdal)
    body = Body.objects.get(key="operativ")
    body.participants_text = "Politikontakt, barnevernleder og SLT-koordinator."
    body.save()

    assert plan_document.plan_pdf_key(gjesdal) != key


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda plan: plan.measures.get(number=9).focus_areas.clear(), id="a measure's focus areas"),
        pytest.param(lambda plan: plan.goals.last().delete(), id="a goal deleted"),
        pytest.param(lambda plan: plan.links.first().delete(), id="a link deleted"),
        pytest.param(lambda plan: plan.meeting_series.first().bodies.clear(), id="a series' bodies"),
        pytest.param(lambda plan: ActionPlan.objects.filter(pk=plan.pk).get().save(), id="the plan saved"),
    ],
)
def test_every_kind_of_edit_the_document_shows_changes_the_cache_key(gjesdal, edit):
    key = plan_document.plan_pdf_key(gjesdal)
    edit(gjesdal)
    assert plan_document.plan_pdf_key(gjesdal) != key


def test_meetings_and_status_updates_leave_the_cache_key_alone(gjesdal, coordinator):
    from meetings.services import meetings_create_for_year

    key = plan_document.plan_pdf_key(gjesdal)
    meetings_create_for_year(series=gjesdal.meeting_series.first(), year=2026)
    StatusUpdate.objects.create(measure=gjesdal.measures.get(number=9), status="pagar", note="Godt i gang")

    assert plan_document.plan_pdf_key(gjesdal) == key


def test_plan_pdf_cover_names_the_municipality_in_full(gjesdal):
    first_page = PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal))).pages[0].extract_text()

    assert "GJESDAL KOMMUNE" in first_page.upper()


def test_municipality_name_is_not_doubled_when_the_file_already_gives_it(gjesdal):
    gjesdal.municipality = "Voss herad"
    assert gjesdal.municipality_name == "Voss herad"
    gjesdal.municipality = "Gjesdal"
    assert gjesdal.municipality_name == "Gjesdal kommune"


def test_plan_pdf_contents_list_the_sub_sections_and_the_bodies_with_their_pages(gjesdal):
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(plan_document.render_plan_pdf(gjesdal))).pages]
    contents = {}
    for line in pages[1].splitlines():
        title, _dots, page_number = line.rpartition(" ")
        if page_number.isdigit() and ".." in title:  # a contents line has leader dots
            contents[squash(title).rstrip(".")] = int(page_number)

    expected = ["Målislt-arbeidet:", "Modellenstrenivå", "Fastetreffpunkt", "Nyttigelenker"]
    expected += [squash(body.name) for body in Body.objects.all()]
    for title in expected:
        assert title.lower() in {key.lower() for key in contents}, f"{title} is not in the contents"
    for title, number in contents.items():
        assert title.lower() in squash(pages[number - 1]).lower(), f"{title} is not on page {number}"


def test_plan_pdf_draws_the_three_levels_with_the_coordinator_between_and_the_operative_group_beside(gjesdal):
    text = squash(pdf_text(plan_document.render_plan_pdf(gjesdal)))
    diagram = text[text.index("Modellenstrenivå") :]

    governing = diagram.index("STYRENDENIVÅStyringsgruppe/politiråd")
    coordinator = diagram.index("SLT-koordinator", governing)
    coordinating = diagram.index("KOORDINERENDENIVÅArbeidsgruppe", coordinator)
    assert governing < coordinator < coordinating
    caption = diagram.index("SLT-modellenstrenivå.")
    operative = Body.objects.get(confidential=True)
    assert coordinating < diagram.index(squash(operative.name), coordinating) < caption


def test_plan_pdf_prints_link_addresses_for_paper_readers(gjesdal):
    text = squash(pdf_text(plan_document.render_plan_pdf(gjesdal)))

    links = list(gjesdal.links.all())
    assert links
    for link in links:
        assert squash(f"{link.title}({link.url})") in text, f"{link.url} is not printed after its title"


def test_plan_pdf_adoption_sentence_names_the_body_as_running_text(gjesdal):
    text = pdf_text(plan_document.render_plan_pdf(gjesdal))

    assert_in_pdf("SLT-handlingsplanen ble vedtatt 19.02.2026 av styringsgruppa/politirådet.", text)


def test_a_body_without_a_running_text_name_is_named_as_written_in_the_adoption_sentence(gjesdal):
    Body.objects.filter(pk=gjesdal.adopted_by_id).update(name_in_sentence="")
    gjesdal.refresh_from_db()

    text = pdf_text(plan_document.render_plan_pdf(gjesdal))

    assert_in_pdf("SLT-handlingsplanen ble vedtatt 19.02.2026 av Styringsgruppe/politiråd.", text)
