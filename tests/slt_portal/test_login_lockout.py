"""The login lockout behind one proxy (nginx), which appends the client's address to X-Forwarded-For."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD

PROXY = "10.0.0.2"
ATTACKER, VICTIM, COLLEAGUE = "198.51.100.7", "203.0.113.5", "192.0.2.44"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.PROXY_COUNT = 1


def login(client, username, password, address, sent_by_client=""):
    forwarded = f"{sent_by_client}, {address}" if sent_by_client else address
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_three_clients_behind_the_proxy_are_told_apart(client, coordinator):
    for _ in range(5):
        login(client, "koordinator", "feil", ATTACKER)
    assert login(client, "koordinator", PASSWORD, ATTACKER).status_code == 429
    assert login(client, "koordinator", PASSWORD, VICTIM).status_code == 302
    client.logout()
    assert login(client, "koordinator", PASSWORD, COLLEAGUE).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_an_address_the_client_writes_itself_is_not_believed(client, coordinator):
    for _ in range(5):
        login(client, "koordinator", "feil", ATTACKER, sent_by_client=VICTIM)
    assert login(client, "koordinator", PASSWORD, VICTIM).status_code == 302
    assert AccessAttempt.objects.get().ip_address == ATTACKER


def test_attempts_during_a_lockout_do_not_extend_it(client, coordinator):
    for _ in range(5):
        login(client, "koordinator", "feil", VICTIM)
    locked_at = timezone.now() - datetime.timedelta(minutes=10)
    AccessAttempt.objects.update(attempt_time=locked_at)
    login(client, "koordinator", "feil", VICTIM)
    login(client, "koordinator", PASSWORD, VICTIM)
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_the_lockout_ends_fifteen_minutes_after_the_fifth_failure(client, coordinator):
    for _ in range(5):
        login(client, "koordinator", "feil", VICTIM)
    assert login(client, "koordinator", PASSWORD, VICTIM).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16))
    assert login(client, "koordinator", PASSWORD, VICTIM).status_code == 302


def test_without_a_proxy_the_socket_address_counts_and_the_header_is_ignored(client, coordinator, settings):
    settings.PROXY_COUNT = 0
    for _ in range(5):
        login(client, "koordinator", "feil", ATTACKER)
    assert AccessAttempt.objects.get().ip_address == PROXY
