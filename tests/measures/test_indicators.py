"""Indicators: the coordinator enters values by form or uploads a CSV file; the pages draw charts."""

import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures.charts import indicator_chart
from measures.models import Indicator, IndicatorValue, Unit
from measures.views import EXAMPLE_CSV

UPLOAD = reverse("measures:indicator_upload")
HEADER = "indikator;enhet;kilde;retning;tiltak;år;halvår;verdi;utvalg\n"


def _upload(client, text, name="tall.csv", encoding="utf-8"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")})


def _errors(response):
    return [str(error) for error in response.context["form"].errors["file"]]


def _indicator(gjesdal, name="Trives på skolen", unit=Unit.PERCENT, **fields):
    return Indicator.objects.create(plan=gjesdal, name=name, unit=unit, **fields)


def test_the_coordinator_uploads_the_example_file_and_gets_its_indicators_linked_to_measures(
    coordinator_client, gjesdal
):
    response = coordinator_client.post(UPLOAD, {"file": SimpleUploadedFile("e.csv", EXAMPLE_CSV.read_bytes())})
    assert response.status_code == 302
    assert IndicatorValue.objects.count() == 9
    thriving = Indicator.objects.get(name__startswith="Eksempeldata: trives")
    assert list(thriving.values.values_list("year", "value", "sample_size")) == [
        (2021, Decimal("84.50"), 412),
        (2023, Decimal("86.00"), 398),
        (2025, Decimal("88.20"), 405),
    ]
    assert list(thriving.measures.values_list("number", flat=True)) == [1]
    drunk = Indicator.objects.get(name__contains="beruset")
    assert (drunk.good_direction, sorted(drunk.measures.values_list("number", flat=True))) == ("ned", [1, 2])
    worries = Indicator.objects.get(name__contains="bekymringsmeldinger")
    assert (worries.unit, worries.source) == ("antall", "kommunen")
    assert list(worries.values.values_list("year", "half", "value")) == [(2025, 1, 3), (2025, 2, 7)]


def test_the_example_file_says_it_holds_example_data_only():
    text = EXAMPLE_CSV.read_text(encoding="utf-8")
    assert text.startswith("# EKSEMPELDATA")
    assert "IKKE fra Gjesdal" in text
    rows = [line for line in text.splitlines()[3:] if line]
    assert rows and all(row.startswith("Eksempeldata:") for row in rows)


def test_a_comma_separated_file_with_quoted_decimal_commas_is_read(coordinator_client, gjesdal):
    text = 'indikator,enhet,år,halvår,verdi,utvalg\nTrives,prosent,2024,1,"12,5",300\nTrives,prosent,2024,2,13.25,\n'
    assert _upload(coordinator_client, text).status_code == 302
    assert list(IndicatorValue.objects.values_list("half", "value", "sample_size")) == [
        (1, Decimal("12.50"), 300),
        (2, Decimal("13.25"), None),
    ]


def test_a_file_saved_by_excel_in_windows_1252_is_read(coordinator_client, gjesdal):
    text = HEADER + "Anmeldte forhold, unge;antall;politiet;ned;9;2025;;17;\n"
    assert _upload(coordinator_client, text, encoding="cp1252").status_code == 302
    assert Indicator.objects.get().source == "politiet"


def test_bad_rows_are_named_by_line_and_nothing_is_written(coordinator_client, gjesdal):
    existing = _indicator(gjesdal, name="Trives")
    IndicatorValue.objects.create(indicator=existing, year=2023, value=Decimal("80"))
    text = (
        "# a comment on line 1\n"
        + HEADER
        + "Trives;prosent;Ungdata;opp;1;2024;;81,5;300\n"  # line 3: good
        + "Trives;prosent;Ungdata;opp;1;tjue;;81,5;300\n"  # line 4: year
        + "Ny indikator;;Ungdata;opp;;2024;;5;\n"  # line 5: a new indicator needs a unit
        + "Trives;prosent;Ungdata;opp;42;2025;;x;\n"  # line 6: no measure 42, value not a number
        + "Trives;prosent;Ungdata;opp;1;2024;;82;300\n"  # line 7: the same period as line 3
    )
    response = _upload(coordinator_client, text)
    assert response.status_code == 200
    errors = _errors(response)
    assert [re.match(r"\D*(\d+)", error).group(1) for error in errors] == ["4", "5", "6", "6", "7"]
    assert "tjue" in errors[0] and "«x»" in errors[2] and "42" in errors[3]
    assert list(IndicatorValue.objects.values_list("year", "value")) == [(2023, Decimal("80.00"))]
    assert Indicator.objects.count() == 1
    assert existing.measures.count() == 0


def test_a_file_without_the_required_columns_is_refused(coordinator_client, gjesdal):
    response = _upload(coordinator_client, "navn;verdi\nTrives;12\n")
    assert response.status_code == 200
    assert "indikator, år" in _errors(response)[0]
    assert not Indicator.objects.exists()


def test_an_empty_file_and_a_header_alone_are_refused(coordinator_client, gjesdal):
    for text in ("", "# only a comment\n", HEADER):
        response = _upload(coordinator_client, text) if text else coordinator_client.post(UPLOAD, {})
        assert response.status_code == 200
    assert not IndicatorValue.objects.exists()


def test_a_value_with_another_unit_than_its_indicator_is_refused(coordinator_client, gjesdal):
    _indicator(gjesdal, name="Trives", unit=Unit.PERCENT)
    response = _upload(coordinator_client, HEADER + "trives;antall;;;;2024;;12;\n")
    assert "Line 2" in _errors(response)[0] or "Linje 2" in _errors(response)[0]
    assert not IndicatorValue.objects.exists()


def test_uploading_again_replaces_the_values_of_the_same_periods(coordinator_client, gjesdal):
    _upload(coordinator_client, HEADER + "Trives;prosent;;;;2024;;12;\n")
    _upload(coordinator_client, HEADER + "Trives;prosent;;;;2024;;14,5;\n")
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [Decimal("14.50")]


def test_the_upload_page_shows_the_format(coordinator_client, gjesdal):
    response = coordinator_client.get(UPLOAD)
    assert response.status_code == 200
    for column in ("indikator", "enhet", "kilde", "retning", "tiltak", "år", "halvår", "verdi", "utvalg"):
        assert f"<code>{column}</code>" in response.content.decode()
    assert reverse("measures:indicator_example").encode() in response.content


def test_the_example_file_is_downloaded_by_the_coordinator(coordinator_client, working_client, gjesdal):
    response = coordinator_client.get(reverse("measures:indicator_example"))
    assert response.status_code == 200
    assert response.content == EXAMPLE_CSV.read_bytes()
    assert working_client.get(reverse("measures:indicator_example")).status_code == 403


def test_only_the_coordinator_uploads_values(working_client, steering_client, client, gjesdal):
    text = HEADER + "Trives;prosent;;;;2024;;12;\n"
    assert _upload(working_client, text).status_code == 403
    assert _upload(steering_client, text).status_code == 403
    assert _upload(client, text).status_code == 302  # to the login page
    assert working_client.get(UPLOAD).status_code == 403
    assert not IndicatorValue.objects.exists()


def test_the_coordinator_adds_a_value_by_form_with_a_decimal_comma(coordinator_client, gjesdal):
    indicator = _indicator(gjesdal)
    url = reverse("measures:indicator_value_add", args=[indicator.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(url, {"year": "2025", "half": "2", "value": "41,7", "sample_size": "212"})
    assert response.status_code == 302
    assert list(indicator.values.values_list("year", "half", "value", "sample_size")) == [
        (2025, 2, Decimal("41.70"), 212)
    ]
    coordinator_client.post(url, {"year": "2025", "half": "2", "value": "43", "sample_size": ""})
    assert list(indicator.values.values_list("value", "sample_size")) == [(Decimal("43.00"), None)]


def test_a_value_that_is_not_a_number_is_a_form_error(coordinator_client, gjesdal):
    indicator = _indicator(gjesdal)
    url = reverse("measures:indicator_value_add", args=[indicator.pk])
    response = coordinator_client.post(url, {"year": "2025", "half": "0", "value": "mye"})
    assert response.status_code == 200
    assert response.context["form"].errors["value"]
    response = coordinator_client.post(url, {"year": "1890", "half": "0", "value": "3"})
    assert response.context["form"].errors["year"]
    assert not IndicatorValue.objects.exists()


def test_only_the_coordinator_adds_values_and_indicators(working_client, gjesdal):
    indicator = _indicator(gjesdal)
    url = reverse("measures:indicator_value_add", args=[indicator.pk])
    assert working_client.post(url, {"year": "2025", "half": "0", "value": "3"}).status_code == 403
    assert working_client.post(reverse("measures:indicator_add"), {"name": "X"}).status_code == 403
    assert not IndicatorValue.objects.exists()
    assert Indicator.objects.count() == 1


def test_the_coordinator_creates_an_indicator_linked_to_a_goal_and_a_measure(coordinator_client, gjesdal):
    goal = gjesdal.goals.first()
    measure = gjesdal.measures.get(number=1)
    response = coordinator_client.post(
        reverse("measures:indicator_add"),
        {
            "name": "Trives på skolen",
            "unit": "prosent",
            "source": "ungdata",
            "good_direction": "opp",
            "target": "90,5",
            "goals": [goal.pk],
            "measures": [measure.pk],
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.target == Decimal("90.5")
    assert list(indicator.goals.all()) == [goal] and list(indicator.measures.all()) == [measure]
    assert indicator.history.count() >= 1
    again = coordinator_client.post(
        reverse("measures:indicator_add"),
        {"name": "trives på skolen", "unit": "prosent", "source": "ungdata", "good_direction": "opp"},
    )
    assert again.status_code == 200 and again.context["form"].errors["name"]


def test_the_value_forms_refuse_get_only_where_they_should(coordinator_client, gjesdal):
    # The form pages are GET and POST; the list is GET only.
    assert coordinator_client.post(reverse("measures:indicator_list")).status_code == 405
    assert coordinator_client.put(UPLOAD).status_code == 405


def test_a_line_chart_for_a_series_and_a_bar_for_one_period(gjesdal):
    indicator = _indicator(gjesdal, target=Decimal("90"))
    one = [IndicatorValue.objects.create(indicator=indicator, year=2021, value=Decimal("84.5"))]
    assert indicator_chart(indicator, one, public=True)["kind"] == "bar"
    IndicatorValue.objects.create(indicator=indicator, year=2023, value=Decimal("86"))
    chart = indicator_chart(indicator, indicator.values.all(), public=True)
    assert chart["kind"] == "line"
    assert [row["shown"] for row in chart["rows"]] == ["84,5 %", "86 %"]
    assert len(chart["lines"]) == 1
    assert float(chart["target"]["y"]) < float(chart["rows"][1]["y"])  # the target, 90, is drawn above 86


def test_the_measure_page_draws_its_indicators_as_svg_with_a_table(coordinator_client, gjesdal):
    indicator = _indicator(gjesdal)
    indicator.measures.add(gjesdal.measures.get(number=1))
    for year, value in ((2021, "84.5"), (2023, "86"), (2025, "88.2")):
        IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal(value))
    page = coordinator_client.get(reverse("measures:measure_detail", args=[1])).content.decode()
    svg = re.search(r'<svg class="indicator-chart".*?</svg>', page, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<polyline" in svg
    assert not re.search(r'\s(?:c?x|c?y|x1|y1|x2|y2|width|height)="[^"]*,', svg)  # no decimal comma in coordinates
    table = re.search(r'<table class="table table-sm indicator-table">.*?</table>', page, re.S).group(0)
    assert '<th scope="col">' in table and '<th scope="row"' in table
    assert ">2025</th>" in table and "88,2 %" in table
    other = coordinator_client.get(reverse("measures:measure_detail", args=[2])).content.decode()
    assert "indicator-chart" not in other


def test_the_staff_dashboard_shows_small_counts_but_the_public_page_says_under_5(coordinator_client, client, gjesdal):
    indicator = _indicator(gjesdal, name="Bekymringsmeldinger", unit=Unit.COUNT)
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=Decimal("3"))
    IndicatorValue.objects.create(indicator=indicator, year=2025, value=Decimal("12"))
    share = _indicator(gjesdal, name="Andel med utvalg", unit=Unit.PERCENT)
    IndicatorValue.objects.create(indicator=share, year=2025, value=Decimal("50"), sample_size=4)
    dashboard = coordinator_client.get(reverse("plans:dashboard")).content.decode()
    assert '<td class="text-end text-nowrap">3</td>' in dashboard and "50 %" in dashboard
    public = client.get(reverse("plans:public_plan", args=[gjesdal.period])).content.decode()
    assert public.count("under 5") >= 3  # two values, one sample size (each in table and chart)
    assert '<td class="text-end text-nowrap">3</td>' not in public and "50 %" not in public
    assert '<td class="text-end text-nowrap">12</td>' in public


def test_the_groups_read_the_indicators_but_only_the_coordinator_gets_the_edit_links(
    working_client, steering_client, outsider_client, coordinator_client, gjesdal
):
    indicator = _indicator(gjesdal)
    edit = reverse("measures:indicator_value_add", args=[indicator.pk])
    for client in (working_client, steering_client):
        response = client.get(reverse("measures:indicator_list"))
        assert response.status_code == 200 and indicator.name in response.content.decode()
        assert edit not in response.content.decode()
    assert edit in coordinator_client.get(reverse("measures:indicator_list")).content.decode()
    assert outsider_client.get(reverse("measures:indicator_list")).status_code == 403
