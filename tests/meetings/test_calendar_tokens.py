"""Calendar feed addresses: only their hash is stored, shown once, and a double submit is no error."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from meetings.models import CalendarToken, feed_token_hash

SETTINGS = "meetings:calendar_settings"


def address_on(page):
    match = re.search(r"/moter/kalender/([A-Za-z0-9_-]+)\.ics", page)
    return match.group(1) if match else None


def test_the_database_keeps_only_a_hash_of_the_address(working_client, working_member):
    working_client.post(reverse("meetings:calendar_token_new"))
    token = address_on(working_client.get(reverse(SETTINGS)).content.decode())
    row = CalendarToken.objects.get(user=working_member)
    assert row.token_hash == feed_token_hash(token) != token
    stored = [str(value) for value in CalendarToken.objects.values_list(flat=False).get()]
    assert not any(token in value for value in stored)


def test_the_full_address_is_shown_once_and_then_only_that_one_exists(working_client):
    working_client.post(reverse("meetings:calendar_token_new"))
    first = working_client.get(reverse(SETTINGS)).content.decode()
    assert address_on(first)
    again = working_client.get(reverse(SETTINGS)).content.decode()
    assert address_on(again) is None
    assert "Du har en adresse" in again or "You have an address" in again


def test_a_double_submit_of_a_new_address_leaves_one_working_address(working_client, working_member):
    # The second submit finds the row the first one made: it replaces the address, no error.
    assert working_client.post(reverse("meetings:calendar_token_new")).status_code == 302
    assert working_client.post(reverse("meetings:calendar_token_new")).status_code == 302
    assert CalendarToken.objects.filter(user=working_member, series=None).count() == 1
    token = address_on(working_client.get(reverse(SETTINGS)).content.decode())
    assert Client().get(reverse("meetings:calendar_feed", args=[token])).status_code == 200


def test_issuing_over_an_existing_row_replaces_it_instead_of_failing(working_member, gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    first, old = CalendarToken.objects.issue(user=working_member, series=series)
    second, new = CalendarToken.objects.issue(user=working_member, series=series)
    assert first.pk == second.pk and old != new
    assert not CalendarToken.objects.for_token(old).exists()
    assert CalendarToken.objects.for_token(new).get() == second


@pytest.mark.django_db(transaction=True)  # migrating back and forth: not inside a test transaction
def test_addresses_made_before_hashing_keep_working_after_the_migration(working_member, gjesdal):
    before, after = (
        [("meetings", "0005_minutes_length_limit_and_stored_html")],
        [("meetings", "0006_calendar_tokens_hashed")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        OldToken = old_apps.get_model("meetings", "CalendarToken")
        OldToken.objects.create(user_id=working_member.pk, token="gammel-adresse-fra-2026")

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)  # the hashing, then every later migration: the feed reads today's tables
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

        response = Client().get(reverse("meetings:calendar_feed", args=["gammel-adresse-fra-2026"]))
        assert response.status_code == 200
        assert CalendarToken.objects.get(user=working_member).token_hash == feed_token_hash("gammel-adresse-fra-2026")
    finally:
        # Every later migration again, so the tests after this one find every table.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
