"""The minutes page: attendance, guests, every sak with its minutes, decision and action items, in one save.

Field names on the page:
- the meeting's chair, referent and other notes: unprefixed (`chair`, `secretary`, `minutes`, `version`);
- a seat: `sete-<seat id>-status`, `-deputy`; guests: the formset `gjest`;
- a sak: `sak-<id>-title`, `-minutes`, `-decision`; its measure's status update: `item-<id>-status`, `-note`;
- an action item of a sak: `oppf-<id>-…`; a new one: `sak-<sak id>-ny-<n>-…`;
- a new sak: `ny-<n>-title`, …, and its new action items `ny-<n>-ny-<m>-…`.
New rows are found by their names in the POST, so rows added in the browser (htmx) need no counter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from measures.models import Measure
from measures.services import can_update_status

from . import services
from .forms import StatusFromMinutesForm
from .minutes_forms import (
    ActionRowForm,
    AttendanceForm,
    GuestFormSet,
    MeetingMinutesForm,
    NewActionRowForm,
    NewSakForm,
    SakForm,
)
from .models import AgendaItem, Attendance
from .rendering import MINUTES_MAX_LENGTH, remember_rendered, render_texts
from .seats import people_to_choose, seat_rows


def _sent(data, prefix, names):
    """The POST for a form when it sent at least one of the form's fields, else None (the form is left alone).

    A browser sends the whole page; a client that sends part of it changes only that part.
    """
    if data is None:
        return None
    keys = [f"{prefix}-{name}" if prefix else name for name in names]
    return data if any(key in data for key in keys) else None


PEOPLE_FIELDS = ("chair", "secretary", "deputy", "responsible_person")
MEETING_FIELDS = ("chair", "secretary", "minutes", "version")
SEAT_FIELDS = ("status", "deputy", "version")
SAK_FIELDS = ("title", "minutes", "decision", "version")
ROW_FIELDS = ("text", "responsible_person", "due", "measure", "version")
STATUS_FIELDS = ("status", "note")


def _indexes(data, pattern):
    """The numbers n in the POST's keys matching pattern (with one group), in order."""
    found = set()
    for key in data or ():
        match = re.fullmatch(pattern, key)
        if match and len(match.group(1)) <= 3:
            found.add(int(match.group(1)))
    return sorted(found)


@dataclass
class SakBlock:
    item: AgendaItem | None  # None: a new sak
    form: SakForm | NewSakForm
    prefix: str
    status_form: StatusFromMinutesForm | None = None
    rows: list[ActionRowForm] = field(default_factory=list)
    new_rows: list[NewActionRowForm] = field(default_factory=list)
    last_new: bool = False

    @property
    def next_row(self):
        return max((int(form.prefix.rsplit("-", 1)[1]) for form in self.new_rows), default=-1) + 1

    @property
    def heading(self):
        return str(self.item) if self.item else _("New sak")

    def forms(self):
        return [self.form, *([self.status_form] if self.status_form else []), *self.rows, *self.new_rows]


