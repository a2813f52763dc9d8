"""/<lang>/ai-law/draft-to-law/: how the law in force came from the edition before it, row by row."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from editorial.languages import LANGUAGE_CODES, text_in
from editorial.page_cache import made_from_query
from law import presentation as p
from law import views as law_views
from law.models import Article, Edition
from law.views import published_page

from . import compare
from .counterparts import named
from .models import Correspondence


def side(row, edition) -> list:
    articles = row.earlier_articles.all() if edition.pk == row.earlier_edition_id else row.later_articles.all()
    return sorted(articles, key=lambda a: a.position)


def first_position(articles) -> float:
    return articles[0].position if articles else float("inf")


def cell(row: dict, which: str, user) -> dict:
    """One edition's articles in a row, as this visitor may see them (an unpublished one by its number
    alone: counterparts.named); when it has none, why: new (earlier side) or dropped."""
    articles = [named(a, user) for a in row[which]]
    return {"articles": articles, "missing": "new" if which == "earlier" else "dropped"}


def draft_to_law(request):
    """The page's words (content/pages/draft-to-law/), then the concordance between the edition in
    force and the one it superseded, ordered by either edition's numbering (?by=<edition slug>)."""
    page = published_page(request, "draft-to-law")
    later = Edition.objects.main()
    earlier = later and Edition.objects.filter(superseded_by=later).order_by("-position").first()
    if page is None or earlier is None:
        raise Http404("No concordance of the law in force")
    editions = {earlier.slug: earlier, later.slug: later}
    by = editions.get(request.GET.get("by", ""), later)
    made_from_query(request, [("by", request.GET["by"])] if request.GET.get("by") in editions else [])
    rows = [
        {"earlier": side(row, earlier), "later": side(row, later), "note": text_in(row, "note", get_language())}
        for row in Correspondence.objects.filter(earlier_edition=earlier, later_edition=later).prefetch_related(
            "earlier_articles", "later_articles"
        )
    ]
    first, second = ("earlier", "later") if by == earlier else ("later", "earlier")
    rows.sort(key=lambda r: (first_position(r[first]), first_position(r[second])))
    written_in = [code for code in LANGUAGE_CODES if text_in(page, "body", code)]
    editions_by_side = {"earlier": earlier, "later": later}
    return render(
        request,
        "concordance/draft_to_law.html",
        {
            "page": page,
            "has_text": get_language() in written_in,
            "elsewhere": p.other_languages(written_in, p.url_in_each_language("draft_to_law")),
            "earlier": earlier,
            "later": later,
            "by": by,
            "columns": [earlier, later] if by == earlier else [later, earlier],
            "rows": [
                {
                    "cells": [
                        cell(r, which, request.user) | {"edition": editions_by_side[which]} for which in (first, second)
                    ],
                    "note": r["note"],
                }
                for r in rows
            ],
        },
    )


def article_compare(request, edition, number):
    """`…/article-<n>/compare/?editions=<a>,<b>`: the article beside the other edition's counterparts.
    Without `editions`, the languages side by side (law's own view)."""
    if "editions" not in request.GET:
        return law_views.article_compare(request, edition=edition, number=number)
    own = law_views.get_edition(edition)
    visible = Article.objects.visible_to(request.user)
    article = visible.filter(edition=own, number=number).select_related("edition").first()
    if article is None:
        raise Http404("No such article")
    other, error = compare.parse_editions(request.GET.get("editions", ""), own)
    if other is not None:
        made_from_query(request, [("editions", f"{own.slug},{other.slug}")])  # as "what changed" links
    columns, notes = compare.sides(article, other, visible) if other else ([], [])
    return render(
        request,
        "concordance/compare.html",
        {
            "edition": own,
            "notice": p.edition_status_notice(own),
            "article": article,
            "title": p.article_title(article),
            "error": error,
            "columns": columns,
            "notes": notes,
            "rows": compare.table(columns),
        },
        status=400 if error else 200,
    )
