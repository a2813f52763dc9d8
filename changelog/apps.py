"""The public change log: what changed in the explanations, written when each change is saved."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangelogConfig(AppConfig):
    name = "changelog"
    verbose_name = _("Change log")

    def ready(self):
        from reversion.signals import post_revision_commit

        from law.roles import allow_editors

        from .writer import on_revision_commit

        # Editors hide a trivial change from the public log, or show it again.
        allow_editors("changelog", "loggedchange", ("view", "change"))
        post_revision_commit.connect(on_revision_commit, dispatch_uid="changelog.writer")
