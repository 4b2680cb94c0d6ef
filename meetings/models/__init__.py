"""The meetings app's models, by subject; every model is importable from meetings.models."""

from .attendance import Attendance, AttendanceStatus, MeetingGuest
from .meeting import Meeting, MeetingPhase, MeetingQuerySet, MeetingStatus, MinutesStatus
from .messages import (
    CalendarToken,
    Notice,
    NoticeRecipient,
    ReminderKind,
    ReminderLog,
    feed_token_hash,
    new_feed_token,
)
from .records import MinutesAccess, MinutesAccessKind, MinutesPurge
from .reports import StatusReport, StatusReportAssessment, StatusReportQuerySet
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
    "MinutesAccess",
    "MinutesAccessKind",
    "MinutesApproval",
    "MinutesPurge",
    "MinutesStatus",
    "Notice",
    "NoticeRecipient",
    "ReminderKind",
    "ReminderLog",
    "StandingAgendaItem",
    "StatusReport",
    "StatusReportAssessment",
    "StatusReportQuerySet",
    "case_label",
    "feed_token_hash",
    "new_feed_token",
]
