from django.urls import reverse


def test_the_login_page_is_in_norwegian(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="nb"' in page
    assert "Logg inn" in page and "Brukernavn" in page and "Passord" in page


def test_anonymous_visitors_are_sent_to_login(client, gjesdal):
    response = client.get(reverse("measures:measure_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_measure_list_shows_every_measure_with_status(working_client, gjesdal):
    response = working_client.get(reverse("measures:measure_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "SLT-handlingsplan 2026–2027" in page
    for measure in gjesdal.measures.all():
        assert measure.title in page
    assert "Planlagt" in page and "Løpende" in page


def test_login_with_wrong_password_gives_a_norwegian_message(client, working_member):
    response = client.post(reverse("login"), {"username": "arbeidsmedlem", "password": "feil"})
    assert response.status_code == 200
    assert "oppgi korrekt brukernavn og passord" in response.content.decode()


def test_the_coordinator_reaches_the_admin_in_norwegian(client, coordinator):
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    response = client.get(reverse("admin:measures_measure_changelist"))
    assert response.status_code == 200
    assert "Natteravnordning" in response.content.decode()
    assert "Velg tiltak" in response.content.decode()
