"""The årshjul: meetings and activities together, weekly series folded, filters kept in the address."""

import re

import pytest
from django.urls import reverse

from measures.models import Activity
from meetings.services import meetings_create_for_year
from participants.models import Body

WHEEL = reverse("meetings:year_view")


@pytest.fixture
def year_2026(gjesdal):
    for series in gjesdal.meeting_series.all():
        meetings_create_for_year(series=series, year=2026)
    livsmestring, parents = gjesdal.measures.get(number=1), gjesdal.measures.get(number=2)
    for measure, title, month, grade in (
        (livsmestring, "Sosiale medier", 10, "8. trinn"),
        (livsmestring, "Psykisk helse", 1, "9. trinn"),
        (livsmestring, "Rus og vold", 3, "10. trinn"),
        (parents, "Foreldremøte om nettvett", 9, "foreldre"),
    ):
        Activity.objects.create(
            measure=measure, title=title, year=2026, month=month, target_group=grade, sort_date=f"2026-{month:02}-01"
        )
    return gjesdal


def _marks(svg, name):
    """How many marks on the wheel carry this name in their tooltip."""
    return len(re.findall(rf"<path d=\"[^\"]+\"[^>]*><title>{re.escape(name)}", str(svg)))


def test_a_weekly_series_is_one_folded_ring_with_one_mark_not_52(working_client, year_2026):
    weekly = year_2026.meeting_series.get(key="politikontakt-slt-koordinator")
    assert weekly.meetings.filter(starts_at__year=2026).count() > 40
    response = working_client.get(WHEEL, {"year": 2026})
    rings = {ring.name: ring for ring in response.context["rings"]}
    assert rings[weekly.name].folded and len(rings[weekly.name].marks) == 1
    assert _marks(response.context["svg"], weekly.name) == 1
    monthly = year_2026.meeting_series.get(key="operativ")
    assert not rings[monthly.name].folded
    assert _marks(response.context["svg"], monthly.name) == monthly.meetings.filter(starts_at__year=2026).count()
    # the list by month names the weekly series once, not in every month
    month_list = response.content.decode().split('class="col-lg-5 year-list-column"')[1]
    assert month_list.count(weekly.name) == 1


def test_activities_and_meetings_share_the_wheel_and_the_list(working_client, year_2026):
    response = working_client.get(WHEEL, {"year": 2026})
    names = [ring.name for ring in response.context["rings"]]
    assert "1. Livsmestring ungdomstrinn" in names and "2. Felles tema på foreldremøter" in names
    assert "SLT-arbeidsgruppe" in names
    assert _marks(response.context["svg"], "Psykisk helse (januar 2026)") == 1
    january = response.context["months"][0][1]
    assert "Psykisk helse (januar 2026) – 9. trinn" in [mark.label for mark, _ring in january]


def test_filtering_by_measure_shows_that_measures_activities_only(working_client, year_2026):
    response = working_client.get(WHEEL, {"year": 2026, "tiltak": 1})
    assert [ring.name for ring in response.context["rings"]] == ["1. Livsmestring ungdomstrinn"]
    assert len(response.context["rings"][0].marks) == 3
    # the year links keep the filter
    assert 'href="?year=2027&amp;tiltak=1"' in response.content.decode()


def test_filtering_by_body_keeps_its_meetings_and_the_activities_of_its_measures(working_client, year_2026):
    body = Body.objects.get(key="arbeidsgruppe")
    response = working_client.get(WHEEL, {"year": 2026, "organ": body.pk})
    names = [ring.name for ring in response.context["rings"]]
    assert "SLT-arbeidsgruppe" in names
    assert "SLT-styringsgruppe og Politiråd" not in names
    assert {"1. Livsmestring ungdomstrinn", "2. Felles tema på foreldremøter"} <= set(names)


def test_filtering_by_target_group_shows_the_activities_for_that_group(working_client, year_2026):
    response = working_client.get(WHEEL, {"year": 2026, "malgruppe": "9. trinn"})
    rings = response.context["rings"]
    assert [(ring.name, [mark.label for mark in ring.marks]) for ring in rings] == [
        ("1. Livsmestring ungdomstrinn", ["Psykisk helse (januar 2026) – 9. trinn"])
    ]


def test_a_filter_value_that_is_no_choice_filters_nothing(working_client, year_2026):
    everything = working_client.get(WHEEL, {"year": 2026})
    for bad in ({"tiltak": "x"}, {"tiltak": "99"}, {"organ": "999999999999"}, {"malgruppe": "<script>"}):
        response = working_client.get(WHEEL, {"year": 2026, **bad})
        assert response.status_code == 200
        assert len(response.context["rings"]) == len(everything.context["rings"])


def test_the_measure_page_has_the_measures_own_wheel_when_it_has_activities(working_client, year_2026):
    page = working_client.get(reverse("measures:measure_detail", args=[1])).content.decode()
    wheel = re.search(r'<section aria-labelledby="wheel-heading".*?</section>', page, re.S).group(0)
    assert 'role="img"' in wheel and "Sosiale medier (oktober 2026)" in wheel
    assert "Foreldremøte" not in wheel
    assert f"{WHEEL}?year=2026&amp;tiltak=1" in wheel
    assert (
        'aria-labelledby="wheel-heading"'
        not in working_client.get(reverse("measures:measure_detail", args=[5])).content.decode()
    )
