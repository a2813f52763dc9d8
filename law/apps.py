"""The law browser: editions, chapters, articles, paragraphs, glossary and pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "law"
    verbose_name = _("The law")
