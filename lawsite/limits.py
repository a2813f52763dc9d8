"""Requests too large to read get the site's own page, in the visitor's language where it is known.

Two layers, so that no visitor sees a server's bare text:
- `RequestLimitsMiddleware` answers 414 for an address longer than MAX_URL_LENGTH and 431 for headers
  larger than MAX_REQUEST_HEADER_BYTES, in the language of the address (after LocaleMiddleware).
- gunicorn (gunicorn.conf.py) reads a request line of up to 8,190 bytes, the most it can, and each
  header up to 8,190 bytes. Above those it cannot hand the request to Django, so `SiteSyncWorker` writes
  the same page itself, in all three languages, since it cannot tell which one the visitor reads.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation

TITLES = {414: "URI Too Long", 431: "Request Header Fields Too Large"}


def header_bytes(request) -> int:
    return sum(len(name) + len(str(value)) for name, value in request.META.items() if name.startswith("HTTP_"))


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status = None
        if len(request.get_full_path()) > settings.MAX_URL_LENGTH:
            status = 414
        elif header_bytes(request) > settings.MAX_REQUEST_HEADER_BYTES:
            status = 431
        if status is None:
            return self.get_response(request)
        context = {"status": status, "languages": [request.LANGUAGE_CODE]}
        return render(request, "request_too_large.html", context, status=status)


def raw_response(status: int) -> bytes:
    """The whole HTTP response for a request gunicorn could not read: the page in every language."""
    codes = [code for code, _name in settings.LANGUAGES]
    with translation.override(codes[0]):  # the page's own language (its title), then each section's
        body = render_to_string(
            "request_too_large.html", {"status": status, "languages": codes, "LANGUAGE_CODE": codes[0]}
        ).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {TITLES[status]}\r\n"
        "Connection: close\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Security-Policy: default-src 'none'; style-src 'self'\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body
