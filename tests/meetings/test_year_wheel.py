"""The årshjul: meetings and activities together, weekly series folded, filters kept in the address."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import Activity
from meetings.models import Meeting
from meetings.services import meetings_create_for_year
from meetings.wheel import NEAREST
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
    month_list = response.content.decode().split('<h2 class="h4">Per måned</h2>')[1]
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


def test_the_measure_filter_is_a_search_field_that_takes_a_number_a_suggestion_or_title_words(
    working_client, year_2026
):
    page = working_client.get(WHEEL, {"year": 2026}).content.decode()
    field = re.search(r'<input type="text" name="tiltak"[^>]*>', page).group(0)
    assert f'hx-get="{reverse("measures:measure_search")}?plan=' in field
    assert "Livsmestring ungdomstrinn</option>" not in page  # no list of every measure
    by_number = working_client.get(WHEEL, {"year": 2026, "tiltak": "1"}).context["rings"]
    for typed in ("1. Livsmestring ungdomstrinn", "Livsmestring ungdomstrinn"):
        response = working_client.get(WHEEL, {"year": 2026, "tiltak": typed})
        assert response.context["rings"] == by_number
        assert f'value="{typed}"' in response.content.decode()  # shown as typed


def test_a_measure_the_plan_does_not_have_is_no_filter_and_says_so(working_client, year_2026):
    response = working_client.get(WHEEL, {"year": 2026, "tiltak": "99"})
    assert "Planen har ikke tiltak 99." in response.content.decode()
    assert not response.context["filtered"]


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
    for bad in ({"tiltak": "xyzzy"}, {"tiltak": "99"}, {"organ": "999999999999"}, {"malgruppe": "<script>"}):
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


def test_a_year_of_many_meetings_is_drawn_as_a_mark_per_series_and_month_with_the_next_few_listed(
    working_client, year_2026
):
    monthly = year_2026.meeting_series.get(key="operativ")
    start = timezone.make_aware(datetime.datetime(2026, 1, 5, 7, 13))  # no rhythm meeting starts then
    hours = (datetime.timedelta(hours=13 * n) for n in range(600))
    Meeting.objects.bulk_create(
        Meeting(series=monthly, starts_at=start + hour, ends_at=start + hour + datetime.timedelta(hours=1))
        for hour in hours
    )
    held = monthly.meetings.in_year(2026)
    response = working_client.get(WHEEL, {"year": 2026})
    ring = {ring.name: ring for ring in response.context["rings"]}[monthly.name]
    assert len(ring.marks) <= 12 < held.count()
    assert sum(mark.count for mark in ring.marks) == held.count()  # the marks count every meeting
    january = ring.marks[0]
    assert january.count == held.filter(starts_at__month=1).count() > 1
    assert january.label.startswith(f"{monthly.name}: {january.count} ") and january.label.endswith(" januar")
    assert january.url == f"{reverse('meetings:meeting_list')}?year=2026&serie={monthly.pk}"
    assert _marks(response.context["svg"], monthly.name) == len(ring.marks)
    page = response.content.decode()
    assert len(response.context["nearest"]) <= NEAREST
    assert f'{reverse("meetings:meeting_list")}?year=2026"' in page  # the rest in the meeting list
    assert page.count("<path ") < 300


def test_the_next_meetings_and_activities_are_listed_beside_the_wheel(working_client, year_2026):
    soon = timezone.now().replace(minute=13, second=0, microsecond=0) + datetime.timedelta(days=2)
    year = timezone.localtime(soon).year
    for series in year_2026.meeting_series.all():
        meetings_create_for_year(series=series, year=year)  # this year's, when this year is not 2026
    Meeting.objects.create(
        series=year_2026.meeting_series.get(key="operativ"), starts_at=soon, ends_at=soon + datetime.timedelta(hours=1)
    )
    soonest = Meeting.objects.filter(series__plan=year_2026).in_year(year).upcoming()[:NEAREST]
    nearest = working_client.get(WHEEL, {"year": year}).context["nearest"]
    assert [day for day, _label, _url in nearest] == sorted(day for day, _label, _url in nearest)
    meeting_urls = [url for _day, _label, url in nearest if url.startswith("/moter/")]
    assert meeting_urls == [reverse("meetings:meeting_detail", args=[m.pk]) for m in soonest][: len(meeting_urls)]
    assert 0 < len(nearest) <= NEAREST
