"""The meetings app's models, by subject; every model is importable from meetings.models."""

from .attendance import Attendance, AttendanceStatus, MeetingGuest
from .meeting import Meeting, MeetingPhase, MeetingQuerySet, MeetingStatus, MinutesStatus
from .messages import CalendarToken, Notice, NoticeRecipient, ReminderKind, ReminderLog, new_feed_token
from .saker import (
    OTHER_BUSINESS_TITLE,
    ActionItem,
    ActionItemKind,
    ActionItemQuerySet,
    AgendaItem,
    AgendaItemKind,
    case_label,
)
from .series import MeetingSeries, MinutesApproval, StandingAgendaItem

__all__ = [
    "OTHER_BUSINESS_TITLE",
    "ActionItem",
    "ActionItemKind",
    "ActionItemQuerySet",
    "AgendaItem",
    "AgendaItemKind",
    "Attendance",
    "AttendanceStatus",
    "CalendarToken",
    "Meeting",
    "MeetingGuest",
    "MeetingPhase",
    "MeetingQuerySet",
    "MeetingSeries",
    "MeetingStatus",
    "MinutesApproval",
    "MinutesStatus",
    "Notice",
    "NoticeRecipient",
    "ReminderKind",
    "ReminderLog",
    "StandingAgendaItem",
    "case_label",
    "new_feed_token",
]
