"""The base of the portal's management commands: they speak the municipality's written standard.

Messages, errors and `--help` alike: the help texts are lazy strings, turned into words when the
parser is made, and the options Django and argparse add to every command get the portal's own
translations, which Django's catalogue does not have.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, DjangoHelpFormatter
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

# The help of the options every command gets from Django and argparse, by their English text.
STANDARD_OPTION_HELP = {
    "show this help message and exit": gettext_lazy("show this help message and exit"),
    "Show program's version number and exit.": gettext_lazy("Show program's version number and exit."),
    "Verbosity level; 0=minimal output, 1=normal output, 2=verbose output, 3=very verbose output": gettext_lazy(
        "Verbosity level; 0=minimal output, 1=normal output, 2=verbose output, 3=very verbose output"
    ),
    (
        'The Python path to a settings module, e.g. "myproject.settings.main". If this isn\'t provided, the '
        "DJANGO_SETTINGS_MODULE environment variable will be used."
    ): gettext_lazy(
        'The Python path to a settings module, e.g. "myproject.settings.main". If this isn\'t provided, the '
        "DJANGO_SETTINGS_MODULE environment variable will be used."
    ),
    'A directory to add to the Python path, e.g. "/home/djangoprojects/myproject".': gettext_lazy(
        'A directory to add to the Python path, e.g. "/home/djangoprojects/myproject".'
    ),
    "Display a full stack trace on CommandError exceptions.": gettext_lazy(
        "Display a full stack trace on CommandError exceptions."
    ),
    "Don't colorize the command output.": gettext_lazy("Don't colorize the command output."),
    "Force colorization of the command output.": gettext_lazy("Force colorization of the command output."),
    "Skip system checks.": gettext_lazy("Skip system checks."),
}


def municipality_language():
    """The municipality's written standard; the default one while there is no plan table yet."""
    try:
        return apps.get_model("measures", "ActionPlan").objects.written_standard()
    except DatabaseError:
        return settings.LANGUAGE_CODE


class MunicipalityHelpFormatter(DjangoHelpFormatter):
    """Django's help layout with a translated "usage:" line."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=prefix or gettext("usage: "))


class MunicipalityCommand(BaseCommand):
    """A command whose help, messages and errors are in the municipality's written standard."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse wants plain strings: the lazy texts are turned into the municipality's words here.
        kwargs.setdefault("formatter_class", MunicipalityHelpFormatter)
        with translation.override(municipality_language()):
            parser = super().create_parser(prog_name, subcommand, **kwargs)
            parser.description = str(parser.description) if parser.description else None
            parser._positionals.title = gettext("positional arguments")
            parser._optionals.title = gettext("options")
            for action in parser._actions:
                if action.help:
                    action.help = str(STANDARD_OPTION_HELP.get(str(action.help), action.help))
        return parser

    def execute(self, *args, **options):
        with translation.override(municipality_language()):
            return super().execute(*args, **options)
