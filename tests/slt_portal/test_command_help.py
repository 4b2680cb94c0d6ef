"""Every command of the portal explains itself in the municipality's written standard."""

import pytest
from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand
from django.utils import translation

from slt_portal.commands import MunicipalityCommand

PORTAL_APPS = {"participants", "measures", "meetings", "plans", "slt_portal"}
PORTAL_COMMANDS = sorted((name, app) for name, app in get_commands().items() if app in PORTAL_APPS)


def _help(capsys, app, name):
    command = load_command_class(app, name)
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", name, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _english_help(app, name):
    """The command's description and every option's help as written in the code."""
    command = load_command_class(app, name)
    with translation.override("en"):
        parser = BaseCommand.create_parser(command, "manage.py", name)
        texts = [str(parser.description or "")] + [str(action.help or "") for action in parser._actions]
    return [text for text in texts if len(text) > 12]


def test_the_portal_has_its_commands():
    names = {name for name, _app in PORTAL_COMMANDS}
    assert {"import_plan", "render_plan", "create_meetings", "backup", "send_notices"} <= names


@pytest.mark.parametrize(("name", "app"), PORTAL_COMMANDS)
def test_every_portal_command_speaks_the_municipalitys_standard(name, app):
    assert isinstance(load_command_class(app, name), MunicipalityCommand)


@pytest.mark.parametrize(("name", "app"), PORTAL_COMMANDS)
def test_the_help_of_every_command_is_bokmal(capsys, db, name, app):
    text = _help(capsys, app, name)
    assert text.startswith("bruk: manage.py " + name)
    assert "vis denne hjelpen og avslutt" in text
    for english in _english_help(app, name):
        assert " ".join(english.split()) not in " ".join(text.split()), english


def test_the_help_follows_a_nynorsk_municipality(capsys, gjesdal):
    gjesdal.written_standard = "nn"
    gjesdal.save()
    text = _help(capsys, "plans", "render_plan")
    assert "vis denne hjelpa og avslutt" in text
    assert "PDF-fila som skal skrivast" in text
