"""The meeting overview: upcoming first, then past with "mangler referat", filters, a year a page at a time,
weekly series folded to a row with its counts; the start page's meetings are links."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from meetings.overview import PAGE_SIZE
from meetings.services import meetings_create_for_year


def list_for(client, **params):
    return client.get(reverse("meetings:meeting_list"), params)


def test_upcoming_first_then_past_newest_first_with_missing_minutes_flags(working_client, meetings):
    year = timezone.localdate().year
    weekly = meetings.meeting_series.get(key="politikontakt-slt-koordinator")
    meetings_create_for_year(series=weekly, year=year)
    now = timezone.now()
    response = list_for(working_client, year=year)
    upcoming, past = response.context["upcoming"], response.context["past"]
    singles = [row for row in upcoming if not getattr(row, "folded", False)]
    assert all(meeting.ends_at >= now for meeting in singles)
    assert [m.starts_at for m in singles] == sorted(m.starts_at for m in singles)
    past_singles = [row for row in past if not getattr(row, "folded", False)]
    assert all(m.ends_at < now for m in past_singles)
    assert [m.starts_at for m in past_singles] == sorted((m.starts_at for m in past_singles), reverse=True)
    assert all(m.missing_minutes for m in past_singles if not m.is_cancelled)
    # The weekly series is one folded row in each part, not fifty, counting its meetings.
    folded = [row for row in [*upcoming, *past] if getattr(row, "folded", False)]
    assert {row.series for row in folded} == {weekly} and len(folded) <= 2
    assert sum(row.count for row in folded) == weekly.meetings.in_year(year).count()
    assert response.context["total"] == Meeting.objects.in_year(year).filter(series__plan=meetings).count()
    page = response.content.decode()
    assert "Kommende møter" in page and "Tidligere møter" in page and "mangler referat" in page
    assert f'href="?year={year}&amp;serie={weekly.pk}"' in page  # the folded row opens the series' own list


def test_written_minutes_clear_the_flag(working_client, working_meeting):
    working_meeting.starts_at = timezone.now() - datetime.timedelta(days=3)
    working_meeting.ends_at = working_meeting.starts_at + datetime.timedelta(hours=2)
    working_meeting.save()
    sak = working_meeting.agenda_items.first()
    sak.decision = "Godkjent"
    sak.save()
    response = list_for(working_client, year=timezone.localtime(working_meeting.starts_at).year)
    (row,) = [m for m in response.context["past"] if m.pk == working_meeting.pk]
    assert not row.missing_minutes and row.phase == "avholdt"


def test_filters_by_body_and_series_and_a_chosen_series_is_not_folded(working_client, meetings):
    year = timezone.localdate().year
    weekly = meetings.meeting_series.get(key="politikontakt-slt-koordinator")
    meetings_create_for_year(series=weekly, year=year)
    body = meetings.meeting_series.get(key="arbeidsgruppe").bodies.get()
    by_body = list_for(working_client, year=year, organ=body.pk).context
    rows = [*by_body["upcoming"], *by_body["past"]]
    assert rows and all(body in m.series.bodies.all() for m in rows)
    assert by_body["total"] == Meeting.objects.in_year(year).filter(series__bodies=body).count()
    response = list_for(working_client, year=year, serie=weekly.pk)
    rows = [*response.context["upcoming"], *response.context["past"]]
    assert rows and not any(getattr(row, "folded", False) for row in rows)
    assert {row.series for row in rows} == {weekly}
    # the year links keep the filter
    assert f'href="?year={year + 1}&amp;serie={weekly.pk}"' in response.content.decode()


def test_the_meetings_of_the_users_own_bodies_are_marked(working_client, meetings):
    year = timezone.localdate().year
    response = list_for(working_client, year=year)
    rows = [row for row in [*response.context["upcoming"], *response.context["past"]] if not getattr(row, "folded", 0)]
    assert {row.series.key for row in rows if row.attended} == {"arbeidsgruppe", "fellesmote"}
    assert response.content.decode().count("Du deltar") == sum(1 for row in rows if row.attended)


def test_a_filter_value_that_is_no_choice_filters_nothing(working_client, meetings):
    year = timezone.localdate().year
    everything = list_for(working_client, year=year).context["total"]
    for bad in ({"serie": "x"}, {"serie": "999999999999"}, {"organ": "-1"}, {"organ": "<script>"}, {"page": "x"}):
        response = list_for(working_client, year=year, **bad)
        assert response.status_code == 200 and response.context["total"] == everything


def test_the_past_meetings_come_a_page_at_a_time(working_client, meetings):
    series = meetings.meeting_series.get(key="arbeidsgruppe")
    start = timezone.now() - datetime.timedelta(days=300)
    Meeting.objects.bulk_create(
        Meeting(
            series=series,
            starts_at=start + datetime.timedelta(hours=n),
            ends_at=start + datetime.timedelta(hours=n, minutes=30),
        )
        for n in range(60)
    )
    year = timezone.localtime(start).year
    first = list_for(working_client, year=year, serie=series.pk)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert first.context["total"] == series.meetings.in_year(year).count() > PAGE_SIZE
    page = first.content.decode()
    assert page.count('<tr class="') + page.count("<tr>") - page.count("<thead><tr>") <= PAGE_SIZE
    assert f'href="?year={year}&amp;serie={series.pk}&amp;page=2"' in page  # the page link keeps the filters
    second = list_for(working_client, year=year, serie=series.pk, page=2)
    assert second.status_code == 200 and second.context["page"].number == 2
    assert not {m.pk for m in first.context["past"]} & {m.pk for m in second.context["past"]}


def test_a_year_of_many_meetings_shows_one_page_and_its_count(working_client, meetings):
    series = list(meetings.meeting_series.all())
    year = timezone.localdate().year
    start = timezone.make_aware(datetime.datetime(year, 1, 1, 7, 13))
    Meeting.objects.bulk_create(
        Meeting(
            series=series[n % len(series)],
            starts_at=start + datetime.timedelta(hours=13 * n),
            ends_at=start + datetime.timedelta(hours=13 * n + 1),
        )
        for n in range(600)
    )
    response = list_for(working_client, year=year)
    rows = [row for row in [*response.context["upcoming"], *response.context["past"]] if not getattr(row, "folded", 0)]
    assert len(rows) == PAGE_SIZE
    total = Meeting.objects.in_year(year).count()
    assert response.context["total"] == total >= 600
    count = re.search(r'<p [^>]*id="meeting-count">([^<]*)</p>', response.content.decode()).group(1)
    assert count.startswith(f"{total} ")  # the page says how many there are in all


def test_the_start_pages_meetings_are_links(coordinator_client, working_meeting):
    working_meeting.starts_at = timezone.now() + datetime.timedelta(days=2)
    working_meeting.ends_at = working_meeting.starts_at + datetime.timedelta(hours=2)
    working_meeting.save()
    page = coordinator_client.get(reverse("plans:dashboard")).content.decode()
    assert f'href="{reverse("meetings:meeting_detail", args=[working_meeting.pk])}"' in page
