"""Chapters, rights and duties, glossary terms, pages and the act."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.errors import RevertError

from editorial.languages import LANGUAGE_CODES
from law.models import Act, Article, Chapter, EverydayWord, GlossaryTerm, Page, RightOrDuty
from review import actions

from .base import EditorAdmin, MissingInLanguageFilter, preview_block
from .history_compare import HistoryCompareMixin
from .review import ReviewedAdmin


@admin.register(Chapter)
class ChapterAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("__str__", "title", "edition", "is_official", "position", "review_state")
    actions = ReviewedAdmin.structure_review_actions
    list_filter = ("edition", "is_official", MissingInLanguageFilter)
    fieldsets = ((None, {"fields": ("edition", "key", "number", "is_official", "position", "title")}),)


@admin.register(RightOrDuty)
class RightOrDutyAdmin(EditorAdmin):
    list_display = ("key", "role", "kind", "article", "paragraph", "applies_if")
    list_filter = ("role", "kind", "article__edition", MissingInLanguageFilter)
    search_fields = ("key", *[f"text_{lang}" for lang in LANGUAGE_CODES])
    list_select_related = ("article__edition", "paragraph")
    fieldsets = ((None, {"fields": ("key", "article", "paragraph", "role", "kind", "applies_if", "position", "text")}),)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A published article changes through its reviewed next version, on the article's own page:
        # a right or duty of it is edited there, among the article's rows.
        item = self.get_object(request, unquote(object_id))
        if item is not None and item.article.is_published:
            return self.to_the_articles_page(request, item.article)
        return super().change_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Neither a restore of a published article's row nor one that would move a row onto one.
        item = self.get_object(request, unquote(object_id))
        stored = stored_article(self.own_version(version_id, unquote(object_id)))
        for article in (item.article if item is not None else None, stored):
            if article is not None and article.is_published:
                return self.to_the_articles_page(request, article)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        article = stored_article(self.own_version(version_id))
        if article is not None and article.is_published:
            return self.to_the_articles_page(request, article)
        return super().recover_view(request, version_id, extra_context)

    def to_the_articles_page(self, request, article):
        self.message_user(
            request,
            _("“%(article)s” is published: change this right or duty here, in the article's next version.")
            % {"article": article},
            messages.INFO,
        )
        url = reverse("admin:law_article_change", args=[article.pk])
        return redirect(f"{url}#rights_and_duties-group")

    # A right or duty of a published article changes only in the article's reviewed next version: here
    # it can be neither changed, deleted, restored nor moved onto a published article.
    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.article.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.article.is_published:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = Article.objects.not_published().select_related("edition")
            kwargs["help_text"] = _(
                "Articles not yet published. A published article's rights and duties change on its own page."
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        actions.note_change(obj.article, request.user)  # the article's last editor, for its review


def stored_article(version):
    """The article a stored version of a right or duty belongs to (None: gone, or unreadable)."""
    try:
        article_id = version.field_dict.get("article_id")
    except (RevertError, LookupError, ValueError):
        return None
    return Article.objects.filter(pk=article_id).first()


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("slug", "name", "article", "review_state")
    actions = ReviewedAdmin.structure_review_actions
    list_filter = ("edition", MissingInLanguageFilter)
    search_fields = ("slug", *[f"{n}_{lang}" for n in ("name", "definition", "also_called") for lang in LANGUAGE_CODES])
    readonly_fields = ("definition_preview",)
    fieldsets = (
        (None, {"fields": ("edition", "slug", "position", "article", "name", "definition", "definition_preview")}),
        (_("Words people also use"), {"fields": ("also_called",)}),
    )

    @admin.display(description=_("Definition: preview"))
    def definition_preview(self, obj):
        return preview_block(obj, "definition_html")


@admin.register(EverydayWord)
class EverydayWordAdmin(ReviewedAdmin, EditorAdmin):
    """The words people type and the law's words they mean: search finds the second by the first."""

    list_display = ("key", "typed", "finds", "review_state")
    list_filter = (MissingInLanguageFilter,)
    search_fields = ("key", *[f"{n}_{lang}" for n in ("typed", "finds") for lang in LANGUAGE_CODES])
    actions = ReviewedAdmin.structure_review_actions
    fieldsets = ((None, {"fields": ("key", "position", "typed", "finds")}),)


@admin.register(Page)
class PageAdmin(ReviewedAdmin, EditorAdmin):
    list_display = ("slug", "title", "status", "review_state", "last_checked")
    list_filter = ("status", MissingInLanguageFilter)
    search_fields = ("slug", *[f"{n}_{lang}" for n in ("title", "body") for lang in LANGUAGE_CODES])
    readonly_fields = ("body_preview",)
    actions = ReviewedAdmin.review_actions
    fieldsets = ((None, {"fields": ("slug", "status", "last_checked", "title", "body", "body_preview")}),)

    @admin.display(description=_("Body: preview"))
    def body_preview(self, obj):
        return preview_block(obj, "body_html")

    def view_on_site(self, obj):
        return reverse("law:home") if obj.slug == "home" else obj.get_absolute_url()


@admin.register(Act)
class ActAdmin(HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin):
    """The act's title; changed by administrators only (settings.EDITOR_PERMISSIONS)."""

    list_display = ("slug", "title")
