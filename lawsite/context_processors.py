"""What every page template needs: the language switcher, hreflang alternates, the main edition."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from editorial.addresses import absolute_url
from law.memo import main_edition


def language_links(request):
    """The same page in each language, with the query string kept."""
    current = get_language()
    full_path = request.get_full_path()
    path, mark, query = full_path.partition("?")
    links = []
    for code, name in settings.LANGUAGES:
        url = path_in(path, code, current, get_urlconf(), get_script_prefix())
        if url == path and code != current:
            url = swap_prefix(path, code)
        url = f"{url}{mark}{query}"
        links.append(
            {
                "code": code,
                "name": name,
                "short_name": settings.SHORT_LANGUAGE_NAMES.get(code, code),
                "url": url,
                "absolute_url": absolute_url(request, url),
                "is_current": code == current,
            }
        )
    return links


@lru_cache(maxsize=4096)
def path_in(path: str, code: str, current: str, urlconf, prefix: str) -> str:
    """translate_url for a path (no query string) while `current` is active: the same for every
    request, so worked out once; an LRU, so that made-up paths only push out one another."""
    return translate_url(path, code)


def swap_prefix(path, code):
    """Fallback for pages that do not resolve (404): replace the leading language segment."""
    codes = {c for c, _n in settings.LANGUAGES}
    parts = path.split("/")
    if len(parts) > 1 and parts[1] in codes:
        parts[1] = code
        return "/".join(parts)
    return f"/{code}{path}"


# The main navigation's sections, by the page's URL namespace or name: the item of the page's
# section is marked as current.
NAV_SECTION_BY_NAME = {
    "glossary": "glossary",
    "edition_glossary": "glossary",
    "committee": "",
    "liability": "liability",
    "home": "",
    "about": "",
    "log": "",
}
NAV_SECTION_BY_NAMESPACE = {
    "": "law",
    "law": "law",
    "concordance": "law",
    "official": "law",
    "checker": "check",
    "search": "search",
}


# Open Graph names a language with its country.
OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}


def nav_section(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.url_name in NAV_SECTION_BY_NAME:
        return NAV_SECTION_BY_NAME[match.url_name]
    return NAV_SECTION_BY_NAMESPACE.get(match.namespace, "")


def site(request):
    return {
        "language_links": language_links(request),
        "site_languages": settings.LANGUAGES,
        "page_url": absolute_url(request, request.path),
        "nav_section": nav_section(request),
        "og_locale": OG_LOCALES.get(get_language(), "kk_KZ"),
        "site_publisher": settings.SITE_PUBLISHER,
        "site_contact_email": settings.SITE_CONTACT_EMAIL,
        # The law in force, for the navigation (asked of the data once per content version, when used).
        "main_edition": SimpleLazyObject(main_edition),
    }
