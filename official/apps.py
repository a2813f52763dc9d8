"""The official text: importing it (a file, or fetched from Adilet), its versions and what changed
between them, and the daily watch for amendments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialConfig(AppConfig):
    name = "official"
    verbose_name = _("Official text")
