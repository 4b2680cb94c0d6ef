"""The base of the portal's management commands: they speak the municipality's written standard."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.utils import translation


def municipality_language():
    """The municipality's written standard; the default one while there is no plan table yet."""
    try:
        return apps.get_model("measures", "ActionPlan").objects.written_standard()
    except DatabaseError:
        return settings.LANGUAGE_CODE


class MunicipalityCommand(BaseCommand):
    """A command whose messages and errors are in the municipality's written standard."""

    def execute(self, *args, **options):
        with translation.override(municipality_language()):
            return super().execute(*args, **options)
