import pytest
from django.db import IntegrityError, transaction

from participants.models import Body, Level, Position


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
    seat = Position.objects.get(holder__user=working_member)
    assert not seat.is_vacant
    assert Position.objects.filter(body__key="styringsgruppe", holder__isnull=True).first().is_vacant
    assert list(Body.objects.with_seat_for(working_member)) == [seat.body]
