"""The coordinator loads the example indicator file and sees the charts; the year wheel prints on one page."""

import io
import re

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from measures.models import Activity, IndicatorValue
from meetings.services import meetings_create_for_year
from tests.browser.axe import assert_no_violations
from tests.conftest import PASSWORD

from .conftest import log_in

EXAMPLE = "measures/files/eksempel-indikatorer.csv"


def test_the_coordinator_uploads_the_example_csv_and_sees_charts_on_measure_1_and_the_public_page(
    page, live_server, coordinator, gjesdal, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "koordinator", PASSWORD)
    page.goto(f"{live_server.url}/tiltak/indikatorer/last-opp/")
    assert_no_violations(page)
    # A bad file first: its rows are named and nothing is saved.
    page.set_input_files("input[type=file]", files=[{"name": "feil.csv", "mimeType": "text/csv",
                         "buffer": "indikator;enhet;år;verdi\nTrives;prosent;tjue;12\n".encode()}])  # fmt: skip
    page.get_by_role("button", name="Upload").or_(page.get_by_role("button", name="Last opp")).click()
    expect(page.locator(".invalid-feedback, .errorlist").first).to_contain_text("2")
    assert_no_violations(page)
    screenshot("indicator-upload-errors-1280")
    assert not IndicatorValue.objects.exists()

    page.set_input_files("input[type=file]", EXAMPLE)
    page.get_by_role("button", name="Upload").or_(page.get_by_role("button", name="Last opp")).click()
    expect(page.get_by_role("status")).to_contain_text("9")
    assert IndicatorValue.objects.count() == 9
    assert_no_violations(page)
    screenshot("indicator-list-1280")

    page.goto(f"{live_server.url}/tiltak/1/")
    charts = page.locator("svg.indicator-chart")
    expect(charts).to_have_count(2)
    expect(page.get_by_role("img", name=re.compile("Eksempeldata: trives på skolen"))).to_be_visible()
    expect(page.locator("table.indicator-table").first).to_contain_text("88,2 %")
    assert_no_violations(page)
    screenshot("measure-1-indicators-1280")

    page.goto(f"{live_server.url}/tiltak/indikatorer/{gjesdal.indicators.first().pk}/verdi/")
    assert_no_violations(page)
    page.goto(f"{live_server.url}/tiltak/indikatorer/{gjesdal.indicators.first().pk}/endre/")
    assert_no_violations(page)
    page.goto(f"{live_server.url}/tiltak/indikatorer/ny/")
    assert_no_violations(page)
    page.goto(f"{live_server.url}/")
    expect(page.locator("svg.indicator-chart")).to_have_count(4)
    assert_no_violations(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/plan/{gjesdal.period}/")
    public = page.locator(".public-indicators")
    expect(public.locator("svg.indicator-chart")).to_have_count(4)
    # the worries counted 3 in the first half of 2025, "under 5" publicly; 7 in the second half is shown
    worries = public.locator("figure", has_text="bekymringsmeldinger")
    expect(worries.locator("table")).to_contain_text("under 5")
    expect(worries.locator("table")).not_to_contain_text("3")
    expect(worries.locator("table tbody tr").nth(1)).to_contain_text("7")
    assert_no_violations(page)
    screenshot("public-plan-indicators-1280")


def test_the_year_wheel_with_activities_prints_on_one_landscape_page(
    page, live_server, coordinator, gjesdal, screenshot
):
    year = timezone.localdate().year
    for series in gjesdal.meeting_series.all():
        meetings_create_for_year(series=series, year=year)
    livsmestring, parents = gjesdal.measures.get(number=1), gjesdal.measures.get(number=2)
    for measure, title, month, grade in (
        (livsmestring, "Sosiale medier", 10, "8. trinn"),
        (livsmestring, "Psykisk helse", 1, "9. trinn"),
        (livsmestring, "Rus og vold", 3, "10. trinn"),
        (livsmestring, "Digital dømmekraft", 11, "8. trinn"),
        (parents, "Foreldremøte om nettvett", 9, "foreldre"),
        (parents, "Foreldremøte om rus", 2, "foreldre"),
    ):
        Activity.objects.create(measure=measure, title=title, year=year, month=month, target_group=grade,
                                sort_date=f"{year}-{month:02}-01")  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "koordinator", PASSWORD)
    page.goto(f"{live_server.url}/moter/arshjul/?year={year}")
    expect(page.get_by_role("img", name=re.compile(str(year)))).to_be_visible()
    assert_no_violations(page)
    screenshot("year-wheel-1280")
    page.locator("#id_malgruppe").select_option("9. trinn")
    page.get_by_role("button", name="Vis", exact=True).click()
    expect(page).to_have_url(re.compile(r"malgruppe=9\.\+trinn"))
    expect(page.locator(".wheel-legend li")).to_have_count(2)
    assert_no_violations(page)
    screenshot("year-wheel-filtered-1280")

    page.goto(f"{live_server.url}/tiltak/1/")
    wheel = page.get_by_role("region", name=re.compile(f"{year}$"))
    expect(wheel.get_by_role("img")).to_be_visible()
    assert_no_violations(page)
    screenshot("measure-1-wheel-1280")

    page.goto(f"{live_server.url}/moter/arshjul/?year={year}")
    page.emulate_media(media="print")
    screenshot("year-wheel-print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = reader.pages[0].extract_text()
    assert "Rus og vold" in text and "Politikontakt og SLT-koordinator" in text
    with open("test-artifacts/year-wheel-print.pdf", "wb") as file:
        file.write(pdf)
