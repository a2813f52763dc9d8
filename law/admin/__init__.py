"""The editors' admin: three-language editing in tabs, publishing, history and no lost updates.

`base` holds what every content admin shares (other apps' admins build on it); each other module
registers the admins of one group of records.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..history import register_models

register_models()  # before the VersionAdmin classes below would register them without exclusions

admin.site.site_header = _("AI law explained: editors")
admin.site.site_title = _("AI law explained: editors")
admin.site.index_title = _("Content")
admin.site.index_template = "admin/lawsite_index.html"

from . import articles, editions, records  # noqa: E402, F401  (register the admins, after the history)
from .base import EditorAdmin, MissingInLanguageFilter, preview_block  # noqa: E402

__all__ = ["EditorAdmin", "MissingInLanguageFilter", "preview_block"]
