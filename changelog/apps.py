"""The public change log: what changed in the explanations, written when each change is saved."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangelogConfig(AppConfig):
    name = "changelog"
    verbose_name = _("Change log")

    def ready(self):
        from reversion.signals import post_revision_commit

        from .writer import on_revision_commit

        post_revision_commit.connect(on_revision_commit, dispatch_uid="changelog.writer")
