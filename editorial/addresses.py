"""Absolute addresses of the site's pages (printed pages, language alternates, shared links).

With SITE_URL set (production: https://ailaw.example.kz), addresses never depend on the request, so
no Host header a visitor sends can end up in a page that the cache then gives to others. Without
it (development), the request's own host is used once Django has validated it against
ALLOWED_HOSTS; a host it refuses gives the path alone, so that the 400 page itself never fails.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost


def absolute_url(request, path: str) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + path
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path
