"""The latest changes read as sentences, and bulk creation is one line."""

import datetime

from django.db.models import F
from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create
from meetings.models import Meeting
from meetings.services import meetings_create_for_year
from plans.feeds import recent_changes


def test_generating_a_years_meetings_is_one_line_not_hundreds(gjesdal):
    weekly = gjesdal.meeting_series.order_by("-pk")
    created = sum(
        len(meetings_create_for_year(series=series, year=timezone.localdate().year)) for series in weekly.all()
    )
    assert created > 50
    changes = recent_changes(gjesdal)
    meeting_lines = [change for change in changes if change["kind"] in ("møte", "møter")]
    assert len(meeting_lines) == 1
    assert meeting_lines[0]["count"] == created
    assert str(meeting_lines[0]["sentence"]) == f"{created} møter ble opprettet"


def test_meetings_made_together_across_a_minute_are_still_one_line(gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    created = meetings_create_for_year(series=series, year=timezone.localdate().year)
    assert len(created) >= 2
    # As if the clock passed a whole minute halfway through: the first half made a minute earlier.
    earlier = [meeting.pk for meeting in created[: len(created) // 2]]
    Meeting.history.filter(id__in=earlier).update(history_date=F("history_date") - datetime.timedelta(minutes=1))
    meeting_lines = [change for change in recent_changes(gjesdal) if change["kind"] in ("møte", "møter")]
    assert [line["count"] for line in meeting_lines] == [len(created)]


def test_an_imported_plan_is_a_line_per_kind(gjesdal):
    sentences = [str(change["sentence"]) for change in recent_changes(gjesdal)]
    assert "12 tiltak ble opprettet" in sentences
    assert len(sentences) == len(set(sentences))


def test_a_status_update_reads_as_a_sentence_with_who_and_what(gjesdal, coordinator):
    coordinator.first_name, coordinator.last_name = "Kari", "Solberg"
    coordinator.save()
    natteravn = gjesdal.measures.get(number=9)
    status_update_create(
        measure=natteravn, user=coordinator, status=Status.IN_PROGRESS, note="", date=timezone.localdate()
    )
    first = recent_changes(gjesdal)[0]
    assert str(first["sentence"]) in {
        'Kari Solberg satte <a href="/tiltak/9/">Natteravnordning</a> til Pågår',
        'Kari Solberg endret tiltak «<a href="/tiltak/9/">9. Natteravnordning</a>»',
    }
    sentences = [str(change["sentence"]) for change in recent_changes(gjesdal)[:2]]
    assert 'Kari Solberg satte <a href="/tiltak/9/">Natteravnordning</a> til Pågår' in sentences


def test_names_in_sentences_are_escaped(gjesdal, coordinator):
    coordinator.first_name, coordinator.last_name = "<script>", "x"
    coordinator.save()
    status_update_create(
        measure=gjesdal.measures.get(number=9), user=coordinator, status=Status.IN_PROGRESS, note="",
        date=timezone.localdate(),
    )  # fmt: skip
    assert "<script>" not in str(recent_changes(gjesdal)[0]["sentence"])
