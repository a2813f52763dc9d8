"""The public change log: what changed in the explanations, from the history editors already keep."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangelogConfig(AppConfig):
    name = "changelog"
    verbose_name = _("Change log")

    def ready(self):
        from law.roles import allow_editors

        # Editors hide a trivial change from the public log, or show it again.
        allow_editors("changelog", "loggedchange", ("view", "change"))
