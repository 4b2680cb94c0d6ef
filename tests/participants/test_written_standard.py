"""A user may read the pages in the other written standard; e-mails and documents stay the municipality's."""

from django.urls import reverse

from participants.models import Person

PROFILE = reverse("profile")


def test_a_member_picks_nynorsk_for_the_pages_on_the_profile(working_client, working_member):
    page = working_client.get(PROFILE).content.decode()
    assert '<html lang="nb">' in page and "Målform på sidene" in page and "Kommunens målform" in page
    response = working_client.post(PROFILE, {"email": "", "phone": "", "weekly_digest": "on", "language": "nn"})
    assert response.status_code == 302
    assert Person.objects.get(user=working_member).language == "nn"
    page = working_client.get(reverse("plans:my_tasks")).content.decode()
    assert '<html lang="nn">' in page and "Mine oppgåver" in page and "Mine oppgaver" not in page


def test_the_choice_is_the_users_own_and_others_keep_the_municipalitys(working_client, working_member, steering_client):
    working_client.post(PROFILE, {"weekly_digest": "on", "language": "nn"})
    assert '<html lang="nb">' in steering_client.get(reverse("plans:my_tasks")).content.decode()


def test_the_choice_does_not_change_the_documents(working_client, working_member, gjesdal):
    from tests.plans.test_nynorsk_documents import _lang

    Person.objects.filter(user=working_member).update(language="nn")
    response = working_client.get(reverse("plans:plan_draft_pdf"))
    assert response.status_code == 200 and _lang(response.content) == "nb"


def test_a_bokmal_reader_in_a_nynorsk_municipality_reads_bokmal(working_client, working_member, gjesdal):
    gjesdal.written_standard = "nn"
    gjesdal.save()
    assert '<html lang="nn">' in working_client.get(PROFILE).content.decode()
    Person.objects.filter(user=working_member).update(language="nb")
    page = working_client.get(PROFILE).content.decode()
    assert '<html lang="nb">' in page and "Min profil" in page


def test_an_unknown_written_standard_is_a_norwegian_form_error(working_client, working_member):
    response = working_client.post(PROFILE, {"weekly_digest": "on", "language": "de"})
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert Person.objects.get(user=working_member).language == ""


def test_the_profile_sends_an_anonymous_visitor_to_the_login(client, db):
    response = client.post(PROFILE, {"language": "nn"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
