"""Every URL of the portal × every persona × GET (and POST where the view changes data).

The policy is the table in access_policy.py. Outcomes: a status code, LOGIN (302 to the login
page) or REDIRECT (302 anywhere else: the POST did its work). Each POST runs inside a savepoint
that is rolled back, so every persona meets the same data.
"""

import io

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import PASSWORD

from .access_policy import LOGIN, MATRIX, REDIRECT, Case
from .conftest import PERSONAS, SECRET_ACTION, SECRET_MINUTES


def urlconf_names():
    """The name of every URL pattern outside the admin, as the matrix keys it."""
    found = []

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found.append((name, sorted(pattern.pattern.converters)))

    walk(get_resolver().url_patterns)
    names = [name for name, _params in found]
    return {f"{name}({','.join(params)})" if names.count(name) > 1 else name for name, params in found}


def test_every_url_of_the_urlconf_has_a_row_in_the_access_matrix(settings):
    assert not settings.DEBUG  # the media route exists only with DEBUG
    assert set(MATRIX) == urlconf_names()


def _cases():
    for name, entry in MATRIX.items():
        if isinstance(entry, Case):
            yield pytest.param(name, entry, id=name)
        else:
            for label, case in entry.items():
                yield pytest.param(name, case, id=f"{name} [{label}]")


def _client(world, persona):
    client = Client()
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    return client


def outcome(response):
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith(reverse("login")) else REDIRECT
    return response.status_code


def _post_data(name, case, world, persona):
    if name == "login":
        user = world.users[persona] or world.users["coordinator"]
        return {"username": user.username, "password": PASSWORD}
    data = case.data(world) if case.data else {}
    if case.files:
        data.update(case.files())
    return data


@pytest.mark.parametrize(("name", "case"), list(_cases()))
def test_access_matrix(world, name, case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse(name.split("(")[0], kwargs=case.kwargs(world) if case.kwargs else None)
    assert set(case.GET) == set(case.POST) == set(PERSONAS), "every persona needs an expected outcome"
    wrong = []
    for persona in PERSONAS:
        response = _client(world, persona).get(url)
        if outcome(response) != case.GET[persona]:
            wrong.append(f"GET {url} as {persona}: {outcome(response)}, expected {case.GET[persona]}")
        if persona in case.hidden_from and response.status_code == 200:
            assert case.hidden_from[persona].encode() not in response.content, f"{persona} sees {url}"
        with transaction.atomic():
            response = _client(world, persona).post(url, _post_data(name, case, world, persona))
            transaction.set_rollback(True)
        if outcome(response) != case.POST[persona]:
            wrong.append(f"POST {url} as {persona}: {outcome(response)}, expected {case.POST[persona]}")
    assert not wrong, "\n".join(wrong)


# Content, not just status: a working-group member reads the date of the operative group's meeting only.


@pytest.mark.parametrize("persona", ["steering_member", "working_member"])
def test_confidential_minutes_stay_out_of_what_other_groups_can_open(world, persona):
    client = _client(world, persona)
    meeting = world.operative_meeting
    for url in (
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:meeting_list"),
        reverse("meetings:measure_action_items", args=[world.measure.pk]),
        reverse("plans:dashboard"),
    ):
        page = client.get(url).content.decode()
        assert SECRET_MINUTES not in page and SECRET_ACTION not in page, url
    pdf = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Konfidensielt" in text and SECRET_MINUTES not in text


@pytest.mark.parametrize("persona", ["coordinator", "operative_member"])
def test_the_operative_group_and_the_coordinator_read_the_confidential_minutes(world, persona):
    page = _client(world, persona).get(reverse("meetings:meeting_detail", args=[world.operative_meeting.pk]))
    assert SECRET_MINUTES in page.content.decode() and SECRET_ACTION in page.content.decode()


# The admin: only staff accounts (the coordinator) get in.


def test_the_coordinator_with_is_staff_reaches_the_admin(world):
    coordinator = world.users["coordinator"]
    coordinator.is_staff = True
    coordinator.save()
    client = _client(world, "coordinator")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/measures/measure/").status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "steering_member", "working_member", "operative_member"])
def test_everyone_else_is_sent_to_the_admin_login(world, persona):
    response = _client(world, persona).get("/admin/measures/measure/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["steering_member", "working_member", "operative_member"])
def test_a_staff_account_of_another_role_is_kept_out_of_the_admin(world, persona):
    """The admin does not know the portal's confidentiality: only the coordinator gets in."""
    User.objects.filter(pk=world.users[persona].pk).update(is_staff=True)
    client = _client(world, persona)
    for url in (
        f"/admin/meetings/meeting/{world.operative_meeting.pk}/change/",
        f"/admin/meetings/meeting/{world.operative_meeting.pk}/history/",
        f"/admin/meetings/meeting/?q={SECRET_MINUTES[:12]}",
        f"/admin/measures/measure/{world.measure.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert client.post(f"/admin/measures/measure/{world.measure.pk}/change/", {"title": "Endret"}).status_code == 302
