"""Failed logins from one address are limited over every user name, without locking out anyone else."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD

PROXY = "10.0.0.2"
FLOODER, COLLEAGUE = "198.51.100.7", "192.0.2.44"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.PROXY_COUNT = 1
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12


def login(client, username, password, address):
    data = {"username": username, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def flood(client, count, address=FLOODER):
    return [login(client, f"tilfeldig{number}", "feil", address).status_code for number in range(count)]


def test_a_flood_of_random_user_names_from_one_address_is_stopped_with_a_norwegian_message(client, coordinator):
    assert set(flood(client, 12)) == {200}  # each a wrong password: the form again
    response = login(client, "tilfeldig99", "feil", FLOODER)
    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.content.decode() or "Too many failed logins" in (
        response.content.decode()
    )
    # Refused before any password is checked, so a right one from there waits too.
    assert login(client, "koordinator", PASSWORD, FLOODER).status_code == 429


def test_the_limit_does_not_touch_other_addresses(client, coordinator):
    flood(client, 13)
    assert login(client, "koordinator", PASSWORD, COLLEAGUE).status_code == 302


def test_refused_attempts_do_not_extend_the_limit_and_it_ends_after_the_cool_off(client, coordinator):
    flood(client, 12)
    earlier = timezone.now() - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert login(client, "koordinator", PASSWORD, FLOODER).status_code == 302


def test_refused_attempts_are_not_recorded(client, coordinator):
    flood(client, 12)
    before = AccessAttempt.objects.count()
    flood(client, 5)
    assert AccessAttempt.objects.count() == before


def test_a_user_with_a_few_typos_is_far_from_the_limit(client, coordinator):
    for _ in range(4):
        login(client, "koordinator", "feil", COLLEAGUE)
    assert login(client, "koordinator", PASSWORD, COLLEAGUE).status_code == 302
