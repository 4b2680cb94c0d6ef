"""The access policy's rows for the organisation pages (bodies, seats, seat terms, people, series)."""

from django.utils import timezone

from .conftest import form_data


def _body():
    from participants.models import Body

    return Body.objects.get(key="arbeidsgruppe")


def _term():
    from participants.models import SeatTerm

    return SeatTerm.objects.filter(position__body__key="arbeidsgruppe").first()


def _org_data(form_class, instance):
    return form_data(form_class(instance=instance))


def org_cases():
    """The coordinator's organisation pages: only the coordinator reads and changes them."""
    from meetings.org_forms import BodyForm, MeetingSeriesForm, PersonForm, PositionForm, SeatTermForm

    from .access_policy import REDIRECT, Case, coordinator_only, logged_in

    edit = {"GET": coordinator_only(200), "POST": coordinator_only(REDIRECT)}
    return {
        "meetings:organisation": Case(GET=coordinator_only(200), POST=logged_in(405)),
        "meetings:body_edit": Case(
            kwargs=lambda world: {"pk": _body().pk}, data=lambda world: _org_data(BodyForm, _body()), **edit
        ),
        "meetings:seat_add": Case(
            kwargs=lambda world: {"pk": _body().pk}, data=lambda world: {"title": "Nytt sete", "order": "20"}, **edit
        ),
        "meetings:seat_edit": Case(
            kwargs=lambda world: {"pk": _term().position_id},
            data=lambda world: _org_data(PositionForm, _term().position),
            **edit,
        ),
        "meetings:seat_term_new": Case(
            kwargs=lambda world: {"pk": _term().position_id},
            data=lambda world: {"person": str(_term().person_id), "starts_on": (timezone.localdate()).isoformat()},
            **edit,
        ),
        "meetings:seat_term_edit": Case(
            kwargs=lambda world: {"pk": _term().pk}, data=lambda world: _org_data(SeatTermForm, _term()), **edit
        ),
        "meetings:person_add": Case(data=lambda world: {"name": "Ny Person", "email": "ny@example.org"}, **edit),
        "meetings:person_edit": Case(
            kwargs=lambda world: {"pk": _term().person_id},
            data=lambda world: _org_data(PersonForm, _term().person),
            **edit,
        ),
        "meetings:series_edit": Case(
            kwargs=lambda world: {"pk": world.working_meeting.series_id},
            data=lambda world: _org_data(MeetingSeriesForm, world.working_meeting.series),
            **edit,
        ),
    }
