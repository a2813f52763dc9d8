"""What a view tells the page cache (lawsite/caching.py) about the query string its page was made from.

A public page whose address has a query string is kept in the page cache only when its view said the
page was made from exactly that query string, written as the site's own links write it. So a
parameter no view reads (`?utm_source=…`), answers in another order, or a value a view does not know
each make a fresh page, never one more cached copy: nobody can fill the cache by inventing addresses.
Search results are never said to be made from their words, so they are always made fresh.

A visitor's answers to the question flow are a different matter: every set of answers is a page the
site serves, and there are billions of them. A view tells so with `made_from_answers`; such pages are
kept for minutes, in a fixed number of places (lawsite/caching.py), so that answers a stranger makes
up by the million push out one another, never the rest of the site, and never fill the cache server.
"""

from urllib.parse import urlencode

ATTRIBUTE = "page_made_from_query"
ANSWERS_ATTRIBUTE = "page_made_from_answers"


def made_from_query(request, items) -> None:
    """The page for this request was made from these (name, value) pairs, and only from them.
    Commas stay as they are, as the site's links write them (`?editions=a,b`)."""
    setattr(request, ATTRIBUTE, urlencode(list(items), safe=","))


def made_from_answers(request, items) -> None:
    """As made_from_query, for a page made from a visitor's answers: a variety without bound."""
    made_from_query(request, items)
    setattr(request, ANSWERS_ATTRIBUTE, True)


def is_made_from_answers(request) -> bool:
    return getattr(request, ANSWERS_ATTRIBUTE, False)


def cacheable_query(request) -> bool:
    """Whether the request's query string (if any) is the one its page said it was made from."""
    query = request.META.get("QUERY_STRING", "")
    return not query or query == getattr(request, ATTRIBUTE, None)
