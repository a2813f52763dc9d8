"""The editors' tools: the admin of every app's records (three-language editing, review and
publishing, history and restore, translation status, the official text's import). It sits above
the apps whose records it edits and imports them directly."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    name = "editors"
    verbose_name = _("Editors' tools")
