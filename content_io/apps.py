"""The content files: reading `content/` into the database and writing it back (load_content,
export_content, content_report). It sits above the apps whose records it reads and writes (law,
checker, concordance, official) and imports them directly."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentIoConfig(AppConfig):
    name = "content_io"
    verbose_name = _("Content files")
