"""From one edition to the next: which article became which, with a plain note on what changed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConcordanceConfig(AppConfig):
    name = "concordance"
    verbose_name = _("From draft to law")

    def ready(self):
        from editorial.history import keep_history

        from . import signals  # noqa: F401  (connects the handlers)
        from .models import Correspondence

        keep_history(Correspondence)
