"""Fetching an edition's official text from its official links, one per language: the edition's
"download from" link (Adilet's Word file, say), else its official publication link (Adilet's page).

Everything is fetched, read, parsed and compared before anything is written; any failure (no
answer in time, an HTTP error, a page that is not the document, a layout the reader does not know)
is a FetchError naming the language and the link, and the database stays as it was.
"""

from __future__ import annotations

import http.client
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


# http and https only: no FTP, file or data handlers, and redirects checked as above.
OPENER = urllib.request.OpenerDirector()
for handler in (
    urllib.request.HTTPHandler(),
    urllib.request.HTTPSHandler(),
    HttpOnlyRedirects(),
    urllib.request.HTTPErrorProcessor(),
    urllib.request.HTTPDefaultErrorHandler(),
):
    OPENER.add_handler(handler)


def no_answer(url: str, timeout: float) -> str:
    return _("%(url)s: no answer within %(seconds)s seconds") % {"url": url, "seconds": timeout}


def download(url: str) -> bytes:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(_("%(url)s: only http and https links are fetched") % {"url": url})
    timeout = float(settings.OFFICIAL_FETCH_TIMEOUT)
    max_bytes = int(settings.OFFICIAL_TEXT_MAX_BYTES)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with OPENER.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            expected = response.headers.get("Content-Length")
        if expected and expected.isdigit() and len(data) < int(expected):
            raise FetchError(
                _("%(url)s: the download stopped early (%(got)s of %(expected)s bytes)")
                % {"url": url, "got": len(data), "expected": expected}
            )
    except urllib.error.HTTPError as error:
        raise FetchError(
            _("%(url)s: the server answered %(status)s %(reason)s")
            % {"url": url, "status": error.code, "reason": error.reason}
        ) from None
    except TimeoutError:
        raise FetchError(no_answer(url, timeout)) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(no_answer(url, timeout)) from None
        raise FetchError(_("%(url)s: cannot connect (%(reason)s)") % {"url": url, "reason": error.reason}) from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise FetchError(_("%(url)s: the download failed (%(reason)s)") % {"url": url, "reason": error}) from None
    return data


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
