"""The search page: `/<lang>/search/?q=<words>`."""

from django.shortcuts import render
from django.utils.translation import get_language

from .folding import MAX_QUERY_LENGTH, MAX_WORDS, parse_query
from .query import run_search


def search(request):
    query = parse_query(request.GET.get("q"))
    results = run_search(query, get_language(), request.user) if query.words else None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "max_length": MAX_QUERY_LENGTH,
            "max_words": MAX_WORDS,
        },
    )
