"""The profile page: e-mail, phone and the weekly summary, each person their own."""

from django.urls import reverse

from participants.models import Person
from tests.conftest import logged_in, make_user

URL = reverse("profile")


def test_a_member_changes_their_email_phone_and_turns_off_the_weekly_summary(working_client, working_member):
    response = working_client.post(URL, {"email": "kari@gjesdal.kommune.no", "phone": "+47 51 61 00 00"})
    assert response.status_code == 302 and response["Location"] == URL
    person = Person.objects.get(user=working_member)
    assert (person.email, person.phone, person.weekly_digest) == ("kari@gjesdal.kommune.no", "+47 51 61 00 00", False)


def test_the_profile_page_shows_my_own_details(working_client, working_member):
    Person.objects.filter(user=working_member).update(email="min@example.org")
    page = working_client.get(URL).content.decode()
    assert "min@example.org" in page and "Ukentlig oppsummering på e-post" in page


def test_a_bad_email_or_phone_gets_a_norwegian_form_error(working_client, working_member):
    response = working_client.post(URL, {"email": "ikke-en-adresse", "phone": "ring meg"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Oppgi en gyldig e-postadresse" in page
    assert "Skriv telefonnummeret med sifre, mellomrom og +." in page
    assert Person.objects.get(user=working_member).email == ""


def test_a_login_without_a_person_gets_one_on_saving(db):
    user = make_user("nyansatt")
    Person.objects.filter(user=user).delete()
    client = logged_in(user)
    assert client.get(URL).status_code == 200
    assert client.post(URL, {"email": "ny@example.org", "weekly_digest": "on"}).status_code == 302
    assert Person.objects.get(user=user).name == "Nyansatt"


def test_the_profile_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_profile_page_refuses_other_methods(working_client):
    assert working_client.put(URL).status_code == 405
