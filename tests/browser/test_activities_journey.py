"""The coordinator adds Livsmestring's teaching for 8.–10. trinn to measure 1, in a real browser."""

from playwright.sync_api import expect

from measures.models import Activity
from tests.browser.axe import assert_no_violations
from tests.conftest import PASSWORD

from .conftest import log_in


def test_the_coordinator_adds_the_livsmestring_activities_for_grades_8_to_10(
    page, live_server, coordinator, gjesdal, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "koordinator", PASSWORD)
    page.goto(f"{live_server.url}/tiltak/1/")
    page.get_by_role("link", name="Legg til en aktivitet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny aktivitet")
    assert_no_violations(page)
    for grade, month, theme in (("8. trinn", "oktober", "Sosiale medier"), ("9. trinn", "januar", "Psykisk helse"),
                                ("10. trinn", "mars", "Rus og vold")):  # fmt: skip
        page.locator("#id_title").fill(theme)
        page.locator("#id_year").fill("2026")
        page.locator("#id_month").select_option(label=month)
        page.get_by_label("Målgruppe").fill(grade)
        page.get_by_role("button", name="Lagre og legg til en til").click()
        expect(page.get_by_role("status")).to_contain_text("Aktiviteten er lagt til.")
    screenshot("activity-form-1280")
    page.get_by_role("link", name="Avbryt").click()

    activities = page.get_by_role("region", name="Aktiviteter")
    expect(activities.get_by_role("row")).to_have_count(4)
    expect(activities.get_by_role("row").nth(1)).to_contain_text("januar 2026")
    expect(activities.get_by_role("row").nth(1)).to_contain_text("9. trinn")
    page.get_by_role("button", name="Planlagt – Psykisk helse: merk som utført").click()
    expect(page.get_by_role("status")).to_contain_text("Merket som utført.")
    assert_no_violations(page)
    screenshot("measure-1-activities-1280")
    assert list(Activity.objects.values_list("target_group", "status").order_by("sort_date")) == [
        ("9. trinn", "utfort"),
        ("10. trinn", "planlagt"),
        ("8. trinn", "planlagt"),
    ]
