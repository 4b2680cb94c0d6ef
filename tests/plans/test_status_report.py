import datetime
import io

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from measures.charts import status_chart
from measures.models import Measure, Status, StatusUpdate
from plans.documents import render_status_report_pdf
from tests.pdfs import assert_in_pdf, pdf_text, squash

REPORT = reverse("plans:status_report")


def _update(measure, days_ago, status, note, user=None):
    return StatusUpdate.objects.create(
        measure=measure,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        status=status,
        note=note,
        author=user,
    )


def test_status_report_lists_every_measure_with_responsible_status_and_latest_note(gjesdal):
    measure = Measure.objects.get(plan=gjesdal, number=9)
    _update(measure, 40, Status.PLANNED, "Avtale med Frivilligsentralen er på plass.")
    latest = _update(measure, 5, Status.IN_PROGRESS, "Første helg gjennomført med 12 natteravner.")
    measure.status = Status.IN_PROGRESS
    measure.save()
    now = timezone.make_aware(datetime.datetime(2026, 11, 26, 14, 5), datetime.UTC)

    text = pdf_text(
        render_status_report_pdf(gjesdal, since=timezone.localdate() - datetime.timedelta(days=30), now=now)
    )

    for each in gjesdal.measures.all():
        assert_in_pdf(each.title, text)
        assert_in_pdf(each.responsible_text, text)
    assert_in_pdf(f"{latest.date:%d.%m.%Y} Første helg gjennomført med 12 natteravner.", text)
    assert_in_pdf("Laget 26.11.2026 15:05", text)  # Europe/Oslo
    assert_in_pdf("Pågår", text)


def test_status_report_shows_what_changed_since_the_chosen_date_only(gjesdal):
    measure = Measure.objects.get(plan=gjesdal, number=4)
    _update(measure, 100, Status.IN_PROGRESS, "Teamet er ansatt.")
    _update(measure, 10, Status.IN_PROGRESS, "Teamet har møtt 40 ungdommer.")
    since = timezone.localdate() - datetime.timedelta(days=30)

    text = pdf_text(render_status_report_pdf(gjesdal, since=since))
    squashed = squash(text)
    changes = squashed[squashed.index(squash("Statusoppdateringer Dato Tiltak Status Notat")) :]

    assert squash("Teamet har møtt 40 ungdommer.") in changes
    assert squash("Teamet er ansatt.") not in changes


def test_status_report_lists_changes_to_measures_from_their_history(gjesdal, coordinator):
    measure = Measure.objects.get(plan=gjesdal, number=6)
    measure.status = Status.DELAYED
    measure._history_user = coordinator  # a person's edit, as the portal records it
    measure.save()

    text = pdf_text(render_status_report_pdf(gjesdal, since=timezone.localdate()))

    assert_in_pdf("6. Samarbeid med næringsliv og frivillighet", text)
    assert_in_pdf("Endret: status (ny status: Forsinket)", text)


def test_status_report_leaves_out_what_an_import_or_command_changed(gjesdal):
    measure = Measure.objects.get(plan=gjesdal, number=6)
    measure.status = Status.DELAYED
    measure.save()  # no person: a plan file import or another command

    text = pdf_text(render_status_report_pdf(gjesdal, since=timezone.localdate()))

    assert squash("6. Samarbeid med næringsliv og frivillighet") not in squash(text)


def test_status_chart_counts_measures_per_status_as_text_in_the_pdf(gjesdal):
    chart = status_chart(gjesdal.measures.status_counts())
    counts = {row["status"]: row["count"] for row in chart["rows"]}
    assert counts[Status.PLANNED] == 9
    assert counts[Status.ONGOING] == 2
    assert counts[Status.IN_PROGRESS] == 1
    assert chart["total"] == 12

    pdf = render_status_report_pdf(gjesdal, since=timezone.localdate())
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    assert_in_pdf("Tiltak etter status (12 i alt)", first_page)
    assert_in_pdf("Planlagt 9", first_page)
    assert_in_pdf("Løpende 2", first_page)


def test_steering_member_downloads_the_status_report_since_a_date(steering_client):
    response = steering_client.get(REPORT, {"since": "2026-01-01"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert_in_pdf("Endringer siden 01.01.2026", pdf_text(response.content))


def test_status_report_defaults_to_the_last_90_days(working_client):
    response = working_client.get(REPORT)

    since = timezone.localdate() - datetime.timedelta(days=90)
    assert response.status_code == 200
    assert_in_pdf(f"Endringer siden {since:%d.%m.%Y}", pdf_text(response.content))


def test_status_report_with_a_bad_date_gives_a_norwegian_form_error(steering_client):
    response = steering_client.get(REPORT, {"since": "i fjor"})

    assert response.status_code == 400
    assert "Oppgi en gyldig dato" in response.text


def test_status_report_refuses_a_date_in_the_future(steering_client):
    response = steering_client.get(REPORT, {"since": "2999-01-01"})

    assert response.status_code == 400
    assert "Datoen kan ikke være fram i tid." in response.text


def test_the_same_report_asked_again_is_served_from_the_cache_until_a_status_update(gjesdal, django_assert_num_queries):
    since = timezone.localdate() - datetime.timedelta(days=30)
    first = render_status_report_pdf(gjesdal, since=since)
    with django_assert_num_queries(1):  # the time of the latest change (the tests keep the cache in memory)
        assert render_status_report_pdf(gjesdal, since=since) == first
    _update(Measure.objects.get(plan=gjesdal, number=9), 0, Status.IN_PROGRESS, "Oppstart med 12 natteravner.")
    after = render_status_report_pdf(gjesdal, since=since)
    assert after != first
    assert_in_pdf("Oppstart med 12 natteravner.", pdf_text(after))
