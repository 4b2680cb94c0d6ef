"""The plan PDF is public: its indicators hide small numbers, and measures with activities get their årshjul."""

from decimal import Decimal

from measures.models import Activity, Indicator, IndicatorValue, Unit
from plans.documents import render_plan_pdf
from tests.pdfs import assert_in_pdf, pdf_text, squash


def test_the_plan_pdf_prints_counts_under_5_as_under_5_and_the_rest_as_numbers(gjesdal):
    worries = Indicator.objects.create(plan=gjesdal, name="Bekymringsmeldinger om rus", unit=Unit.COUNT)
    IndicatorValue.objects.create(indicator=worries, year=2024, value=Decimal("3"))
    IndicatorValue.objects.create(indicator=worries, year=2025, value=Decimal("12"))
    share = Indicator.objects.create(plan=gjesdal, name="Andel som trives", unit=Unit.PERCENT)
    IndicatorValue.objects.create(indicator=share, year=2025, value=Decimal("47.5"), sample_size=4)
    IndicatorValue.objects.create(indicator=share, year=2026, value=Decimal("61.5"), sample_size=220)

    text = squash(pdf_text(render_plan_pdf(gjesdal)))

    assert_in_pdf("Bekymringsmeldinger om rus", text)
    assert "2024under5" in text  # the table row of 2024: the count of 3 is hidden
    assert "202512" in text
    assert "2025under5under5" in text  # 47,5 % from 4 people: value and sample size hidden
    assert "47,5" not in text
    assert "202661,5%220" in text


def test_the_plan_pdf_draws_the_year_wheel_of_a_measure_with_activities(gjesdal):
    measure = gjesdal.measures.get(number=1)
    for month, title, grade in ((10, "Sosiale medier", "8. trinn"), (1, "Psykisk helse", "9. trinn")):
        Activity.objects.create(
            measure=measure, title=title, year=2026, month=month, target_group=grade, sort_date=f"2026-{month:02}-01"
        )
    text = pdf_text(render_plan_pdf(gjesdal))
    assert_in_pdf("januar 2026 Psykisk helse 9. trinn", text)
    assert_in_pdf("oktober 2026 Sosiale medier 8. trinn", text)
    assert_in_pdf("2026: 1, Livsmestring ungdomstrinn", text.replace("tiltak", "").replace("measure", ""))


def test_a_new_indicator_value_or_activity_gives_the_plan_a_new_pdf(gjesdal):
    from plans.documents import plan_pdf_key

    before = plan_pdf_key(gjesdal)
    indicator = Indicator.objects.create(plan=gjesdal, name="Trives", unit=Unit.PERCENT)
    after_indicator = plan_pdf_key(gjesdal)
    IndicatorValue.objects.create(indicator=indicator, year=2026, value=Decimal("70"))
    after_value = plan_pdf_key(gjesdal)
    Activity.objects.create(
        measure=gjesdal.measures.get(number=1), title="Rus", year=2026, month=3, sort_date="2026-03-01"
    )
    after_activity = plan_pdf_key(gjesdal)
    assert len({before, after_indicator, after_value, after_activity}) == 4
