"""Pages with minutes, the minutes PDF and the exports are not kept in any cache."""

from django.urls import reverse

from meetings.services import meetings_create_for_year


def test_meeting_pages_minutes_and_exports_say_no_store(coordinator_client, gjesdal):
    series = gjesdal.meeting_series.get(key="operativ")
    meeting = meetings_create_for_year(series=series, year=gjesdal.period_start)[0]
    for url in (
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        reverse("meetings:agenda_item_new", args=[meeting.pk]),
        reverse("meetings:action_item_new", args=[meeting.pk]),
        reverse("meetings:earlier_action_items", args=[meeting.pk]),
        reverse("meetings:minutes_pdf", args=[meeting.pk]),
        reverse("measures:measure_export_csv"),
        reverse("measures:measure_export_xlsx"),
    ):
        response = coordinator_client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
