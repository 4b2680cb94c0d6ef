"""Meetings with saker, decisions, action items and attendance, for the reports of record."""

import datetime

from django.utils import timezone

from meetings.models import ActionItem, ActionItemKind, AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingGuest

DECISION = "Styringsgruppa ber om en evaluering av natteravnordningen innen sommeren."
RECORDED_DECISION = "Ungdomsteamet får ansvar for oppfølging av sommerjobbene."
OVERDUE = "Lage oversikt over fritidstilbud for ungdom."
DONE_EARLIER = "Sende ut invitasjon til foreldremøte."
NOT_DUE_YET = "Planlegge Ungdata-uka."
CONFIDENTIAL_DECISION = "Fortrolig vedtak om en sak i operativ gruppe."


def meeting_on(plan, key, day, hour=9):
    series = plan.meeting_series.get(key=key)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return Meeting.objects.create(series=series, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))


def steering_meeting_with_decisions(plan, day):
    """A steering-group meeting on the day with a sak and its vedtak, a recorded decision, action items
    (one overdue, one done, one due later) and attendance by seat."""
    meeting = meeting_on(plan, "styringsgruppe", day)
    measure = plan.measures.get(number=9)
    sak = AgendaItem.objects.create(
        meeting=meeting, order=1, title="Natteravnordningen", decision=DECISION, case_number=3, case_year=day.year
    )
    ActionItem.objects.create(meeting=meeting, agenda_item=sak, kind=ActionItemKind.DECISION, text=RECORDED_DECISION)
    ActionItem.objects.create(meeting=meeting, text=OVERDUE, due=day + datetime.timedelta(days=7), measure=measure)
    ActionItem.objects.create(meeting=meeting, text=DONE_EARLIER, due=day + datetime.timedelta(days=7), done=True)
    ActionItem.objects.create(meeting=meeting, text=NOT_DUE_YET, due=timezone.localdate() + datetime.timedelta(days=60))
    seats = list(meeting.series.bodies.first().positions.all()[:3])
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_WITH_NOTICE]
    for seat, status in zip(seats, statuses, strict=False):
        Attendance.objects.create(meeting=meeting, position=seat, status=status)
    MeetingGuest.objects.create(meeting=meeting, name="Gjest Gjestesen", organization="Fylket")
    return meeting


def confidential_meeting_with_decision(plan, day):
    meeting = meeting_on(plan, "operativ", day, hour=13)
    AgendaItem.objects.create(meeting=meeting, order=1, title="Sak", decision=CONFIDENTIAL_DECISION)
    return meeting
