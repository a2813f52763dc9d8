"""The law browser: editions, chapters, articles, paragraphs, glossary and pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "law"
    verbose_name = _("The law")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .glossary import connect_signals
        from .history import register_models
        from .roles import sync_editors_group

        register_models()
        connect_signals()
        # Models added by later migrations get their permissions into the Editors group too.
        post_migrate.connect(lambda **kwargs: sync_editors_group(), sender=self, weak=False)
