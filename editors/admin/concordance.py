"""The concordance in the admin: editors correct which articles a row links and its note in kk, ru
and en, through review (a next version carries the links too: review.snapshot)."""

from django.contrib import admin

from concordance.models import Correspondence
from law.models import Article

from .base import EditorAdmin, MissingInLanguageFilter
from .review import ReviewedAdmin


@admin.register(Correspondence)
class CorrespondenceAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("key", "earlier_edition", "later_edition", "note", "review_state")
    list_filter = ("later_edition", MissingInLanguageFilter)
    search_fields = ("key", "note_kk", "note_ru", "note_en")
    readonly_fields = ("earlier_edition", "later_edition", "key")
    filter_horizontal = ("earlier_articles", "later_articles")
    actions = ReviewedAdmin.structure_review_actions
    fieldsets = (
        (None, {"fields": ("earlier_edition", "later_edition", "key", "earlier_articles", "later_articles", "note")}),
    )

    def has_add_permission(self, request):
        # Rows come from content/concordance/; editors correct them rather than add new ones.
        return False

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Each side offers only its own edition's articles.
        object_id = str(request.resolver_match.kwargs.get("object_id") or "")
        row = Correspondence.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if row is not None:
            edition = row.earlier_edition if db_field.name == "earlier_articles" else row.later_edition
            kwargs["queryset"] = Article.objects.filter(edition=edition).order_by("position")
        return super().formfield_for_manytomany(db_field, request, **kwargs)
