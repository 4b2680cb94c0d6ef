"""The meeting pages, split by subject: the meetings themselves, minutes, agenda and follow-up, calendars."""

from .agenda import (
    action_item_add,
    action_item_edit,
    action_item_toggle,
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    agenda_measure_add,
    measure_action_items,
)
from .calendar import calendar_feed, calendar_settings, calendar_token_new, calendar_token_revoke
from .meetings import meeting_detail, meeting_edit, meeting_list, series_create_year, year_view
from .minutes import (
    minutes_approve,
    minutes_edit,
    minutes_new_row,
    minutes_new_sak,
    minutes_pdf,
    minutes_reopen,
    minutes_submit,
)
from .notices import notice_pdf_view, notice_send_view
from .organisation import (
    body_edit,
    organisation,
    person_add,
    person_edit,
    seat_add,
    seat_edit,
    seat_term_edit,
    seat_term_new,
    series_edit,
)

__all__ = [
    "body_edit",
    "organisation",
    "person_add",
    "person_edit",
    "seat_add",
    "seat_edit",
    "seat_term_edit",
    "seat_term_new",
    "series_edit",
    "action_item_add",
    "action_item_edit",
    "action_item_toggle",
    "agenda_item_add",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_measure_add",
    "calendar_feed",
    "calendar_settings",
    "calendar_token_new",
    "calendar_token_revoke",
    "measure_action_items",
    "meeting_detail",
    "meeting_edit",
    "meeting_list",
    "minutes_approve",
    "minutes_edit",
    "minutes_new_row",
    "minutes_new_sak",
    "minutes_pdf",
    "minutes_reopen",
    "minutes_submit",
    "notice_pdf_view",
    "notice_send_view",
    "series_create_year",
    "year_view",
]
