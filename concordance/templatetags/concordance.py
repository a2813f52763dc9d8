"""{% what_changed article user as rows %}: the other editions' counterparts of an article, for its page."""

from django import template
from django.db.models import Prefetch
from django.utils.translation import get_language

from editorial.languages import per_language, text_in
from law.models import Article

from ..counterparts import named
from ..models import Correspondence

register = template.Library()


@register.simple_tag
def what_changed(article, user) -> list[dict]:
    """One entry per concordance row naming the article: the other side's articles and the note.

    Each article comes as this visitor may see it (counterparts.named: an unpublished one by its
    number alone), and the entry with `comparable`: whether the side-by-side view has a counterpart.

    `kind` is "became" (an earlier edition's article, seen from there), "came_from", "new" (a later
    article with no source) or "dropped" (an earlier article the later edition did not keep).
    """
    lang = get_language()
    # The other side's articles with only what naming them takes (not their texts: an article row
    # carries every language's explanation, and a page names a handful of them).
    named_only = Article.objects.select_related("edition").only(
        "number", "position", "status", "edition__slug", *per_language("plain_title")
    )
    rows = (
        Correspondence.objects.of_article(article)
        .select_related("earlier_edition", "later_edition")
        .prefetch_related(
            Prefetch("earlier_articles", queryset=named_only), Prefetch("later_articles", queryset=named_only)
        )
    )
    entries = []
    for row in rows:
        is_earlier = row.earlier_edition_id == article.edition_id
        others = list(row.later_articles.all() if is_earlier else row.earlier_articles.all())
        others.sort(key=lambda a: a.position)
        kinds = ("became", "dropped") if is_earlier else ("came_from", "new")
        kind = kinds[0] if others else kinds[1]
        articles = [named(other, user) for other in others]
        entries.append(
            {
                "kind": kind,
                "edition": row.later_edition if is_earlier else row.earlier_edition,
                "articles": articles,
                "comparable": any(entry["linked"] for entry in articles),
                "note": text_in(row, "note", lang),
            }
        )
    return entries
