"""A measure's activities: the responsible party adds them and ticks them done."""

import datetime

from django.urls import reverse

from measures.models import Activity, ActivityStatus
from tests.meetings.national_ids import valid_number


def _add_url(number=1):
    return reverse("measures:activity_add", args=[number])


def _activity(gjesdal, number=1, **fields):
    values = {"title": "Undervisning om sosiale medier", "year": 2026, "month": 3, "target_group": "8. trinn"}
    values.update(fields)
    values["sort_date"] = Activity.first_day(values.get("date"), values.get("year"), values.get("month"))
    return Activity.objects.create(measure=gjesdal.measures.get(number=number), **values)


def test_the_working_group_adds_a_monthly_activity_for_a_grade_to_its_measure(working_client, gjesdal):
    response = working_client.post(
        _add_url(),
        {
            "title": "Psykisk helse",
            "year": "2026",
            "month": "9",
            "target_group": "9. trinn",
            "responsible_text": "Rektor",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.measure.number, activity.sort_date, activity.target_group) == (
        1,
        datetime.date(2026, 9, 1),
        "9. trinn",
    )
    assert activity.when_display == "september 2026"
    page = working_client.get(reverse("measures:measure_detail", args=[1])).content.decode()
    assert "Psykisk helse" in page and "9. trinn" in page and "september 2026" in page


def test_a_dated_activity_shows_its_date(coordinator_client, gjesdal):
    response = coordinator_client.post(
        _add_url(9), {"title": "Natteravn-helg", "date": "2026-05-16", "target_group": "ungdom"}
    )
    assert response.status_code == 302
    assert Activity.objects.get().when_display == "16.05.2026"


def test_save_and_add_another_comes_back_to_the_form(coordinator_client, gjesdal):
    response = coordinator_client.post(_add_url(), {"title": "Rus", "year": "2026", "month": "2", "another": "1"})
    assert response["Location"] == _add_url()


def test_an_activity_needs_a_date_or_a_month_and_not_both(working_client, gjesdal):
    neither = working_client.post(_add_url(), {"title": "Uten tid"})
    assert neither.status_code == 200
    assert "Oppgi enten en dato, eller et år og en måned." in neither.content.decode()
    both = working_client.post(_add_url(), {"title": "Begge", "date": "2026-03-01", "year": "2026", "month": "3"})
    assert "ikke begge" in both.content.decode()
    bad_year = working_client.post(_add_url(), {"title": "Feil år", "year": "99999", "month": "3"})
    assert bad_year.status_code == 200
    assert not Activity.objects.exists()


def test_an_activity_refuses_a_national_identity_number(working_client, gjesdal):
    response = working_client.post(_add_url(), {"title": f"Samtale med {valid_number()}", "year": "2026", "month": "3"})
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_other_groups_may_not_add_activities_to_the_working_groups_measure(steering_client, operative_client, gjesdal):
    data = {"title": "Psykisk helse", "year": "2026", "month": "9"}
    assert steering_client.post(_add_url(), data).status_code == 403
    assert operative_client.get(_add_url()).status_code == 403
    assert not Activity.objects.exists()


def test_the_responsible_party_ticks_an_activity_done_and_back(working_client, gjesdal):
    activity = _activity(gjesdal)
    url = reverse("measures:activity_toggle", args=[1, activity.pk])
    assert working_client.post(url).status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE
    working_client.post(url)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_ticking_needs_post_and_the_responsible_party(working_client, steering_client, gjesdal):
    activity = _activity(gjesdal)
    url = reverse("measures:activity_toggle", args=[1, activity.pk])
    assert working_client.get(url).status_code == 405
    assert steering_client.post(url).status_code == 403
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_an_activity_of_another_measure_is_not_found_under_this_one(working_client, gjesdal):
    activity = _activity(gjesdal, number=2)
    assert working_client.post(reverse("measures:activity_toggle", args=[1, activity.pk])).status_code == 404
