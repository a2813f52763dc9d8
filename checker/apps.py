"""The "does this apply to me?" question flow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckerConfig(AppConfig):
    name = "checker"
    verbose_name = _("Does this apply to me?")

    def ready(self):
        from editorial.history import keep_history
        from law.record_rules import add_rule

        from .models import FlowDeclaration, FlowText
        from .record_rules import right_or_duty_errors

        keep_history(FlowText)
        add_rule(right_or_duty_errors)  # the flow must not lose a record to an edit
        keep_history(FlowDeclaration, bookkeeping=False)
