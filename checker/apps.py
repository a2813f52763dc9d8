"""The "does this apply to me?" question flow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckerConfig(AppConfig):
    name = "checker"
    verbose_name = _("Does this apply to me?")

    def ready(self):
        from law.content import register_folder

        from .content import FlowTextFolder

        register_folder("checker", FlowTextFolder())
