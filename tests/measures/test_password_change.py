import re

from django.contrib.auth.models import User
from django.test import Client
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


def _address(client, series=None):
    data = {"series": series.pk} if series else {}
    client.post(reverse("meetings:calendar_token_new"), data)
    page = client.get(reverse("meetings:calendar_settings")).content.decode()
    return re.search(r"/moter/kalender/([A-Za-z0-9_-]+)\.ics", page).group(1)


def test_the_password_change_offers_new_calendar_addresses_and_the_old_ones_stop(working_client, gjesdal):
    series = gjesdal.meeting_series.get(key="arbeidsgruppe")
    old = {_address(working_client), _address(working_client, series)}
    form = working_client.get(reverse("password_change")).content.decode()
    assert 'name="renew_calendar_addresses"' in form
    data = {"old_password": PASSWORD, "new_password1": "Natteravn-2026!", "new_password2": "Natteravn-2026!"}
    data["renew_calendar_addresses"] = "on"
    response = working_client.post(reverse("password_change"), data, follow=True)
    page = response.content.decode()
    new = set(re.findall(r"/moter/kalender/([A-Za-z0-9_-]+)\.ics", page))
    assert len(new) == 2 and not new & old
    for token in old:
        assert Client().get(reverse("meetings:calendar_feed", args=[token])).status_code == 404
    for token in new:
        assert Client().get(reverse("meetings:calendar_feed", args=[token])).status_code == 200


def test_a_password_change_without_renewing_keeps_the_calendar_addresses(working_client, gjesdal):
    old = _address(working_client)
    data = {"old_password": PASSWORD, "new_password1": "Natteravn-2026!", "new_password2": "Natteravn-2026!"}
    response = working_client.post(reverse("password_change"), data, follow=True)
    assert "Passordet ditt er endret." in response.content.decode()
    assert Client().get(reverse("meetings:calendar_feed", args=[old])).status_code == 200


def test_without_calendar_addresses_the_password_change_offers_nothing_to_renew(working_client):
    assert "renew_calendar_addresses" not in working_client.get(reverse("password_change")).content.decode()
