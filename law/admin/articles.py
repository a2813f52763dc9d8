"""Articles, with their paragraphs and rights and duties inline, publishing, and translation status."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from editorial.languages import LANGUAGE_CODES

from ..editing import translation_matrix
from ..models import Article, GlossaryTerm, Page, Paragraph, RightOrDuty, Status
from .base import ConcurrentInline, EditorAdmin, MissingInLanguageFilter, preview_block


class ParagraphInline(ConcurrentInline, TranslationStackedInline):
    model = Paragraph
    extra = 0
    fields = ("label", "position", "official_text", "note", "note_needs_review")
    ordering = ("position",)


class RightOrDutyInline(ConcurrentInline, TranslationStackedInline):
    model = RightOrDuty
    extra = 0
    fields = ("key", "role", "kind", "paragraph", "applies_if", "position", "text")
    fk_name = "article"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "paragraph":
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = (
                Paragraph.objects.filter(article_id=object_id) if object_id else Paragraph.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(EditorAdmin):
    list_display = ("number_display", "plain_title", "edition", "chapter", "status", "languages", "last_checked")
    list_display_links = ("number_display", "plain_title")
    list_filter = ("edition", "chapter", "status", "needs_review", MissingInLanguageFilter)
    search_fields = (
        "=number",
        *[
            f"{name}_{lang}"
            for name in ("plain_title", "official_title", "summary", "for_you")
            for lang in LANGUAGE_CODES
        ],
        *[f"paragraphs__{name}_{lang}" for name in ("official_text", "note") for lang in LANGUAGE_CODES],
    )
    list_select_related = ("edition", "chapter")
    ordering = ("edition", "position")
    inlines = (ParagraphInline, RightOrDutyInline)
    actions = ("send_to_review", "publish", "back_to_draft")
    readonly_fields = ("summary_preview", "for_you_preview")
    fieldsets = (
        (None, {"fields": ("edition", "chapter", "number", "position", "status", "last_checked")}),
        (_("Review"), {"fields": ("needs_review", "review_note")}),
        (_("Titles"), {"fields": ("official_title", "plain_title")}),
        (_("Explanation (Markdown)"), {"fields": ("summary", "for_you")}),
        (_("Official text notes"), {"fields": ("official_notes",), "classes": ("collapse",)}),
        (_("Preview, as last saved"), {"fields": ("summary_preview", "for_you_preview"), "classes": ("collapse",)}),
    )

    @admin.display(description=_("article"), ordering="position")
    def number_display(self, obj):
        return obj.number

    @admin.display(description=_("languages with an explanation"))
    def languages(self, obj):
        return " ".join(lang for lang in LANGUAGE_CODES if getattr(obj, f"summary_{lang}")) or "—"

    @admin.display(description=_("In short: preview"))
    def summary_preview(self, obj):
        return preview_block(obj, "summary_html")

    @admin.display(description=_("What this means for you: preview"))
    def for_you_preview(self, obj):
        return preview_block(obj, "for_you_html")

    def set_status(self, request, queryset, status):
        count = 0
        for article in queryset:
            article.status = status
            article.save(update_fields=["status"])
            count += 1
        message = ngettext(
            "%(count)d article is now: %(status)s.", "%(count)d articles are now: %(status)s.", count
        ) % {"count": count, "status": Status(status).label}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Send to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        self.set_status(request, queryset, Status.REVIEW)

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        self.set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description=_("Back to draft"), permissions=["change"])
    def back_to_draft(self, request, queryset):
        self.set_status(request, queryset, Status.DRAFT)

    def get_urls(self):
        extra = [
            path(
                "translation-status/",
                self.admin_site.admin_view(self.translation_status_view),
                name="law_article_translation_status",
            )
        ]
        return extra + super().get_urls()

    def translation_status_view(self, request):
        articles = (
            Article.objects.select_related("edition", "chapter")
            .prefetch_related("paragraphs", "rights_and_duties")
            .order_by("edition__position", "position")
        )
        rows = translation_matrix(articles)
        others = []
        for model, label in ((GlossaryTerm, _("Glossary terms")), (Page, _("Pages"))):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            counts = []
            for lang in LANGUAGE_CODES:
                counts.append((lang, model.objects.filter(model.missing_in(lang)).count(), f"{url}?missing={lang}"))
            others.append({"label": label, "counts": counts})
        # Explanations of an enacted law that no editor has yet checked against its official text.
        unchecked = [row.article for row in rows if row.article.edition.kind == "law" and not row.article.last_checked]
        official_changed = [row.article for row in rows if row.article.needs_review and row.article.official_changed_on]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "rows": rows,
            "official_changed": official_changed,
            "unchecked": unchecked,
            "languages": LANGUAGE_CODES,
            "others": others,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/law/translation_status.html", context)
