import csv
import io

import openpyxl
from django.urls import reverse
from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create
from participants.models import Body, Organization
from tests.conftest import logged_in

LIST = reverse("measures:measure_list")


def numbers(response):
    return [measure.number for measure in response.context["measures"]]


def test_a_user_without_a_role_is_refused_the_list(outsider_client):
    assert outsider_client.get(LIST).status_code == 403


def test_the_list_refuses_post(coordinator_client):
    assert coordinator_client.post(LIST).status_code == 405


def test_each_row_links_to_the_measure_page_with_status_and_latest_update(working_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    day = timezone.localdate()
    status_update_create(measure=natteravn, user=coordinator, status=Status.IN_PROGRESS, note="", date=day)
    page = working_client.get(LIST).content.decode()
    assert f'<a href="{reverse("measures:measure_detail", args=[9])}">Natteravnordning</a>' in page
    assert "Frivilligsentralen og Gjesdal ungdomsskole" in page
    assert "Pågår" in page
    assert day.strftime("%d.%m.%Y") in page


def test_the_list_filters_by_status(working_client, gjesdal):
    response = working_client.get(LIST, {"status": Status.ONGOING})
    expected = list(gjesdal.measures.filter(status=Status.ONGOING).values_list("number", flat=True))
    assert expected and numbers(response) == expected


def test_the_list_filters_by_responsible_body_and_organization(working_client, gjesdal):
    body = Body.objects.get(key="arbeidsgruppe")
    assert numbers(working_client.get(LIST, {"responsible": f"body-{body.pk}"})) == [1, 2, 6, 8, 11, 12]
    police = Organization.objects.get(key="politiet")
    expected = sorted(gjesdal.measures.filter(responsible_organizations=police).values_list("number", flat=True))
    assert numbers(working_client.get(LIST, {"responsible": f"org-{police.pk}"})) == expected


def test_the_list_filters_by_focus_area(working_client, gjesdal):
    area = gjesdal.focus_areas.filter(measures__isnull=False).first()
    expected = sorted(area.measures.values_list("number", flat=True))
    assert numbers(working_client.get(LIST, {"focus_area": area.pk})) == expected


def test_the_list_searches_free_text(working_client, gjesdal):
    assert numbers(working_client.get(LIST, {"q": "natteravn"})) == [9]
    assert numbers(working_client.get(LIST, {"q": "7"})) == [7]


def test_the_list_sorts_by_title_status_and_latest_update(working_client, coordinator, gjesdal):
    titles = [m.title for m in working_client.get(LIST, {"sort": "title"}).context["measures"]]
    assert titles == sorted(titles)
    assert numbers(working_client.get(LIST, {"sort": "-number"})) == list(range(12, 0, -1))
    statuses = [m.status for m in working_client.get(LIST, {"sort": "status"}).context["measures"]]
    assert statuses == sorted(statuses, key=Status.values.index)
    status_update_create(
        measure=gjesdal.measures.get(number=5), user=coordinator, status="pagar", note="", date=timezone.localdate()
    )
    assert numbers(working_client.get(LIST, {"sort": "-latest"}))[0] == 5


def test_invalid_filters_give_a_norwegian_error_and_the_unfiltered_list(working_client, gjesdal):
    response = working_client.get(LIST, {"status": "tull", "focus_area": "abc", "sort": "drop table"})
    assert response.status_code == 200
    assert numbers(response) == list(range(1, 13))
    page = response.content.decode()
    assert "Velg et gyldig valg" in page
    assert "Noen av filtrene er ikke gyldige" in page


def test_the_csv_export_is_utf8_with_bom_semicolons_and_the_current_filters(working_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    status_update_create(
        measure=natteravn,
        user=coordinator,
        status=Status.DELAYED,
        note="Mangler frivillige; «vi» trenger flere",
        date=timezone.localdate(),
    )
    response = working_client.get(reverse("measures:measure_export_csv"), {"status": Status.DELAYED})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nr.", "Tiltak", "Ansvar", "Status", "Siste oppdatering", "Siste notat"]
    assert rows[1:] == [
        [
            "9",
            "Natteravnordning",
            "Frivilligsentralen og Gjesdal ungdomsskole",
            "Forsinket",
            timezone.localdate().strftime("%d.%m.%Y"),
            "Mangler frivillige; «vi» trenger flere",
        ]
    ]


def test_the_xlsx_export_holds_every_measure_with_status(working_client, gjesdal):
    response = working_client.get(reverse("measures:measure_export_xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="tiltak-gjesdal-2026-2027.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Nr.", "Tiltak", "Ansvar", "Status", "Siste oppdatering", "Siste notat")
    assert len(rows) == 13
    by_number = {row[0]: row for row in rows[1:]}
    for measure in gjesdal.measures.all():
        assert by_number[measure.number][1] == measure.title
        assert by_number[measure.number][3] == measure.get_status_display()


def test_exports_refuse_the_wrong_person_and_post(outsider, coordinator):
    outsider_client, coordinator_client = logged_in(outsider), logged_in(coordinator)
    for name in ("measures:measure_export_csv", "measures:measure_export_xlsx"):
        assert outsider_client.get(reverse(name)).status_code == 403
        assert coordinator_client.post(reverse(name)).status_code == 405


def test_a_long_list_is_paged_and_the_page_keeps_the_filters_and_sort(working_client, coordinator, gjesdal):
    from tests.measures.test_query_counts import add_measures

    add_measures(gjesdal, coordinator, 108)  # 120 measures: three pages of 50
    first = working_client.get(LIST, {"sort": "-number"})
    assert len(numbers(first)) == 50 and numbers(first)[0] == 207
    page = first.content.decode()
    assert "120 tiltak" in page and "viser 1–50" in page
    assert 'href="?sort=-number&amp;page=2"' in page and 'aria-current="page"' in page

    third = working_client.get(LIST, {"sort": "-number", "page": "3"})
    assert numbers(third) == [107, 106, 105, 104, 103, 102, 101, 100, *range(12, 0, -1)]


def test_a_page_number_out_of_range_or_garbage_shows_a_page_not_an_error(working_client, gjesdal):
    for page in ["999", "0", "-1", "x", "²"]:
        response = working_client.get(LIST, {"page": page})
        assert response.status_code == 200, page
        assert numbers(response)[0] in (1, 12), page


def test_the_export_holds_every_filtered_measure_not_only_a_page(coordinator_client, coordinator, gjesdal):
    from tests.measures.test_query_counts import add_measures

    add_measures(gjesdal, coordinator, 88)
    rows = list(
        csv.reader(io.StringIO(coordinator_client.get(reverse("measures:measure_export_csv")).content.decode()))
    )
    assert len(rows) == 1 + 100


def test_a_measure_matching_a_party_and_a_focus_area_is_listed_once(working_client, natteravn, gjesdal):
    bodies = list(Body.objects.all()[:2])
    areas = list(gjesdal.focus_areas.all()[:2])
    natteravn.responsible_bodies.set(bodies)
    natteravn.focus_areas.set(areas)
    response = working_client.get(
        LIST, {"responsible": f"body-{bodies[0].pk}", "focus_area": areas[0].pk, "sort": "-latest"}
    )
    assert numbers(response).count(9) == 1
    assert response.context["page"].paginator.count == len(numbers(response))


def test_the_filters_show_what_was_chosen_and_the_responsible_parties_of_the_plan(working_client, gjesdal):
    body = Body.objects.get(key="arbeidsgruppe")
    unused = Organization.objects.create(key="ubrukt", name="Ubrukt virksomhet")
    page = working_client.get(
        LIST, {"q": "natt", "status": Status.ONGOING, "responsible": f"body-{body.pk}", "needs_attention": "on"}
    ).content.decode()
    assert 'name="q" id="id_q" maxlength="200" class="form-control" value="natt"' in page
    assert f'<option value="{Status.ONGOING}" selected>' in page
    assert f'<option value="body-{body.pk}" selected>{body.name}</option>' in page
    assert 'id="id_needs_attention" class="form-check-input" checked' in page
    assert '<option value="-latest">' in page and '<option value="number">' in page
    assert unused.name not in page


def test_an_invalid_filter_is_marked_on_its_field(working_client, gjesdal):
    page = working_client.get(LIST, {"status": "tull"}).content.decode()
    assert 'class="form-select is-invalid" aria-invalid="true" aria-describedby="id_status_error"' in page
    assert '<div id="id_status_error" class="invalid-feedback">Velg et gyldig valg.' in page


def test_a_measure_opened_from_a_filtered_page_leads_back_to_that_page(working_client, gjesdal):
    listed = working_client.get(LIST, {"status": Status.PLANNED, "sort": "-number", "page": "1"})
    page = listed.content.decode()
    # Each row carries the list's filters and page to the measure page ...
    assert '/?liste=status%3Dplanlagt%26sort%3D-number%26page%3D1"' in page
    measure = working_client.get("/tiltak/9/", {"liste": "status=planlagt&sort=-number&page=1"})
    # ... whose way back is that page of the list again.
    assert 'href="/tiltak/?status=planlagt&amp;sort=-number&amp;page=1"' in measure.content.decode()
    # Only the list's own keys come along, and a measure opened otherwise leads to the whole list.
    foreign = working_client.get("/tiltak/9/", {"liste": "status=planlagt&next=https://example.com"})
    assert (
        'href="/tiltak/?status=planlagt"' in foreign.content.decode() and "example.com" not in foreign.content.decode()
    )
    assert 'href="/tiltak/">' in working_client.get("/tiltak/9/").content.decode()
