from django.urls import reverse
from django.utils import timezone

from measures.models import Status
from measures.services import status_update_create
from participants.models import Body, Organization

DETAIL = reverse("measures:measure_detail", args=[9])


def test_a_user_without_a_role_is_refused_the_measure_page(outsider_client):
    assert outsider_client.get(DETAIL).status_code == 403


def test_the_measure_page_refuses_post(coordinator_client):
    assert coordinator_client.post(DETAIL).status_code == 405


def test_an_unknown_measure_number_is_not_found(coordinator_client):
    assert coordinator_client.get(reverse("measures:measure_detail", args=[99])).status_code == 404


def test_the_measure_page_shows_fields_timeline_and_links(steering_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    status_update_create(
        measure=natteravn,
        user=coordinator,
        status=Status.IN_PROGRESS,
        note="Oppstart med seks voksne",
        date=timezone.localdate(),
    )
    response = steering_client.get(DETAIL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "9. Natteravnordning" in page
    assert natteravn.description.splitlines()[0][:40] in page
    assert "Frivilligsentralen og Gjesdal ungdomsskole" in page
    assert "Oppstart med seks voksne" in page
    assert timezone.localdate().strftime("%d.%m.%Y") in page
    assert "Koordinator" in page
    for link in natteravn.links.all():
        assert link.url in page
    # the steering group reads only
    assert response.context["status_form"] is None
    assert "Ny statusoppdatering" not in page


def test_the_change_history_shows_norwegian_field_names_and_status_labels(coordinator_client, coordinator, gjesdal):
    natteravn = gjesdal.measures.get(number=9)
    status_update_create(
        measure=natteravn, user=coordinator, status=Status.IN_PROGRESS, note="", date=timezone.localdate()
    )
    natteravn.responsible_bodies.add(Body.objects.get(key="arbeidsgruppe"))
    changes = coordinator_client.get(DETAIL).context["changes"]
    fields = [(c["field"], c["old"], c["new"]) for entry in changes for c in entry["changes"]]
    assert ("status", "Planlagt", "Pågår") in fields
    assert ("ansvarlige organer", "–", "Arbeidsgruppe") in fields
    assert changes[-1]["action"] == "opprettet"


def test_the_measure_page_shows_the_latest_ten_updates_and_changes_and_links_to_all(
    working_client, coordinator, gjesdal
):
    from tests.measures.test_query_counts import add_activity

    add_activity(gjesdal, coordinator, rounds=14)  # 14 status updates and 40-odd changes on measure 9
    page = working_client.get(reverse("measures:measure_detail", args=[9]))

    assert len(page.context["updates"]) == 10
    assert [entry["when"] for entry in page.context["changes"]] == sorted(
        (entry["when"] for entry in page.context["changes"]), reverse=True
    )
    assert len(page.context["changes"]) <= 10
    text = page.content.decode()
    assert "Alle 14 statusoppdateringer" in text
    assert reverse("measures:measure_history", args=[9]) in text


def test_the_status_updates_page_pages_through_every_update_newest_first(working_client, coordinator, gjesdal):
    from tests.measures.test_query_counts import add_activity

    add_activity(gjesdal, coordinator, rounds=30)
    address = reverse("measures:measure_updates", args=[9])
    first, second = working_client.get(address), working_client.get(address, {"page": 2})

    notes = [update.note for update in first.context["page"]] + [update.note for update in second.context["page"]]
    assert notes == [f"Runde {step}" for step in range(29, -1, -1)]
    assert 'href="?page=2"' in first.content.decode()


def test_the_change_history_pages_show_every_change_once(working_client, coordinator, gjesdal):
    from tests.measures.test_query_counts import add_activity

    add_activity(gjesdal, coordinator, rounds=12)
    address = reverse("measures:measure_history", args=[9])
    total = gjesdal.measures.get(number=9).history.count()
    pages = (total + 24) // 25
    seen = []
    for number in range(1, pages + 1):
        response = working_client.get(address, {"page": number})
        assert response.status_code == 200
        seen += [entry["when"] for entry in response.context["changes"]]
    assert len(seen) == len(set(seen)) and seen == sorted(seen, reverse=True)
    assert pages >= 2
    assert working_client.get(address, {"page": "x"}).status_code == 200


def test_the_measure_page_names_bodies_in_their_order_organizations_alphabetically_and_focus_areas(
    working_client, natteravn, gjesdal
):
    bodies = list(Body.objects.order_by("order", "name")[:2])
    natteravn.responsible_bodies.set(bodies)
    natteravn.responsible_organizations.set(
        [
            Organization.objects.create(key="apen", name="Åpen barnehage"),
            Organization.objects.create(key="aerlig", name="Ærlig talt"),
            Organization.objects.create(key="zinken", name="Zinken"),
        ]
    )
    areas = list(gjesdal.focus_areas.order_by("order")[:2])
    natteravn.focus_areas.set(areas)

    page = working_client.get(DETAIL).content.decode()

    assert f"{bodies[0].name}, {bodies[1].name}" in page
    assert "Zinken, Ærlig talt, Åpen barnehage" in page  # æ, ø, å after z, and in that order
    assert page.index(areas[0].text) < page.index(areas[1].text)


def test_a_measure_without_parties_or_focus_areas_shows_dashes(working_client, natteravn):
    natteravn.responsible_bodies.clear()
    natteravn.responsible_organizations.clear()
    natteravn.focus_areas.clear()
    page = working_client.get(DETAIL).content.decode()
    assert page.count('<dd class="col-sm-8">–</dd>') >= 3


def test_the_status_form_on_the_measure_page_starts_at_the_current_status_and_today(coordinator_client, natteravn):
    page = coordinator_client.get(DETAIL).content.decode()
    assert f'<option value="{natteravn.status}" selected>' in page
    assert f'name="date" id="id_date" value="{timezone.localdate().isoformat()}"' in page
    assert 'name="note" id="id_note"' in page and 'aria-describedby="id_note_helptext"' in page
    assert page.count(" selected>") == 1
