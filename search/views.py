"""The search page: `/<lang>/search/?q=<words>`."""

from django.shortcuts import render
from django.utils.translation import get_language

from .folding import MAX_QUERY_LENGTH, MAX_WORDS, parse_query
from .numbers import article_number, articles_numbered
from .query import run_search


def search(request):
    query = parse_query(request.GET.get("q"))
    results = run_search(query, get_language()) if query.words else None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "numbered": articles_numbered(article_number(query.text), request.user) if query.words else [],
            "max_length": MAX_QUERY_LENGTH,
            "max_words": MAX_WORDS,
        },
    )
