"""Which fields of the law's models exist in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Act, Article, Chapter, Edition, EverydayWord, GlossaryTerm, Page, Paragraph, RightOrDuty

# Fallbacks are off for every field (settings.MODELTRANSLATION_FALLBACK_LANGUAGES): a missing
# Kazakh text stays missing instead of showing Russian under a Kazakh heading.


@register(Act)
class ActTranslation(TranslationOptions):
    fields = ("title",)


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = (
        "title",
        "short_title",
        "description",
        "description_html",
        "official_url",
        "official_download_url",
        "official_notes",
    )


@register(Chapter)
class ChapterTranslation(TranslationOptions):
    fields = ("title",)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = (
        "official_title",
        "plain_title",
        "summary",
        "summary_html",
        "for_you",
        "for_you_html",
        "official_notes",
        # Each language's explanation is checked by its own editor after the official text changed.
        "needs_review",
    )


@register(Paragraph)
class ParagraphTranslation(TranslationOptions):
    fields = ("official_text", "note", "note_html")


@register(RightOrDuty)
class RightOrDutyTranslation(TranslationOptions):
    fields = ("text",)


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("name", "definition", "definition_html", "also_called")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body", "body_html")


@register(EverydayWord)
class EverydayWordTranslation(TranslationOptions):
    fields = ("typed", "finds")
