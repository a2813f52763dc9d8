"""Fetching an edition's official text from its official links, one per language: the edition's
"download from" link (Adilet's Word file, say), else its official publication link (Adilet's page).

Everything is fetched, read, parsed and compared before anything is written; any failure (no
answer in time, an HTTP error, a page that is not the document, a layout the reader does not know)
is a FetchError naming the language and the link, and the database stays as it was.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES, text_in

from .importer import OfficialTextError, Plan, Source, apply, parse, plan, read

USER_AGENT = "ailaw-site official-text watch (Django; +https://adilet.zan.kz is read once a day)"


class FetchError(Exception):
    """Why one language's official text could not be fetched; nothing was changed."""


@dataclass
class Fetched:
    lang: str
    url: str
    format: str
    plan: Plan

    @property
    def changed(self) -> bool:
        return bool(self.plan.changes)


def official_link(edition, lang: str) -> str:
    return text_in(edition, "official_download_url", lang) or text_in(edition, "official_url", lang)


def links(edition, langs=None) -> dict[str, str]:
    """The languages (of those asked for) that have an official link, and the link."""
    wanted = langs or LANGUAGE_CODES
    return {lang: official_link(edition, lang) for lang in wanted if official_link(edition, lang)}


class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http or https address (never ftp:, file: or data:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(_("%(url)s: redirected to a link that is not http or https") % {"url": req.full_url})
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Deadline:
    """The whole download's time limit (connecting, redirects, headers and body): when it passes,
    every connection the download opened is shut, so that a read waiting on a server that sends a
    byte now and then returns at once. The socket timeout alone limits one wait, not the total."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()

    def watch(self, sock):
        with self.lock:
            self.sockets.append(sock)
            expired = self.expired
        if expired:
            shut(sock)
        return sock

    def expire(self):
        with self.lock:
            self.expired = True
            sockets = list(self.sockets)
        for sock in sockets:
            shut(sock)


def shut(sock) -> None:
    # Already closed, or handed over to TLS (the TLS socket is watched too): nothing to shut.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def watched(connection_class, deadline: Deadline):
    """An http.client connection class whose sockets (the TCP one, then the TLS one) the deadline shuts."""

    class Watched(connection_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = lambda *a, **kw: deadline.watch(socket.create_connection(*a, **kw))

        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    return Watched


class Watching:
    """A handler mixin: the connections it opens are watched by the download's deadline."""

    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def do_open(self, http_class, req, **http_conn_args):
        return super().do_open(watched(http_class, self.deadline), req, **http_conn_args)


class DeadlineHTTPHandler(Watching, urllib.request.HTTPHandler):
    pass


class DeadlineHTTPSHandler(Watching, urllib.request.HTTPSHandler):
    pass


def opener(deadline: Deadline) -> urllib.request.OpenerDirector:
    """http and https only: no FTP, file or data handlers, and redirects checked as above."""
    director = urllib.request.OpenerDirector()
    for handler in (
        DeadlineHTTPHandler(deadline),
        DeadlineHTTPSHandler(deadline),
        HttpOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        director.add_handler(handler)
    return director


def no_answer(url: str, timeout: float) -> str:
    return _("%(url)s: no answer within %(seconds)s seconds") % {"url": url, "seconds": timeout}


def too_slow(url: str, seconds: float) -> FetchError:
    return FetchError(
        _("%(url)s: the download took longer than %(seconds)s seconds: it was stopped")
        % {"url": url, "seconds": seconds}
    )


def too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(
        _("%(url)s: the file is larger than %(limit)s MB (the law's official text is far smaller)")
        % {"url": url, "limit": round(max_bytes / 2**20, 1)}
    )


def download(url: str) -> bytes:
    """The body of the answer, whole, or FetchError: a body shorter than its Content-Length, one
    whose end cannot be told (no Content-Length and not chunked), a connection dropped or too slow
    (each wait is limited by OFFICIAL_FETCH_TIMEOUT, the whole download by OFFICIAL_FETCH_DEADLINE)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(_("%(url)s: only http and https links are fetched") % {"url": url})
    timeout = float(settings.OFFICIAL_FETCH_TIMEOUT)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = Deadline(float(settings.OFFICIAL_FETCH_DEADLINE))
    try:
        with deadline, opener(deadline).open(request, timeout=timeout) as response:
            return body(url, response, deadline)
    except urllib.error.HTTPError as error:
        raise FetchError(
            _("%(url)s: the server answered %(status)s %(reason)s")
            % {"url": url, "status": error.code, "reason": error.reason}
        ) from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise failure(url, error, timeout, deadline) from None


def failure(url: str, error: Exception, timeout: float, deadline: Deadline) -> FetchError:
    if deadline.expired:
        return too_slow(url, deadline.seconds)
    if isinstance(error, urllib.error.URLError):
        if isinstance(error.reason, TimeoutError):
            return FetchError(no_answer(url, timeout))
        return FetchError(_("%(url)s: cannot connect (%(reason)s)") % {"url": url, "reason": error.reason})
    if isinstance(error, TimeoutError):
        return FetchError(no_answer(url, timeout))
    if isinstance(error, http.client.IncompleteRead):
        return FetchError(_("%(url)s: the connection was closed before the end of the file") % {"url": url})
    return FetchError(_("%(url)s: the download failed (%(reason)s)") % {"url": url, "reason": error})


def body(url: str, response, deadline: Deadline) -> bytes:
    if deadline.expired:  # the headers were cut off by the deadline
        raise too_slow(url, deadline.seconds)
    max_bytes = int(settings.OFFICIAL_TEXT_MAX_BYTES)
    declared = response.headers.get("Content-Length")
    chunked = response.headers.get("Transfer-Encoding", "").strip().lower() == "chunked"
    expected = int(declared) if not chunked and declared and declared.strip().isdigit() else None
    if expected is None and not chunked:
        raise FetchError(
            _("%(url)s: the server did not say how long the file is, so a cut-off download could not be noticed")
            % {"url": url}
        )
    if expected is not None and expected > max_bytes:
        raise too_large(url, max_bytes)
    parts, size = [], 0
    while True:
        part = response.read1(64 * 1024)
        if deadline.expired:
            raise too_slow(url, deadline.seconds)
        if not part:
            break
        parts.append(part)
        size += len(part)
        if size > max_bytes:
            raise too_large(url, max_bytes)
    if expected is not None and size < expected:
        raise FetchError(
            _("%(url)s: the download stopped early (%(got)s of %(expected)s bytes)")
            % {"url": url, "got": size, "expected": expected}
        )
    return b"".join(parts)


def fetch(edition, langs=None) -> list[Fetched]:
    """Download, read, parse and compare every language; raise FetchError on the first failure."""
    found = links(edition, langs)
    if not found:
        raise FetchError(
            _("%(edition)s has no official link in %(langs)s: set one in the admin")
            % {"edition": edition.slug, "langs": ", ".join(langs or LANGUAGE_CODES)}
        )
    results = []
    for lang, url in found.items():
        data = download(url)
        try:
            document = read(data)
            results.append(Fetched(lang, url, document.format, plan(edition, parse(document.lines, lang))))
        except OfficialTextError as error:
            where = "" if error.line is None else _("line %(line)s: ") % {"line": error.line}
            raise FetchError(f"{url} ({lang}): {where}{error.reason}") from None
    return results


@transaction.atomic
def import_fetched(results: list[Fetched], imported_by: str) -> list:
    """Apply every fetched language in one transaction; return the versions (new or re-checked)."""
    return [
        apply(result.plan, Source(format=result.format, url=result.url, imported_by=imported_by)) for result in results
    ]
