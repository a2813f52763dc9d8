"""How the concordance names an article to one visitor (the draft-to-law table, "what changed").

An article the visitor may open is named with its number, title and link. An unpublished one keeps
its place, so that a row does not read as "new" or "dropped" when it is not, but is named by its
number alone and said to be not available: none of its words reach a public page.
"""

from __future__ import annotations

from law.models import Article


def named(article: Article, user) -> dict:
    """{number, title, url, linked}: the article as this visitor may see it."""
    if not article.is_visible_to(user):
        return {"number": article.number, "title": "", "url": "", "linked": False}
    return {"number": article.number, "title": article.plain_title, "url": article.get_absolute_url(), "linked": True}
