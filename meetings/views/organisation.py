"""The coordinator's pages for the organisation: bodies, their seats and who holds them when, people, series.

Each edit keeps lost updates out (measures.versioning) and shows the object's history. The Django
admin stays for superusers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from participants.history import object_history
from participants.models import Body, Person, Position, SeatTerm
from participants.roles import require_coordinator

from ..models import MeetingSeries
from ..org_forms import BodyForm, MeetingSeriesForm, PersonForm, PositionForm, SeatTermForm
from ..seat_terms import seat_term_add
from .common import series_of_current_plan


def _coordinator(request):
    require_coordinator(request.user)


@login_required
@require_GET
def organisation(request):
    _coordinator(request)
    terms = SeatTerm.objects.select_related("person", "deputy").order_by("-starts_on")
    bodies = Body.objects.prefetch_related(
        Prefetch(
            "positions", Position.objects.select_related("organization").prefetch_related(Prefetch("terms", terms))
        )
    )
    _plan, series_list = series_of_current_plan()
    return render(
        request,
        "meetings/organisation/overview.html",
        {"bodies": bodies, "series_list": series_list, "people": Person.objects.select_related("organization")},
    )


def _edit(request, *, instance, form_class, title, back, template="meetings/organisation/edit.html", **form_kwargs):
    """Show and save a versioned form for one object, inside a transaction with its row locked."""
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Saved."))
        return redirect(back(saved))
    history = object_history(instance) if instance.pk else []
    return render(request, template, {"form": form, "title": title, "history": history, "object": instance})


def _back():
    return lambda saved: "meetings:organisation"


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request, pk):
    _coordinator(request)
    with transaction.atomic():
        body = get_object_or_404(Body.objects.select_for_update(), pk=pk)
        return _edit(
            request, instance=body, form_class=BodyForm, title=_("Body: %(name)s") % {"name": body}, back=_back()
        )


@login_required
@require_http_methods(["GET", "POST"])
def seat_add(request, pk):
    _coordinator(request)
    body = get_object_or_404(Body, pk=pk)
    seat = Position(body=body, order=(body.positions.count() + 1))
    return _edit(
        request, instance=seat, form_class=PositionForm, title=_("New seat in %(body)s") % {"body": body}, back=_back()
    )


@login_required
@require_http_methods(["GET", "POST"])
def seat_edit(request, pk):
    _coordinator(request)
    with transaction.atomic():
        seat = get_object_or_404(Position.objects.select_for_update().select_related("body"), pk=pk)
        return _edit(
            request, instance=seat, form_class=PositionForm, title=_("Seat: %(seat)s") % {"seat": seat}, back=_back()
        )


@login_required
@require_http_methods(["GET", "POST"])
def seat_term_new(request, pk):
    """A new holder for the seat from a date; the open term before it ends the day before."""
    _coordinator(request)
    with transaction.atomic():
        seat = get_object_or_404(Position.objects.select_for_update().select_related("body"), pk=pk)
        term = SeatTerm(position=seat)
        term.closes_open_terms = True
        form = SeatTermForm(request.POST or None, instance=term)
        if request.method == "POST" and form.is_valid():
            seat_term_add(term=form.save(commit=False))
            messages.success(request, _("Saved."))
            return redirect("meetings:organisation")
        title = _("New holder of the seat %(seat)s") % {"seat": seat}
        return render(request, "meetings/organisation/edit.html", {"form": form, "title": title, "history": []})


@login_required
@require_http_methods(["GET", "POST"])
def seat_term_edit(request, pk):
    _coordinator(request)
    with transaction.atomic():
        term = get_object_or_404(SeatTerm.objects.select_for_update().select_related("position__body", "person"), pk=pk)
        title = _("%(person)s in the seat %(seat)s") % {"person": term.person, "seat": term.position}
        return _edit(request, instance=term, form_class=SeatTermForm, title=title, back=_back())


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    _coordinator(request)
    return _edit(request, instance=Person(), form_class=PersonForm, title=_("New person"), back=_back())


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    _coordinator(request)
    with transaction.atomic():
        person = get_object_or_404(Person.objects.select_for_update(), pk=pk)
        return _edit(
            request,
            instance=person,
            form_class=PersonForm,
            title=_("Person: %(name)s") % {"name": person},
            back=_back(),
        )


@login_required
@require_http_methods(["GET", "POST"])
def series_edit(request, pk):
    _coordinator(request)
    with transaction.atomic():
        series = get_object_or_404(MeetingSeries.objects.select_for_update(), pk=pk)
        return _edit(
            request,
            instance=series,
            form_class=MeetingSeriesForm,
            title=_("Meeting series: %(name)s") % {"name": series},
            back=_back(),
        )
