"""A concordance note exists in kk, ru and en, with no fallback between them."""

from modeltranslation.translator import TranslationOptions, register

from .models import Correspondence


@register(Correspondence)
class CorrespondenceTranslation(TranslationOptions):
    fields = ("note",)
