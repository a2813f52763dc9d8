"""Editions, with the import of an edition's official text (upload, preview, confirm:
official_import.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from law.models import Edition

from .base import EditorAdmin, preview_block
from .official_import import OfficialTextImport
from .review import ReviewedAdmin


@admin.register(Edition)
class EditionAdmin(OfficialTextImport, ReviewedAdmin, EditorAdmin):
    """An edition's changes (its legal status, dates, links) are reviewed like an article's: one save
    could otherwise make a draft "the law in force"."""

    list_display = ("slug", "short_title", "kind", "legal_status", "in_force_from", "review_state")
    actions = ReviewedAdmin.structure_review_actions
    change_form_template = "admin/law/edition/change_form.html"

    readonly_fields = ("description_preview",)
    fieldsets = (
        (None, {"fields": ("act", "slug", "kind", "legal_status", "number", "position", "superseded_by")}),
        (_("Dates"), {"fields": ("signed_on", "published_on", "in_force_from")}),
        (
            _("Texts"),
            {
                "fields": (
                    "title",
                    "short_title",
                    "official_url",
                    "official_download_url",
                    "description",
                    "description_preview",
                )
            },
        ),
        (_("Official text notes"), {"fields": ("official_notes",)}),
    )

    @admin.display(description=_("Description: preview"))
    def description_preview(self, obj):
        return preview_block(obj, "description_html")
