"""The coordinator sets a new password for users below the coordinator, and for no one else."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from participants import roles
from tests.conftest import make_user

NEW = {"new_password1": "Sommer-Natteravn-2026", "new_password2": "Sommer-Natteravn-2026"}


def reset_url(user):
    return reverse("user_password_reset", args=[user.pk])


def test_the_coordinator_sets_a_new_password_for_a_working_group_member(coordinator_client, working_member):
    response = coordinator_client.post(reset_url(working_member), NEW, follow=True)
    assert response.status_code == 200
    assert "Nytt passord er satt for" in response.content.decode() or "A new password" in response.content.decode()
    assert User.objects.get(pk=working_member.pk).check_password("Sommer-Natteravn-2026")
    login = Client().post(reverse("login"), {"username": working_member.username, "password": NEW["new_password1"]})
    assert login.status_code == 302


def test_a_new_password_ends_the_users_lockout(coordinator_client, working_member):
    AccessAttempt.objects.create(
        username=working_member.username, ip_address="192.0.2.9", failures_since_start=5, get_data="", post_data=""
    )
    coordinator_client.post(reset_url(working_member), NEW)
    assert not AccessAttempt.objects.filter(username=working_member.username).exists()


def test_the_user_list_offers_the_reset_only_for_users_below_the_coordinator(coordinator_client, working_member):
    other = make_user("koordinator2", roles.COORDINATOR)
    boss = User.objects.create_superuser("drift", "drift@example.org", "Superhemmelig-2026")
    page = coordinator_client.get(reverse("user_list")).content.decode()
    assert reset_url(working_member) in page
    assert reset_url(other) not in page and reset_url(boss) not in page


@pytest.mark.parametrize("kind", ["superuser", "coordinator", "self"])
def test_the_coordinator_cannot_reset_a_superuser_another_coordinator_or_themselves(
    coordinator_client, coordinator, kind
):
    if kind == "superuser":
        target = User.objects.create_superuser("drift", "drift@example.org", "Superhemmelig-2026")
    elif kind == "coordinator":
        target = make_user("koordinator2", roles.COORDINATOR)
    else:
        target = coordinator
    before = User.objects.get(pk=target.pk).password
    assert coordinator_client.get(reset_url(target)).status_code == 403
    assert coordinator_client.post(reset_url(target), NEW).status_code == 403
    assert User.objects.get(pk=target.pk).password == before


def test_other_roles_cannot_reset_passwords(working_client, steering_member, operative_client):
    assert working_client.post(reset_url(steering_member), NEW).status_code == 403
    assert operative_client.get(reverse("user_list")).status_code == 403
    assert not User.objects.get(pk=steering_member.pk).check_password("Sommer-Natteravn-2026")


def test_the_reset_rejects_mismatched_passwords_with_a_norwegian_form_error(coordinator_client, working_member):
    response = coordinator_client.post(
        reset_url(working_member), {"new_password1": "Sommer-Natteravn-2026", "new_password2": "annet"}
    )
    assert response.status_code == 200
    assert "passord" in response.content.decode().lower() and "feltene" in response.content.decode().lower()


def test_the_user_list_needs_get(coordinator_client):
    assert coordinator_client.post(reverse("user_list")).status_code == 405
