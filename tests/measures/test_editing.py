import pytest
from django.urls import reverse

from measures.models import FocusArea, Goal, Link, Measure
from participants.models import Body, Person
from tests.conftest import logged_in

EDIT = reverse("measures:measure_edit", args=[9])


def measure_data(client, url=EDIT, **changes):
    """The edit form's current values as the browser would post them, with changes."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = value
    data.update(changes)
    return data


def test_the_coordinator_edits_a_measure_with_bodies_and_contact(coordinator_client, gjesdal):
    body = Body.objects.get(key="arbeidsgruppe")
    contact = Person.objects.create(name="Kari Nordmann")
    area = gjesdal.focus_areas.first()
    data = measure_data(
        coordinator_client,
        title="Natteravner i sentrum",
        responsible_bodies=[str(body.pk)],
        focus_areas=[str(area.pk)],
        contact=str(contact.pk),
    )
    response = coordinator_client.post(EDIT, data)
    assert response.status_code == 302
    measure = gjesdal.measures.get(number=9)
    assert measure.title == "Natteravner i sentrum"
    assert list(measure.responsible_bodies.all()) == [body]
    assert list(measure.focus_areas.all()) == [area]
    assert measure.contact == contact


@pytest.mark.parametrize("persona", ["working_member", "steering_member", "operative_member", "outsider"])
def test_only_the_coordinator_may_edit(persona, request, gjesdal):
    client = logged_in(request.getfixturevalue(persona))
    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, {"title": "X"}).status_code == 403
    assert client.get(reverse("plans:plan_edit")).status_code == 403
    assert client.post(reverse("plans:plan_item_add", args=["mal"]), {"order": 9, "text": "X"}).status_code == 403
    assert gjesdal.measures.get(number=9).title == "Natteravnordning"


def test_the_edit_form_refuses_delete(coordinator_client, gjesdal):
    assert coordinator_client.delete(EDIT).status_code == 405


def test_a_taken_number_is_a_form_error(coordinator_client, gjesdal):
    response = coordinator_client.post(EDIT, measure_data(coordinator_client, number="1"))
    assert response.status_code == 200
    assert "Planen har allerede et tiltak med dette nummeret." in response.content.decode()


def test_saving_over_a_newer_version_is_refused_and_shows_both_versions(coordinator, gjesdal):
    first, second = logged_in(coordinator), logged_in(coordinator)
    mine = measure_data(first, title="Natteravn – min versjon")
    theirs = measure_data(second, title="Natteravn – deres versjon", responsible_text="Frivilligsentralen")
    assert second.post(EDIT, theirs).status_code == 302

    response = first.post(EDIT, mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noen andre har lagret dette mens du redigerte." in page
    conflicts = {c["label"]: (c["theirs"], c["yours"]) for c in response.context["form"].conflicts}
    assert conflicts["Tittel"] == ("Natteravn – deres versjon", "Natteravn – min versjon")
    assert conflicts["Ansvar"] == ("Frivilligsentralen", "Frivilligsentralen og Gjesdal ungdomsskole")
    assert 'value="Natteravn – min versjon"' in page  # what this user typed is kept
    assert gjesdal.measures.get(number=9).title == "Natteravn – deres versjon"

    # The refused form now carries the saved version: saving again is a deliberate choice.
    again = response.context["form"].data.copy()
    assert first.post(EDIT, again).status_code == 302
    assert gjesdal.measures.get(number=9).title == "Natteravn – min versjon"


def test_a_form_without_version_is_treated_as_stale(coordinator_client, gjesdal):
    data = measure_data(coordinator_client, title="Uten versjon")
    del data["version"]
    assert coordinator_client.post(EDIT, data).status_code == 200
    assert gjesdal.measures.get(number=9).title == "Natteravnordning"


def test_the_coordinator_edits_the_plans_chapter_texts(coordinator_client, gjesdal):
    url = reverse("plans:plan_edit")
    data = measure_data(coordinator_client, url, introduction="Ny innledning")
    assert coordinator_client.post(url, data).status_code == 302
    gjesdal.refresh_from_db()
    assert gjesdal.introduction == "Ny innledning"


def test_plan_texts_saved_over_a_newer_version_are_refused(coordinator, gjesdal):
    url = reverse("plans:plan_edit")
    first, second = logged_in(coordinator), logged_in(coordinator)
    mine = measure_data(first, url, knowledge_base="Min kunnskap")
    assert second.post(url, measure_data(second, url, knowledge_base="Deres kunnskap")).status_code == 302
    response = first.post(url, mine)
    assert response.status_code == 200
    labels = [c["label"] for c in response.context["form"].conflicts]
    assert "Kunnskapsgrunnlag" in labels
    gjesdal.refresh_from_db()
    assert gjesdal.knowledge_base == "Deres kunnskap"


@pytest.mark.parametrize(
    ("kind", "model", "changes"),
    [
        ("mal", Goal, {"text": "Nytt mål"}),
        ("satsingsomrade", FocusArea, {"text": "Nytt satsingsområde"}),
        ("lenke", Link, {"title": "Ny lenke"}),
    ],
)
def test_goals_focus_areas_and_links_are_edited_without_lost_updates(coordinator, gjesdal, kind, model, changes):
    item = model.objects.filter(plan=gjesdal).first()
    url = reverse("plans:plan_item_edit", args=[kind, item.pk])
    first, second = logged_in(coordinator), logged_in(coordinator)
    mine = measure_data(first, url, **changes)
    theirs = measure_data(second, url, **{key: f"{value} (deres)" for key, value in changes.items()})
    assert second.post(url, theirs).status_code == 302
    response = first.post(url, mine)
    assert response.status_code == 200
    assert response.context["form"].conflicts
    item.refresh_from_db()
    assert getattr(item, next(iter(changes))).endswith("(deres)")
    assert first.post(url, response.context["form"].data.copy()).status_code == 302
    item.refresh_from_db()
    assert getattr(item, next(iter(changes))) == next(iter(changes.values()))


def test_the_coordinator_adds_a_goal_and_a_measure_link(coordinator_client, gjesdal):
    goals = gjesdal.goals.count()
    response = coordinator_client.post(
        reverse("plans:plan_item_add", args=["mal"]), {"order": 50, "text": "Færre unge i kriminalitet"}
    )
    assert response.status_code == 302
    assert gjesdal.goals.count() == goals + 1
    measure = gjesdal.measures.get(number=9)
    link_url = reverse("plans:plan_item_add", args=["lenke"])
    refused = coordinator_client.post(
        link_url, {"section": "measure", "title": "Natteravn", "url": "https://natteravn.no", "order": 1}
    )
    assert "Velg tiltaket lenken hører til." in refused.content.decode()
    data = {"section": "measure", "measure": measure.number, "title": "Natteravn", "url": "https://natteravn.no"}
    data["order"] = 1
    assert coordinator_client.post(link_url, data).status_code == 302
    assert measure.links.filter(title="Natteravn").exists()


def test_an_unknown_plan_item_kind_is_not_found(coordinator_client, gjesdal):
    assert coordinator_client.get("/tiltak/plan/tull/ny/").status_code == 404


def test_a_goal_order_that_is_taken_is_a_form_error(coordinator_client, gjesdal):
    taken = gjesdal.goals.first().order
    response = coordinator_client.post(reverse("plans:plan_item_add", args=["mal"]), {"order": taken, "text": "X"})
    assert response.status_code == 200
    assert "Et annet punkt har allerede denne plassen i rekkefølgen." in response.content.decode()


def test_editing_a_measure_is_kept_in_its_history(coordinator_client, gjesdal):
    data = measure_data(coordinator_client, title="Natteravn 2")
    coordinator_client.post(EDIT, data)
    record = Measure.history.filter(number=9).first()
    assert record.title == "Natteravn 2" and record.history_user.username == "koordinator"


def test_a_stale_form_that_changes_nothing_the_other_person_changed_is_saved(coordinator, gjesdal):
    first, second = logged_in(coordinator), logged_in(coordinator)
    mine = measure_data(first, title="Samme tittel")
    assert second.post(EDIT, measure_data(second, title="Samme tittel")).status_code == 302
    assert first.post(EDIT, mine).status_code == 302


def test_the_coordinator_deletes_a_goal_by_post_only(coordinator_client, gjesdal):
    goal = gjesdal.goals.first()
    url = reverse("plans:plan_item_delete", args=["mal", goal.pk])
    assert coordinator_client.get(url).status_code == 405
    assert coordinator_client.post(url).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert Goal.history.filter(id=goal.pk, history_type="-").exists()


def test_others_cannot_delete_a_link(working_client, gjesdal):
    link = gjesdal.links.first()
    assert working_client.post(reverse("plans:plan_item_delete", args=["lenke", link.pk])).status_code == 403
    assert Link.objects.filter(pk=link.pk).exists()


def test_a_new_goal_sent_twice_is_saved_once_and_the_second_gets_a_form_error(coordinator_client, gjesdal):
    goals = gjesdal.goals.count()
    url = reverse("plans:plan_item_add", args=["mal"])
    data = {"order": 60, "text": "Trygge nærmiljø"}
    assert coordinator_client.post(url, data).status_code == 302
    second = coordinator_client.post(url, data)
    assert second.status_code == 200
    assert "Et annet punkt har allerede denne plassen i rekkefølgen." in second.content.decode()
    assert gjesdal.goals.count() == goals + 1
