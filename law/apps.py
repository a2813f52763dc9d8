"""The law browser: editions, chapters, articles, paragraphs, glossary and pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "law"
    verbose_name = _("The law")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from editorial import glossary_source
        from editorial.models import EditableContent

        from .changes import register_follow_up
        from .glossary import connect_signals, linkable_terms, relink_all
        from .history import register_models
        from .models import Act
        from .restore import keep_restores_in_step
        from .roles import sync_editors_group
        from .signals import connect

        register_models()
        keep_restores_in_step()  # a restore from history keeps search, HTML and tracking in step
        # Every change to content empties the page cache (law.signals).
        connect([m for m in apps.get_models() if issubclass(m, EditableContent) or m is Act])
        connect_signals()
        glossary_source.register(linkable_terms)
        register_follow_up(relink_all)
        # Models added by later migrations get their permissions into the Editors group too.
        post_migrate.connect(lambda **kwargs: sync_editors_group(), sender=self, weak=False)
