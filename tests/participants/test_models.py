import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from participants.models import Body, Level, Person, Position, SeatTerm


def test_a_seat_title_is_unique_within_its_body(gjesdal):
    body = Body.objects.get(key="styringsgruppe")
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(body=body, title="ordfører")
    Position.objects.create(body=Body.objects.get(key="arbeidsgruppe"), title="ordfører")


def test_a_body_has_at_most_one_secretary(gjesdal):
    body = Body.objects.get(key="styringsgruppe")
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(body=body, title="nestleder", is_secretary=True)


def test_a_body_level_must_be_one_of_the_three(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Body.objects.create(key="x", name="X", level="kommunalt")
    assert Body.objects.create(key="y", name="Y", level=Level.EXECUTING).get_level_display() == "Utførende nivå"


def test_a_seat_is_vacant_until_someone_holds_it(gjesdal, working_member):
    today = datetime.date.today()
    seat = Position.objects.get(terms__person__user=working_member)
    assert seat.holder_on(today).user == working_member
    vacant = Position.objects.filter(body__key="styringsgruppe", terms__isnull=True).first()
    assert vacant.holder_on(today) is None
    assert list(Body.objects.with_seat_for(working_member)) == [seat.body]


def test_a_seat_holder_changes_on_a_date_and_the_old_holder_loses_the_seat(gjesdal, working_member):
    seat = Position.objects.get(terms__person__user=working_member)
    term = seat.terms.get()
    change = datetime.date.today()
    term.ends_on = change - datetime.timedelta(days=1)
    term.save()
    successor = Person.objects.create(name="Ny Innehaver")
    SeatTerm.objects.create(position=seat, person=successor, starts_on=change)
    assert seat.holder_on(change) == successor
    assert seat.holder_on(change - datetime.timedelta(days=1)).user == working_member
    assert list(Body.objects.with_seat_for(working_member)) == []


def test_two_terms_of_a_seat_may_not_overlap_and_the_deputy_is_someone_else(gjesdal, working_member):
    seat = Position.objects.get(terms__person__user=working_member)
    other = Person.objects.create(name="Overlapp")
    overlapping = SeatTerm(position=seat, person=other, starts_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    holder = seat.terms.get().person
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatTerm.objects.create(position=seat, person=other, deputy=other, starts_on=datetime.date(2030, 1, 1))
    assert SeatTerm(position=seat, person=holder, deputy=other).deputy == other
