"""The question flow's words exist in kk, ru and en, with no fallback between them."""

from modeltranslation.translator import TranslationOptions, register

from .models import FlowText


@register(FlowText)
class FlowTextTranslation(TranslationOptions):
    fields = ("text", "text_html")
