"""Articles, with their paragraphs and rights and duties inline, publishing, and translation status."""

import reversion
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from modeltranslation.admin import TranslationStackedInline

from editorial.languages import LANGUAGE_CODES
from law.models import Article, Paragraph, RightOrDuty
from review import actions

from .base import (
    ConcurrentInline,
    EditorAdmin,
    LawInForceFirstFilter,
    MissingInLanguageFilter,
    NeedsReviewInFilter,
    preview_block,
)
from .review import ReviewedAdmin
from .termbase import termbase_view
from .translation_status import long_sentences_block, translation_status_view


class ParagraphInline(ConcurrentInline, TranslationStackedInline):
    model = Paragraph
    extra = 0
    classes = ("collapse",)  # folded (<details>): the form is long; a link to a field unfolds it (sources.js)
    fields = ("label", "position", "official_text", "amended_on", "amended_by", "note", "note_needs_review")
    ordering = ("position", "pk")  # law.translation_status.INLINE_ORDER: its links name rows by index


class RightsAndDutiesFormSet(BaseInlineFormSet):
    """Two rows with one key is a form error, not left to the database (a key is unique in its edition;
    each row is checked against the saved ones by the model, not against the rows beside it)."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            key = getattr(form, "cleaned_data", {}).get("key")
            if not key or self._should_delete_form(form):
                continue
            if key in seen:
                form.add_error("key", _("Another row here has this key. Give each right or duty its own key."))
            seen.add(key)


class RightOrDutyInline(ConcurrentInline, TranslationStackedInline):
    model = RightOrDuty
    formset = RightsAndDutiesFormSet
    extra = 0
    classes = ("collapse",)
    fields = ("key", "role", "kind", "paragraph", "applies_if", "position", "text")
    fk_name = "article"
    ordering = ("position", "pk")  # law.translation_status.INLINE_ORDER: its links name rows by index

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "paragraph":
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = (
                Paragraph.objects.filter(article_id=object_id) if object_id else Paragraph.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(ReviewedAdmin, EditorAdmin):
    list_display = (
        "number_display",
        "plain_title",
        "edition",
        "chapter",
        "status",
        "review_state",
        "languages",
        "last_checked",
    )
    list_display_links = ("number_display", "plain_title")
    list_filter = (LawInForceFirstFilter, "chapter", "status", NeedsReviewInFilter, MissingInLanguageFilter)
    save_on_top = True  # the form is 14,000-16,000 px tall: Save at its top too
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
    actions = (*ReviewedAdmin.review_actions, "mark_checked")
    readonly_fields = ("summary_preview", "for_you_preview", "sentences_over_the_bar", "why_review")
    fieldsets = (
        (None, {"fields": ("edition", "chapter", "number", "position", "status", "last_checked")}),
        (_("Review"), {"fields": ("why_review", "needs_review", "review_note")}),
        (_("Titles"), {"fields": ("official_title", "plain_title")}),
        (_("Explanation (Markdown)"), {"fields": ("summary", "for_you")}),
        (_("Official text notes"), {"fields": ("official_notes",), "classes": ("collapse",)}),
        (_("Preview, as last saved"), {"fields": ("summary_preview", "for_you_preview"), "classes": ("collapse",)}),
        (_("Plain language: sentences over the bar, as last saved"), {"fields": ("sentences_over_the_bar",)}),
    )

    @admin.display(description=_("Long sentences"))
    def sentences_over_the_bar(self, obj):
        return long_sentences_block(obj)

    @admin.display(description=_("article"), ordering="position")
    def number_display(self, obj):
        return obj.number

    @admin.display(description=_("languages with an explanation"))
    def languages(self, obj):
        return " ".join(lang for lang in LANGUAGE_CODES if getattr(obj, f"summary_{lang}")) or "—"

    @admin.display(description=_("why it needs review"))
    def why_review(self, obj):
        """What the imports changed, in the editor's language (law.review_reasons)."""
        return (obj.review_reason_text() if obj is not None else "") or "—"

    @admin.display(description=_("In short: preview"))
    def summary_preview(self, obj):
        return preview_block(obj, "summary_html")

    @admin.display(description=_("What this means for you: preview"))
    def for_you_preview(self, obj):
        return preview_block(obj, "for_you_html")

    @admin.action(description=_("Checked against the official text today"), permissions=["change"])
    def mark_checked(self, request, queryset):
        """On a published article the date goes into its next version: readers see it once reviewed."""
        today = timezone.localdate()
        count = waiting = 0
        for article in queryset:
            count += 1
            if actions.is_live(article):
                actions.change_fields(article, request.user, last_checked=today)
                waiting += 1
                continue
            with reversion.create_revision():
                article.last_checked = today
                article.save(update_fields=["last_checked"])
                reversion.set_user(request.user)
                reversion.set_comment(gettext_noop("Checked against the official text"))  # shown translated
            actions.note_change(article, request.user)
        if waiting:
            self.message_user(
                request,
                _("On published articles the date is in their next version: another editor reviews and publishes it."),
            )
        self.message_user(
            request,
            ngettext(
                "%(count)d article marked as checked against the official text on %(date)s.",
                "%(count)d articles marked as checked against the official text on %(date)s.",
                count,
            )
            % {"count": count, "date": date_format(today)},
        )

    def get_urls(self):
        extra = [
            path(
                "translation-status/",
                self.admin_site.admin_view(self.translation_status_view),
                name="law_article_translation_status",
            ),
            path("termbase/", self.admin_site.admin_view(self.termbase_view), name="law_article_termbase"),
        ]
        return extra + super().get_urls()

    def translation_status_view(self, request):
        return translation_status_view(self, request)

    def termbase_view(self, request):
        return termbase_view(self, request)
