"""Chapters, rights and duties, glossary terms, pages and the act."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from editorial.languages import LANGUAGE_CODES

from ..models import Act, Chapter, GlossaryTerm, Page, RightOrDuty, Status
from .base import EditorAdmin, MissingInLanguageFilter, preview_block


@admin.register(Chapter)
class ChapterAdmin(EditorAdmin):
    list_display = ("__str__", "title", "edition", "is_official", "position")
    list_filter = ("edition", "is_official", MissingInLanguageFilter)
    fieldsets = ((None, {"fields": ("edition", "key", "number", "is_official", "position", "title")}),)


@admin.register(RightOrDuty)
class RightOrDutyAdmin(EditorAdmin):
    list_display = ("key", "role", "kind", "article", "paragraph", "applies_if")
    list_filter = ("role", "kind", "article__edition", MissingInLanguageFilter)
    search_fields = ("key", *[f"text_{lang}" for lang in LANGUAGE_CODES])
    list_select_related = ("article__edition", "paragraph")
    fieldsets = ((None, {"fields": ("key", "article", "paragraph", "role", "kind", "applies_if", "position", "text")}),)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(EditorAdmin):
    list_display = ("slug", "name", "article")
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


@admin.register(Page)
class PageAdmin(EditorAdmin):
    list_display = ("slug", "title", "status", "last_checked")
    list_filter = ("status", MissingInLanguageFilter)
    search_fields = ("slug", *[f"{n}_{lang}" for n in ("title", "body") for lang in LANGUAGE_CODES])
    readonly_fields = ("body_preview",)
    actions = ("publish",)
    fieldsets = ((None, {"fields": ("slug", "status", "last_checked", "title", "body", "body_preview")}),)

    @admin.display(description=_("Body: preview"))
    def body_preview(self, obj):
        return preview_block(obj, "body_html")

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        for page in queryset:
            page.status = Status.PUBLISHED
            page.save(update_fields=["status"])

    def view_on_site(self, obj):
        slug_urls = {"home": "law:home", "committee": "law:committee", "liability": "law:liability"}
        return reverse(slug_urls[obj.slug]) if obj.slug in slug_urls else None


@admin.register(Act)
class ActAdmin(VersionAdmin, TabbedTranslationAdmin):
    list_display = ("slug", "title")
