"""The open-data views: JSON at /data/v1/…, outside the language prefix, readable from any origin.

Every answer, errors included, is JSON in UTF-8 (not escaped) with `Access-Control-Allow-Origin: *`.
GET and HEAD read; OPTIONS answers a browser's preflight; any other method gets a 405 in JSON. No
form is ever read, so the views are exempt from the CSRF check (which would answer a POST with the
site's HTML 403 page). A document carries an ETag of its body, and ConditionalGetMiddleware answers
304 to a reader who already has it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.csrf import csrf_exempt

from law.models import Edition

from . import build

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CONTENT_TYPE = "application/json; charset=utf-8"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
SCHEMA_NAMES = ("editions", "edition", "flow")


def json_body(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def document(body: bytes, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE)
    if status == 200:
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        # From the body before GZipMiddleware, whose output differs on every response (it adds random
        # bytes against BREACH): an ETag made from that would never match (it makes this one weak).
        response["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    return response


def error(status: int, message: str) -> HttpResponse:
    return document(json_body({"error": message}), status=status)


def preflight() -> HttpResponse:
    response = HttpResponse(status=204, content_type=CONTENT_TYPE)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    # A reader revalidating what it has sends these; neither is on the CORS safe list.
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def open_data(view):
    """GET and HEAD to the view, OPTIONS and other methods answered here; CORS on every answer."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            response = view(request, *args, **kwargs)
        elif request.method == "OPTIONS":
            response = preflight()
        else:
            response = error(405, f"Only {ALLOWED_METHODS} are allowed here.")
        if request.method not in ("GET", "HEAD"):
            response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return csrf_exempt(wrapper)


def find_edition(slug: str) -> Edition | None:
    return Edition.objects.select_related("superseded_by").filter(slug=slug).first()


def no_edition(slug: str) -> HttpResponse:
    return error(404, f"No edition '{slug}'. The editions are listed at /data/v1/editions/.")


@open_data
def editions(request):
    return document(json_body(build.editions_document(request)))


@open_data
def edition(request, slug):
    found = find_edition(slug)
    if found is None:
        return no_edition(slug)
    return document(json_body(build.edition_document(request, found)))


@open_data
def flow(request, slug):
    found = find_edition(slug)
    if found is None:
        return no_edition(slug)
    data = build.flow_document(request, found)
    if data is None:
        return error(404, f"The edition '{slug}' has no question flow.")
    return document(json_body(data))


@cache
def schema_body(name: str) -> bytes:
    return (SCHEMAS / f"{name}.json").read_bytes()


@open_data
def schema(request, name):
    if name not in SCHEMA_NAMES:
        return error(404, f"No schema '{name}'. The schemas: {', '.join(SCHEMA_NAMES)}.")
    return document(schema_body(name))


@open_data
def not_found(request, rest=""):
    """Any other address under /data/: a JSON 404 (not the site's HTML page), or the address with
    its missing final slash (as CommonMiddleware would, had this catch-all not matched)."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target, content_type=CONTENT_TYPE)
    return error(404, "Nothing here. The editions are listed at /data/v1/editions/.")
