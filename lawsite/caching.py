"""Caching of public pages, and the one number that says when content last changed.

Every change to content the public can see bumps `SiteState.version` (see law.signals). Public pages
are cached per language and path under that version and the code's version, so a change is visible
at once everywhere: with several workers each process re-reads the version at most once a second.
Visitors who are signed in (they carry a session cookie) never get a cached page. Responses carry
Cache-Control, Last-Modified and (through ConditionalGetMiddleware) an ETag, so browsers and a CDN
can cache and revalidate too. A page with a query string is kept only when its view said it was
made from exactly that query (editorial/page_cache.py). Pages live in their own cache (the "pages"
alias), so clearing the default cache for any other reason leaves them be.

Nobody can fill the cache from outside, whatever the backend (Redis has no bound of its own):
- a page is kept for a day only when there are as many of them as the site has content: its key is
  made of the path (a page that does not exist is a 404, never kept), a query string its view was
  made from (nothing else is kept), the language, the scheme and the host;
- the host counts only where a page is made from it (no SITE_URL): then only a host named as such
  in ALLOWED_HOSTS, with no port or the port the server listens on, is kept (a wildcard, another
  port, another case or a trailing dot are served fresh). With SITE_URL the host plays no part;
- pages made from a visitor's answers to the question flow (billions of them) are kept for
  ANSWER_PAGE_TTL_SECONDS in one of ANSWER_PAGE_SLOTS places picked by their key, each place holding
  one page: made-up answers push out one another, never more than that many entries.

A cache server that is down never takes the site down: every cache call is guarded, and the page is
then rendered from the database.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from editorial.page_cache import cacheable_query, is_made_from_answers
from law.changes import site_version_changed
from law.models import SiteState

logger = logging.getLogger(__name__)

VERSION_TTL_SECONDS = 1.0
PAGE_TTL_SECONDS = 24 * 3600
ANSWER_PAGE_TTL_SECONDS = 10 * 60
ANSWER_PAGE_SLOTS = 2000
PAGE_CACHE = "pages"  # the alias in settings.CACHES
_memo = {"version": None, "changed": None, "read_at": 0.0}


def content_state() -> tuple[int, float]:
    """(version, changed-at epoch seconds) of the content, re-read from the database once a second."""
    now = time.monotonic()
    if _memo["version"] is None or now - _memo["read_at"] > VERSION_TTL_SECONDS:
        state = SiteState.current()
        _memo.update(version=state.version, changed=state.changed_at.timestamp(), read_at=now)
    return _memo["version"], _memo["changed"]


def forget_state(**kwargs):
    """After this process changed content, read the new version at the next request."""
    _memo["version"] = None


site_version_changed.connect(forget_state, dispatch_uid="lawsite-caching-forget-state")


def safe_cache_get(key):
    try:
        return caches[PAGE_CACHE].get(key)
    except Exception:  # noqa: BLE001 - any cache failure means "not cached"
        logger.warning("cache unreachable on get; serving from the database", exc_info=True)
        return None


def safe_cache_get_many(keys) -> dict:
    try:
        return caches[PAGE_CACHE].get_many(keys)
    except Exception:  # noqa: BLE001 - any cache failure means "not cached"
        logger.warning("cache unreachable on get; serving from the database", exc_info=True)
        return {}


def safe_cache_set(key, value, timeout):
    try:
        caches[PAGE_CACHE].set(key, value, timeout)
    except Exception:  # noqa: BLE001 - a cache that cannot store is a cache miss, not an error
        logger.warning("cache unreachable on set", exc_info=True)


def is_public_path(path: str) -> bool:
    """Pages under a language prefix; not the admin, not static files, not the bare root."""
    first = path.lstrip("/").split("/", 1)[0]
    return first in {code for code, _name in settings.LANGUAGES}


def is_anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


# What shapes a page: code and templates at any depth (template tags too), translations, CSS, JS.
CODE_SUFFIXES = (".py", ".html", ".po", ".css", ".js")
NOT_CODE = {"node_modules", "staticfiles", "__pycache__"}  # and hidden folders (.venv, .git)
_code = {}


def code_files(root: Path) -> list[Path]:
    """The files under `root` whose change can change a page, in a stable order."""
    found = []
    static_root = Path(settings.STATIC_ROOT).resolve()
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and name not in NOT_CODE and (here / name).resolve() != static_root
        )
        found += [here / name for name in sorted(files) if name.endswith(CODE_SUFFIXES)]
    return found


def code_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in code_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def code_version() -> str:
    """The release this process runs: a new release never serves pages cached by the previous one,
    and every machine of one release agrees on it. $RELEASE (e.g. the git commit) when set; else a
    hash of the code, templates, translations and styles, read once per process."""
    if settings.RELEASE:
        return settings.RELEASE
    if "hash" not in _code:
        _code["hash"] = code_hash(Path(settings.BASE_DIR))
    return _code["hash"]


def page_origin(request) -> str | None:
    """What of the scheme and host shapes the page; None when a page for that host is not kept.

    With SITE_URL, absolute links never come from the request (editorial/addresses.py): nothing. Without
    it they are made from the host as sent, so only a host named in ALLOWED_HOSTS (no wildcard), as
    named, with no port or the server's own, is kept: a stranger cannot make up hosts by the thousand."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    host = request.get_host()  # raises DisallowedHost for a host the site does not serve
    name, port = host, ""
    if ":" in host and not host.endswith("]"):  # an IPv6 address without a port is [::1]
        name, _, port = host.rpartition(":")
    if name not in settings.ALLOWED_HOSTS or port not in ("", str(request.META.get("SERVER_PORT", ""))):
        return None
    return f"{request.scheme}://{host}"


def page_key(request, version, origin=None) -> str:
    accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    # The host and scheme too: without SITE_URL a page's absolute links are made from them.
    origin = origin or page_origin(request)
    raw = f"{code_version()}|{version}|{request.method}|{int(accepts_gzip)}|{origin}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def answer_slot(key: str) -> str:
    """The one place where the page of this key is kept if it was made from a visitor's answers."""
    return f"answers:{int(key.removeprefix('page:')[:12], 16) % ANSWER_PAGE_SLOTS}"


def cached_page(request, key):
    if not request.META.get("QUERY_STRING"):
        return safe_cache_get(key)
    found = safe_cache_get_many([key, answer_slot(key)])
    if key in found:
        return found[key]
    kept_key, page = found.get(answer_slot(key)) or (None, None)
    return page if kept_key == key else None


def keep_page(request, key, response):
    if request.META.get("QUERY_STRING") and is_made_from_answers(request):
        safe_cache_set(answer_slot(key), (key, response), ANSWER_PAGE_TTL_SECONDS)
    else:
        safe_cache_set(key, response, PAGE_TTL_SECONDS)


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for visitors who are not signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable_request = (
            settings.PUBLIC_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and is_public_path(request.path)
            and is_anonymous(request)
        )
        version = changed = origin = None
        if cacheable_request:
            try:
                version, changed = content_state()
            except Exception:  # noqa: BLE001 - the database may be down; the view will say so
                cacheable_request = False
        if cacheable_request:
            origin = page_origin(request)
        if origin:
            key = page_key(request, version, origin)
            cached = cached_page(request, key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if not cacheable_request:
            if is_public_path(request.path) and not is_anonymous(request):
                # A signed-in editor may be previewing drafts: never let anything keep this copy.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        response["Last-Modified"] = http_date(changed)
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and cacheable_query(request)
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if origin:
                keep_page(request, key, response)
        return response
