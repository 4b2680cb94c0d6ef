"""The written standard of each page: the user's own choice, else the municipality's (its plan's).

Stands in for Django's LocaleMiddleware: the browser's Accept-Language plays no part, since a
municipality writes bokmål or nynorsk by decision, not by the reader's browser settings.
"""

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from measures.models import ActionPlan
from participants.models import Person


def page_language(request):
    """The user's chosen written standard, else the municipality's (the current plan's): one query."""
    plans = ActionPlan.objects.current_first()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return plans.values_list("written_standard", flat=True).first() or settings.LANGUAGE_CODE
    own = Person.objects.filter(user=user).values("language")[:1]
    row = plans.annotate(own=Subquery(own)).values_list("own", "written_standard").first()
    if row is None:  # no plan yet
        row = (Person.objects.filter(user=user).values_list("language", flat=True).first(), None)
    return row[0] or row[1] or settings.LANGUAGE_CODE


class WrittenStandardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == reverse("healthz"):
            # The health check speaks no language and must not wait for the database twice.
            return self.get_response(request)
        try:
            language = page_language(request)
        except DatabaseError:
            # The database is down or hung: /healthz must still say so, in the default standard.
            language = settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Restored afterwards: the next request, or code run after it in this thread, starts afresh.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
