"""The question flow's words in the admin, in kk, ru and en."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from checker.models import FlowText

from .base import EditorAdmin, MissingInLanguageFilter, preview_block
from .review import ReviewedAdmin


@admin.register(FlowText)
class FlowTextAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("key", "edition", "text", "review_state")
    actions = ReviewedAdmin.structure_review_actions
    list_filter = ("edition", MissingInLanguageFilter)
    search_fields = ("key", "text_kk", "text_ru", "text_en")
    readonly_fields = ("edition", "key", "text_preview")
    fieldsets = ((None, {"fields": ("edition", "key", "text", "text_preview")}),)

    def has_add_permission(self, request):
        # The keys are declared by checker.flow; editors change words, not structure.
        return False

    @admin.display(description=_("Preview"))
    def text_preview(self, obj):
        return preview_block(obj, "text_html")
