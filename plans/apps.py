from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """The plan as a whole: no models of its own, views and documents over the other apps' models."""

    name = "plans"
    verbose_name = _("The plan")
