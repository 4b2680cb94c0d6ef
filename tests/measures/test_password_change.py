from django.contrib.auth.models import User
from django.urls import reverse

from tests.conftest import PASSWORD


def test_the_password_change_form_is_in_norwegian(working_client):
    response = working_client.get(reverse("password_change"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Endre passord" in page and "Gammelt passord" in page


def test_a_user_changes_their_password(working_client, working_member):
    data = {"old_password": PASSWORD, "new_password1": "Natteravn-2026!", "new_password2": "Natteravn-2026!"}
    response = working_client.post(reverse("password_change"), data, follow=True)
    assert "Passordet ditt er endret." in response.content.decode()
    assert User.objects.get(pk=working_member.pk).check_password("Natteravn-2026!")


def test_anonymous_visitors_cannot_change_a_password(client, db):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_logout_goes_by_post_only(working_client):
    assert working_client.get(reverse("logout")).status_code == 405
    response = working_client.post(reverse("logout"))
    assert response.status_code == 302
    assert working_client.get(reverse("plans:dashboard")).status_code == 302
