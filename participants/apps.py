from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from .collation import register_collation


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        connection_created.connect(register_collation, dispatch_uid="participants.collation")
