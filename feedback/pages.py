"""Which page an answer is about: an article or a question flow's result on this site, by its address.

The address comes from the visitor (a hidden field, a link), so it is checked, never trusted: a path
on this site (no scheme, no host) under a language prefix that resolves to a published article or to
a result of a question flow. An article is kept by its path alone; a result keeps its query string,
which holds its answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils import translation

from editorial.languages import LANGUAGE_CODES
from law.models import Article, Edition

from .models import PAGE_MAX_LENGTH

ARTICLE_VIEW = "law:article"
RESULT_VIEWS = {"checker:result", "checker:edition_result"}


@dataclass(frozen=True)
class Page:
    address: str  # what is stored: the path, and for a result its query string
    language: str
    article: Article | None = None  # for an article page

    @property
    def edition_slug(self):
        return self.article.edition.slug if self.article else None

    @property
    def article_number(self):
        return self.article.number if self.article else None


def find_page(address: str) -> Page | None:
    """The page at this address, or None when it is not an article or a result on this site."""
    if not address or len(address) > PAGE_MAX_LENGTH or not address.isprintable() or "\\" in address:
        return None
    if not address.startswith("/") or address.startswith("//"):
        return None
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None
    language = parts.path.split("/")[1]
    if language not in LANGUAGE_CODES:
        return None
    with translation.override(language):  # the language prefix resolves in its own language only
        try:
            match = resolve(parts.path)
        except Resolver404:
            return None
    if match.view_name == ARTICLE_VIEW:
        article = (
            Article.objects.published()
            .select_related("edition")
            .filter(edition__slug=match.kwargs["edition"], number=match.kwargs["number"])
            .first()
        )
        return Page(parts.path, language, article) if article else None
    if match.view_name in RESULT_VIEWS:
        edition = match.kwargs.get("edition")
        if edition is not None and not Edition.objects.filter(slug=edition).exists():
            return None
        return Page(f"{parts.path}?{parts.query}" if parts.query else parts.path, language)
    return None
