"""What the law's pages show, worked out in plain Python so that views stay thin and templates dumb.

It decides which language versions of a text exist, what to say when one is missing, how an
edition's status is announced, and how paragraph labels are displayed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.dates import MONTHS_ALT
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES, LANGUAGE_NAMES, languages_with, text_in

from .models import Article, Edition, Role


def month_names(lang: str | None = None) -> list[str]:
    """The twelve month names as a date needs them in the page's language."""
    lang = lang or get_language()
    return [str(MONTHS_ALT[m]) if lang == "en" else str(MONTHS_ALT[m]).lower() for m in range(1, 13)]


def long_date(value, lang: str | None = None) -> str:
    """A date written out in the page's language: '17 November 2025', '2025 жылғы 17 қараша'."""
    if value is None:
        return ""
    month = month_names(lang)[value.month - 1]
    return _("{day} {month} {year}").format(day=value.day, month=month, year=value.year)


@dataclass
class LanguageOption:
    code: str
    name: str
    url: str


def url_in_each_language(name: str, **kwargs):
    """A function giving the URL of one page in any language (for "read it in …" links)."""

    def url_in(code: str) -> str:
        with override(code):
            return reverse(name, kwargs=kwargs or None)

    return url_in


def other_languages(codes, url_for) -> list[LanguageOption]:
    """Links to the versions of a page in the given languages (other than the current one)."""
    current = get_language()
    return [LanguageOption(code, LANGUAGE_NAMES[code], url_for(code)) for code in codes if code != current]


def edition_status_notice(edition: Edition) -> dict | None:
    """The banner shown on every page of an edition that is not the law in force."""
    if edition.is_in_force:
        return None
    successor = edition.superseded_by
    return {"edition": edition, "successor": successor}


def article_title(article: Article, lang: str | None = None) -> str:
    lang = lang or get_language()
    return text_in(article, "plain_title", lang) or text_in(article, "official_title", lang)


def article_link(article: Article | None, edition: Edition) -> dict | None:
    """Number, title and URL of a neighbouring article, without another query for its edition."""
    if article is None:
        return None
    url = reverse("law:article", kwargs={"edition": edition.slug, "number": article.number})
    return {"number": article.number, "title": article_title(article), "url": url}


def rights_and_duties_by_role(items) -> list[dict]:
    """Group an article's rights and duties under their roles, in the order roles are declared."""
    groups = []
    for role in Role:
        role_items = [item for item in items if item.role == role.value]
        if role_items:
            groups.append({"role": role, "items": role_items})
    return groups


def explanation_languages(article: Article) -> list[str]:
    return languages_with(article, "summary", "for_you")


def official_text_languages(article: Article, paragraphs) -> list[str]:
    found = set()
    for paragraph in paragraphs:
        found.update(languages_with(paragraph, "official_text"))
    return [code for code in LANGUAGE_CODES if code in found]


@dataclass
class TextInLanguage:
    code: str
    name: str
    text: str


def official_title_elsewhere(article: Article) -> TextInLanguage | None:
    """Where the article's official title is not in the page's language: the first language it is
    in (the law ships in Russian), to show it marked as that language, never as this one's."""
    current = get_language()
    if text_in(article, "official_title", current):
        return None
    for code in LANGUAGE_CODES:
        title = text_in(article, "official_title", code)
        if title:
            return TextInLanguage(code, LANGUAGE_NAMES[code], title)
    return None


def amendments(paragraphs) -> list:
    """The paragraphs a later law amended, each once as people cite it ('1-after' is paragraph 1)."""
    seen, found = set(), []
    for paragraph in paragraphs:
        key = (paragraph.cited_label, paragraph.amended_on, paragraph.amended_by)
        if paragraph.is_amended and key not in seen:
            seen.add(key)
            found.append(paragraph)
    return found


def by_chapter(chapters, articles, item=lambda article: article) -> list[dict]:
    """Articles grouped under their chapters, in the edition's order; empty chapters left out."""
    grouped: dict[int, list] = {}
    for article in articles:
        grouped.setdefault(article.chapter_id, []).append(item(article))
    return [{"chapter": c, "articles": grouped[c.pk]} for c in chapters if c.pk in grouped]
