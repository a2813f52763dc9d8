"""Search across the law, its explanations and the glossary, in kk, ru and en."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .index import build_if_empty, connect_signals

        connect_signals()
        # A database that had content before the index existed gets it at its next migrate.
        post_migrate.connect(build_if_empty, sender=self, dispatch_uid="search_build_if_empty")
