"""The site's languages, in one place: kk (the state language, first), ru, en (from settings)."""

from django.conf import settings
from django.utils.translation import gettext_noop

LANGUAGE_CODES: list[str] = [code for code, _name in settings.LANGUAGES]
LANGUAGE_NAMES: dict[str, str] = dict(settings.LANGUAGES)


def text_in(obj, field: str, lang: str) -> str:
    """The text of a translated field in one language, '' when missing or NULL (never another language)."""
    return getattr(obj, f"{field}_{lang}", "") or ""


def languages_with(obj, *fields: str) -> list[str]:
    """The languages in which any of the given translated fields has text."""
    return [lang for lang in LANGUAGE_CODES if any(text_in(obj, f, lang).strip() for f in fields)]


def per_language(name: str) -> list[str]:
    """'title' → ['title_kk', 'title_ru', 'title_en']: the columns modeltranslation adds."""
    return [f"{name}_{lang}" for lang in LANGUAGE_CODES]


# The names Django gives the languages (get_language_info's "name"), read in the reader's language:
# listed here so that the site's own catalogues translate them as its editors write them
# (kk «Орысша», «Ағылшынша», as «Қазақша»), not as Django's catalogue does («Орыс», «Ағылшын»).
LANGUAGE_NAMES_TO_TRANSLATE = (gettext_noop("Kazakh"), gettext_noop("Russian"), gettext_noop("English"))
