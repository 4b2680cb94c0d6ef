"""The dashboard, the list and the measure page read a fixed number of queries, however many measures."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from measures.models import Measure, Status, StatusUpdate
from measures.services import status_update_create
from participants.models import Body, Person
from tests.conftest import logged_in

PAGES = {
    "dashboard": (reverse("plans:dashboard"), {}),
    "list": (reverse("measures:measure_list"), {}),
    "list sorted and filtered": (reverse("measures:measure_list"), {"sort": "-latest", "q": "e"}),
    "measure page": (reverse("measures:measure_detail", args=[9]), {}),
    "status updates": (reverse("measures:measure_updates", args=[9]), {}),
    "change history": (reverse("measures:measure_history", args=[9]), {"page": 2}),
}


def filtered_list(plan):
    """The list filtered on everything at once, on its last page."""
    body = Body.objects.get(key="arbeidsgruppe")
    params = {"responsible": f"body-{body.pk}", "focus_area": plan.focus_areas.first().pk, "needs_attention": "on"}
    return reverse("measures:measure_list"), {**params, "q": "e", "sort": "status", "page": "last"}


def count_queries(client, plan):
    counts = {}
    for name, (url, params) in {**PAGES, "list filtered on everything": filtered_list(plan)}.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        counts[name] = len(queries)
    return counts


def add_activity(plan, user, rounds):
    """Status updates and changes of every kind on measure 9, so its timeline and history grow."""
    natteravn = plan.measures.get(number=9)
    body = Body.objects.get(key="arbeidsgruppe")
    for step in range(rounds):
        status = [Status.IN_PROGRESS, Status.DELAYED][step % 2]
        status_update_create(
            measure=natteravn, user=user, status=status, note=f"Runde {step}", date=timezone.localdate()
        )
        natteravn.contact = Person.objects.create(name=f"Kontakt {step}")
        natteravn.save()
        if step % 2:
            natteravn.responsible_bodies.remove(body)
        else:
            natteravn.responsible_bodies.add(body)
        natteravn.focus_areas.set(plan.focus_areas.all()[: step % 3 + 1])


def add_measures(plan, user, how_many):
    measures = bulk_create_with_history(
        [
            Measure(
                plan=plan,
                number=100 + n,
                title=f"Ekstra tiltak {n}",
                description="Beskrivelse",
                responsible_text="SLT-arbeidsgruppe",
                status=Status.values[n % len(Status.values)],
            )
            for n in range(how_many)
        ],
        Measure,
        default_user=user,
    )
    long_ago = timezone.localdate() - datetime.timedelta(days=200)
    bulk_create_with_history(
        [
            StatusUpdate(measure=measure, status=Status.ONGOING, note="Notat", date=long_ago + datetime.timedelta(n))
            for n, measure in enumerate(measures[::3])
        ],
        StatusUpdate,
        default_user=user,
    )
    body = Body.objects.get(key="arbeidsgruppe")
    Measure.responsible_bodies.through.objects.bulk_create(
        [Measure.responsible_bodies.through(measure=measure, body=body) for measure in measures[::2]]
    )


@pytest.mark.parametrize("persona", ["coordinator", "working_member"])
def test_queries_do_not_grow_with_the_number_of_measures_and_updates(persona, request, coordinator, gjesdal):
    user = request.getfixturevalue(persona)
    client = logged_in(user)
    add_activity(gjesdal, coordinator, rounds=2)
    assert gjesdal.measures.count() == 12
    with_12 = count_queries(client, gjesdal)

    add_measures(gjesdal, coordinator, 1188)
    add_activity(gjesdal, coordinator, rounds=20)
    assert gjesdal.measures.count() == 1200
    assert client.get(reverse("measures:measure_list")).context["page"].paginator.count == 1200
    with_1200 = count_queries(client, gjesdal)

    print(f"\nqueries for {persona} at 12 measures: {with_12}; at 1,200 measures: {with_1200}")
    assert with_1200 == with_12
