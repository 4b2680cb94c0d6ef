"""A replaced or removed logo is deleted from storage, unless another plan still uses it."""

from django.urls import reverse

from measures.models import ActionPlan
from tests.plans.test_logo_limits import png

LOGO = reverse("plans:plan_logo")


def stored_logos(root):
    return sorted(path.name for path in (root / "logos").iterdir()) if (root / "logos").exists() else []


def upload(client, capture, width=40):
    with capture(execute=True):
        version = ActionPlan.objects.current().logo.name
        response = client.post(LOGO, {"logo": png(width, 20), "version": version})
    assert response.status_code == 302


def test_a_new_logo_deletes_the_one_it_replaces(
    coordinator_client, gjesdal, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload(coordinator_client, django_capture_on_commit_callbacks)
    first = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    upload(coordinator_client, django_capture_on_commit_callbacks, width=60)
    second = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    assert first != second
    assert not (tmp_path / first).exists()
    assert (tmp_path / second).exists()
    assert stored_logos(tmp_path) == [second.split("/")[-1]]


def test_removing_the_logo_deletes_its_file(
    coordinator_client, gjesdal, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload(coordinator_client, django_capture_on_commit_callbacks)
    name = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(LOGO, {"logo-clear": "on", "version": name})
    assert response.status_code == 302
    assert not ActionPlan.objects.get(pk=gjesdal.pk).logo
    assert not (tmp_path / name).exists()


def test_a_logo_another_plan_still_uses_is_kept(
    coordinator_client, gjesdal, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload(coordinator_client, django_capture_on_commit_callbacks)
    shared = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    older = ActionPlan.objects.create(municipality="Gjesdal", period_start=2024, period_end=2025, logo=shared)
    upload(coordinator_client, django_capture_on_commit_callbacks, width=60)
    assert ActionPlan.objects.get(pk=older.pk).logo.name == shared
    assert (tmp_path / shared).exists()


def test_a_refused_logo_keeps_the_current_one(
    coordinator_client, gjesdal, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload(coordinator_client, django_capture_on_commit_callbacks)
    name = ActionPlan.objects.get(pk=gjesdal.pk).logo.name
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(LOGO, {"logo": png(5000, 5000), "version": name})
    assert response.status_code == 400
    assert (tmp_path / name).exists()
