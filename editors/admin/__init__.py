"""The editors' admin: three-language editing in tabs, publishing, history and no lost updates.

`base` holds what every content admin shares; each other module registers the admins of one group
of records (law's `articles`, `editions`, `records`; `checker`, `concordance`, `official`) or one
tool (`review`: next versions and their review; `my_work`: what waits for each editor;
`translation_status`; `history_compare`). The
feedback and change-log apps keep their own small admins: they build on nothing here. `sign_ins`
mends django-axes' admin of failed sign-ins.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from law.history import register_models

register_models()  # before the VersionAdmin classes below would register them without exclusions

admin.site.site_header = _("AI law explained: editors")
admin.site.site_title = _("AI law explained: editors")
admin.site.index_title = _("Content")
admin.site.index_template = "admin/lawsite_index.html"

from . import articles, checker, concordance, editions, my_work, official, records, review, sign_ins  # noqa: E402, F401  (register the admins, after the history)
from .base import EditorAdmin, MissingInLanguageFilter, preview_block  # noqa: E402

__all__ = ["EditorAdmin", "MissingInLanguageFilter", "preview_block"]
