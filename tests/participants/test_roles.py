import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from participants import roles
from participants.models import Body


def test_the_roles_exist_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_each_role_has_the_permissions_the_design_gives_it(db):
    def codes(role):
        return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))

    coordinator = codes(roles.COORDINATOR)
    assert {
        "change_measure",
        "change_actionplan",
        "publish_actionplan",
        "approve_minutes",
        "change_person",
    } <= coordinator
    steering = codes(roles.STEERING_GROUP)
    assert "view_measure" in steering and not any(code.startswith(("add_", "change_", "delete_")) for code in steering)
    working = codes(roles.WORKING_GROUP)
    assert {"add_statusupdate", "add_actionitem", "change_meeting"} <= working
    assert "change_measure" not in working and "change_actionplan" not in working
    assert codes(roles.OPERATIVE_GROUP) == working


def test_demo_users_are_refused_when_debug_is_off(gjesdal, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo_users")
    assert not User.objects.filter(username="koordinator").exists()


def test_demo_users_get_their_role_and_a_seat_in_the_matching_body(gjesdal, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo_users", "--password", "hemmelig-demo-1", stdout=out)
    assert "hemmelig-demo-1" in out.getvalue()
    expected = {
        "koordinator": (roles.COORDINATOR, {"styringsgruppe", "arbeidsgruppe", "operativ"}),
        "styringsgruppe": (roles.STEERING_GROUP, {"styringsgruppe"}),
        "arbeidsgruppe": (roles.WORKING_GROUP, {"arbeidsgruppe"}),
        "operativ": (roles.OPERATIVE_GROUP, {"operativ"}),
    }
    for username, (role, bodies) in expected.items():
        user = User.objects.get(username=username)
        assert user.check_password("hemmelig-demo-1")
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert set(Body.objects.with_seat_for(user).values_list("key", flat=True)) == bodies
    outsider = User.objects.get(username="utenforstaende")
    assert not outsider.groups.exists() and not Body.objects.with_seat_for(outsider).exists()
    # Running it again keeps one user per role and their seats.
    call_command("seed_demo_users", "--password", "hemmelig-demo-1", stdout=io.StringIO())
    assert User.objects.count() == 5
