"""The "does this apply to me?" question flow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckerConfig(AppConfig):
    name = "checker"
    verbose_name = _("Does this apply to me?")

    def ready(self):
        from law.history import keep_history
        from law.roles import allow_editors

        from . import content  # noqa: F401  (registers the edition folder "check" with law.content)
        from .models import FlowDeclaration, FlowText

        keep_history(FlowText)
        keep_history(FlowDeclaration, bookkeeping=False)
        # Words of the flow can be changed, not added: their keys come from the declaration.
        allow_editors("checker", "flowtext", ("change", "view"))
