"""What every page template needs: the language switcher, hreflang alternates, the main edition."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from editorial.addresses import absolute_url
from law.models import Edition


def language_links(request):
    """The same page in each language, with the query string kept."""
    current = get_language()
    path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            url = swap_prefix(path, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": absolute_url(request, url),
                "is_current": code == current,
            }
        )
    return links


def swap_prefix(path, code):
    """Fallback for pages that do not resolve (404): replace the leading language segment."""
    codes = {c for c, _n in settings.LANGUAGES}
    parts = path.split("/")
    if len(parts) > 1 and parts[1] in codes:
        parts[1] = code
        return "/".join(parts)
    return f"/{code}{path}"


def site(request):
    return {
        "language_links": language_links(request),
        "site_languages": settings.LANGUAGES,
        "page_url": absolute_url(request, request.path),
        # The law in force, for the navigation (asked of the data; one query, only when used).
        "main_edition": SimpleLazyObject(Edition.objects.main),
    }
