"""What a view tells the page cache (lawsite/caching.py) about the query string its page was made from.

A public page whose address has a query string is kept in the page cache only when its view said the
page was made from exactly that query string, written as the site's own links write it. So a
parameter no view reads (`?utm_source=…`), answers in another order, or a value a view does not know
each make a fresh page, never one more cached copy: nobody can fill the cache by inventing addresses.
Search results are never said to be made from their words, so they are always made fresh.
"""

from urllib.parse import urlencode

ATTRIBUTE = "page_made_from_query"


def made_from_query(request, items) -> None:
    """The page for this request was made from these (name, value) pairs, and only from them.
    Commas stay as they are, as the site's links write them (`?editions=a,b`)."""
    setattr(request, ATTRIBUTE, urlencode(list(items), safe=","))


def cacheable_query(request) -> bool:
    """Whether the request's query string (if any) is the one its page said it was made from."""
    query = request.META.get("QUERY_STRING", "")
    return not query or query == getattr(request, ATTRIBUTE, None)