class MinutesPage:
    def __init__(self, meeting, user, data=None, *, more_rows=None, more_saker=0):
        self.meeting = meeting
        self.user = user
        self.data = data
        plan = meeting.series.plan
        people = people_to_choose(meeting)
        self.people = people
        self.meeting_form = MeetingMinutesForm(_sent(data, "", MEETING_FIELDS), instance=meeting, people=people)
        self.seats = seat_rows(meeting)
        self.seat_forms = [
            AttendanceForm(
                _sent(data, f"sete-{seat.position.pk}", SEAT_FIELDS),
                instance=seat.row or Attendance(meeting=meeting, position=seat.position),
                seat=seat,
                people=people,
                prefix=f"sete-{seat.position.pk}",
            )
            for seat in self.seats
        ]
        for form in self.seat_forms:
            form.before = (form.instance.status, form.instance.deputy_id, form.instance.person_id)
        guests_sent = data if data is not None and "gjest-TOTAL_FORMS" in data else None
        self.guests = GuestFormSet(guests_sent, queryset=meeting.guests.all(), prefix="gjest")
        items = list(meeting.agenda_items.select_related("measure", "status_update").order_by("order"))
        actions = {}
        for action in meeting.action_items.filter(agenda_item__isnull=False).select_related("measure"):
            actions.setdefault(action.agenda_item_id, []).append(action)
        self.saker = []
        for item in items:
            prefix = f"sak-{item.pk}"
            form = SakForm(_sent(data, prefix, SAK_FIELDS), instance=item, prefix=prefix)
            block = SakBlock(item=item, form=form, prefix=prefix)
            if item.measure_id and can_update_status(user, item.measure):
                status_data = _sent(data, f"item-{item.pk}", STATUS_FIELDS)
                block.status_form = StatusFromMinutesForm(status_data, item=item, prefix=f"item-{item.pk}")
            block.rows = [
                ActionRowForm(
                    _sent(data, f"oppf-{action.pk}", ROW_FIELDS),
                    instance=action,
                    plan=plan,
                    people=people,
                    prefix=f"oppf-{action.pk}",
                )
                for action in actions.get(item.pk, [])
            ]
            extra = (more_rows or {}).get(item.pk, 0)
            block.new_rows = self._new_rows(block.prefix, plan, people, extra)
            self.saker.append(block)
        self.new_saker = []
        numbers = _indexes(data, r"ny-(\d+)-title") if data is not None else list(range(1 + more_saker))
        for number in numbers:
            prefix = f"ny-{number}"
            block = SakBlock(item=None, form=NewSakForm(data, prefix=prefix), prefix=prefix)
            block.new_rows = self._new_rows(prefix, plan, people, 1)  # one row: without JavaScript too
            self.new_saker.append(block)
        self._share_choices()

    def _share_choices(self):
        """The people and measure lists, read once for the page and shared by every select that offers them."""
        people = [(person.pk, str(person)) for person in self.people]
        measures = [(measure.pk, str(measure)) for measure in Measure.objects.filter(plan=self.meeting.series.plan)]
        for form in self.all_forms():
            for name, form_field in form.fields.items():
                if name in PEOPLE_FIELDS:
                    form_field.widget.choices = [("", form_field.empty_label), *people]
                elif name == "measure":
                    form_field.widget.choices = [("", form_field.empty_label), *measures]

    def _new_rows(self, prefix, plan, people, extra):
        numbers = _indexes(self.data, rf"{prefix}-ny-(\d+)-text") if self.data is not None else list(range(extra))
        return [
            NewActionRowForm(self.data, plan=plan, people=people, prefix=f"{prefix}-ny-{number}") for number in numbers
        ]

    @property
    def blocks(self):
        """The saker in the agenda's order, new ones just before "Eventuelt"; the last new one says so."""
        ordinary = [block for block in self.saker if not block.item.is_other_business]
        last = [block for block in self.saker if block.item.is_other_business]
        for block in self.new_saker:
            block.last_new = block is self.new_saker[-1]
        return [*ordinary, *self.new_saker, *last]

    @property
    def next_new_sak(self):
        return max((int(block.prefix.removeprefix("ny-")) for block in self.new_saker), default=-1) + 1

    def all_forms(self):
        forms = [self.meeting_form, *self.seat_forms]
        for block in [*self.saker, *self.new_saker]:
            forms.extend(block.forms())
        return forms

    def _minutes_fields(self):
        """(form, field name, saved text, saved HTML) for every Markdown text on the page."""
        yield self.meeting_form, "minutes", self.meeting.minutes, self.meeting.minutes_html
        for block in self.saker:
            yield block.form, "minutes", block.item.minutes, block.item.minutes_html
        for block in self.new_saker:
            yield block.form, "minutes", "", ""

    def is_valid(self):
        # Render every Markdown text of the page in one child process first; the forms' checks use the result.
        texts = []
        for form, name, saved, saved_html in self._minutes_fields():
            remember_rendered(saved, saved_html)
            text = self.data.get(form.add_prefix(name), "").strip()  # as the form's field cleans it
            if len(text) <= MINUTES_MAX_LENGTH and "\x00" not in text:  # longer ones are refused anyway
                texts.append(text)
        self.rendered = render_texts(texts)
        results = [form.is_valid() for form in self.all_forms() if form.is_bound]  # every error shows
        valid = all(results) & (not self.guests.is_bound or self.guests.is_valid())
        for block in self.new_saker:
            # An action item written under a new sak without a title would have nowhere to go.
            rows_filled = any(row.is_bound and row.is_valid() and row.is_filled for row in block.new_rows)
            if rows_filled and block.form.is_valid() and not block.form.is_filled:
                block.form.add_error("title", _("Give the new sak a title, or leave all its fields empty."))
                valid = False
        for form, name, _saved, _html in self._minutes_fields():
            text = form.cleaned_data.get(name, "") if form.is_bound and hasattr(form, "cleaned_data") else ""
            if text and self.rendered.get(text, "") is None and name not in form.errors:
                form.add_error(
                    name, _("The minutes cannot be shown: their formatting is too complex. Simplify the Markdown.")
                )
                valid = False
        return valid

    @property
    def conflicts(self):
        """Every field another person saved while this user edited, with the sak or seat it belongs to."""
        found = []
        for form in self.all_forms():
            for conflict in getattr(form, "conflicts", []):
                found.append({**conflict, "where": self._where(form)})
        return found

    def _where(self, form):
        if form is self.meeting_form:
            return _("The meeting")
        for block in [*self.saker, *self.new_saker]:
            if form in block.forms():
                return str(block.item) if block.item else _("New sak")
        seat = getattr(form, "seat", None)
        return seat.position.title if seat else ""

    def _html(self, text):
        if not text:
            return ""
        if text not in self.rendered:  # a newer saved text kept for a field this user left alone
            self.rendered.update(render_texts([text]))
        return self.rendered[text] or ""

    def save(self):
        """Write everything; the caller holds the meeting's lock in a transaction (views.minutes)."""
        meeting, user = self.meeting, self.user
        if self.meeting_form.is_bound:
            saved = self.meeting_form.save(commit=False)
            saved.minutes_html = self._html(saved.minutes)
            saved._history_user = user
            saved.save()
        self._save_attendance()
        if self.guests.is_bound:
            for guest in self.guests.save(commit=False):
                guest.meeting = meeting
                guest.save()
            for guest in self.guests.deleted_objects:
                guest.delete()
        updates = []
        for block in self.saker:
            item = block.form.instance
            changed = block.form.is_bound and (
                block.form.has_changed() or item.minutes_html != self._html(item.minutes)
            )
            if changed:
                item = block.form.save(commit=False)
                item.minutes_html = self._html(item.minutes)
                item.save()
            if (
                block.status_form is not None
                and block.status_form.is_bound
                and block.status_form.cleaned_data.get("status")
            ):
                data = block.status_form.cleaned_data
                updates.append((item, data["status"], data["note"].strip()))
            self._save_rows(block, item)
        for block in self.new_saker:
            if block.form.is_filled:
                data = block.form.cleaned_data
                item = services.agenda_item_insert(
                    meeting=meeting,
                    title=data["title"].strip(),
                    minutes=data["minutes"],
                    minutes_html=self._html(data["minutes"]),
                    decision=data["decision"],
                )
                self._save_rows(block, item)
        services.status_updates_from_minutes(meeting=meeting, user=user, status_updates=updates)

    def _save_attendance(self):
        for form in self.seat_forms:
            if not form.is_bound:
                continue
            row = form.save(commit=False)
            row.meeting, row.position = self.meeting, form.seat.position
            row.person = form.seat.holder
            if form.seat.vacant:
                row.status = ""
            if row.pk is None or (row.status, row.deputy_id, row.person_id) != form.before:
                row.save()

    def _save_rows(self, block, item):
        for form in block.rows:
            if not form.is_bound:
                continue
            if form.cleaned_data.get("delete"):
                form.instance.delete()
            elif form.has_changed():
                form.save()
        for form in block.new_rows:
            if form.is_filled:
                action = form.save(commit=False)
                action.meeting, action.agenda_item = self.meeting, item
                action.save()
