"""The concordance in the admin: editors correct a row's note in kk, ru and en, through review.

Which articles a row links comes from content/concordance/ (load_content), like the rows themselves:
a next version holds a record's own fields, not its many-to-many links, so the links are shown here,
not edited."""

from django.contrib import admin

from concordance.models import Correspondence

from .base import EditorAdmin, MissingInLanguageFilter
from .review import ReviewedAdmin


@admin.register(Correspondence)
class CorrespondenceAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("key", "earlier_edition", "later_edition", "note", "review_state")
    list_filter = ("later_edition", MissingInLanguageFilter)
    search_fields = ("key", "note_kk", "note_ru", "note_en")
    readonly_fields = ("earlier_edition", "later_edition", "key", "earlier_articles", "later_articles")
    actions = ReviewedAdmin.structure_review_actions
    fieldsets = (
        (None, {"fields": ("earlier_edition", "later_edition", "key", "earlier_articles", "later_articles", "note")}),
    )

    def has_add_permission(self, request):
        # Rows come from content/concordance/; editors correct them rather than add new ones.
        return False
