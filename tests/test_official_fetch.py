"""Fetching the official text from the edition's links, and the daily amendment watch, against a
local server that serves fixtures (no test touches the network): success in three languages, an
HTTP error, no answer in time, garbage, an error page; after every failure nothing has changed."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from content_io import database_hash
from law.models import Article, Paragraph
from official.models import OfficialTextVersion

from .conftest import make_test_edition, soup, visible_text
from .official_documents import adilet_page, docx_bytes, error_page, fixture_lines, publish_imported

# The importer's reasons are in the active language: these tests read them in English.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


LANGS = ["kk", "ru", "en"]


class Routes(dict):
    """path → (status, body, seconds to wait before answering)."""


@pytest.fixture
def server():
    routes = Routes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            status, body, delay = routes.get(self.path, (404, b"<html><body>Not found</body></html>", 0))
            time.sleep(delay)
            try:
                self.send_response(status)
                if self.path in httpd.location:
                    self.send_header("Location", httpd.location[self.path])
                # A length larger than the body: the connection then ends early, as on a cut download.
                self.send_header("Content-Length", str(httpd.short.get(self.path, len(body))))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, as it should

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.routes, httpd.short, httpd.location = routes, {}, {}
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def edition(server):
    edition = make_test_edition()
    for lang in LANGS:
        setattr(edition, f"official_url_{lang}", f"{server.base}/{lang}/docs/T1")
        setattr(edition, f"official_download_url_{lang}", f"{server.base}/{lang}/docs/T1/download/docx")
    edition.save()
    return edition


def serve_law(server, lines_by_lang=None):
    for lang in LANGS:
        lines = (lines_by_lang or {}).get(lang) or fixture_lines(lang)
        server.routes[f"/{lang}/docs/T1/download/docx"] = (200, docx_bytes(lines), 0)
        server.routes[f"/{lang}/docs/T1"] = (200, adilet_page(lines, lang), 0)


def fetch(*args):
    out = io.StringIO()
    call_command("fetch_official", "test-law", *args, stdout=out)
    return out.getvalue()


def watch(*args):
    out = io.StringIO()
    call_command("watch_official", "test-law", *args, stdout=out)
    return out.getvalue()


def state():
    return database_hash(), OfficialTextVersion.objects.count()


def test_fetch_imports_three_languages_from_the_download_links(edition, server):
    serve_law(server)
    output = fetch()
    assert output.count("4 article(s) added") == 3
    for lang in LANGS:
        version = OfficialTextVersion.objects.get(edition=edition, lang=lang)
        assert version.source_url.endswith(f"/{lang}/docs/T1/download/docx") and version.format == "docx"
    assert Paragraph.objects.get(article__edition=edition, article__number="2-1", label="1").official_text_kk
    publish_imported()  # new articles are drafts until an editor publishes them
    box = soup(Client().get("/ru/ai-law/test-law/article-2/")).find(class_="official-version")
    assert "127.0.0.1" in visible_text(box)


def test_without_a_download_link_the_official_page_is_read(edition, server):
    serve_law(server)
    edition.official_download_url_ru = ""
    edition.save()
    fetch("--lang", "ru")
    version = OfficialTextVersion.objects.get(edition=edition)
    assert (version.lang, version.format) == ("ru", "html") and version.source_url.endswith("/ru/docs/T1")


def test_a_dry_run_fetches_and_changes_nothing(edition, server):
    serve_law(server)
    before = state()
    assert "Dry run" in fetch("--dry-run")
    assert state() == before


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ((404, b"<html><body>Not found</body></html>", 0), "404"),
        ((500, b"oops", 0), "500"),
        ((200, bytes(range(256)) * 20, 0), "neither a Word file"),
        ((200, error_page(), 0), "no document text where Adilet puts it"),
        ((200, b"<html><body><p>Hello</p></body></html>", 0), "no document text"),
        ((200, b"plain words only", 0), "no article headings"),
        ((200, b"", 0), "empty"),
        ((200, docx_bytes(["x", "y"]), 3), "no answer within 0.5 seconds"),
    ],
    ids=["404", "500", "garbage", "error-page", "other-page", "not-a-law", "empty", "timeout"],
)
def test_a_failure_in_one_language_changes_nothing_at_all(edition, server, settings, route, reason):
    settings.OFFICIAL_FETCH_TIMEOUT = 0.5
    serve_law(server)
    server.routes["/en/docs/T1/download/docx"] = route  # kk and ru are fine
    before = state()
    with pytest.raises(CommandError) as caught:
        fetch()
    message = str(caught.value)
    assert reason in message and "/en/docs/T1/download/docx" in message and "Nothing was changed" in message
    assert state() == before


def test_only_http_links_are_fetched(edition, server):
    edition.official_download_url_ru = ""
    edition.official_url_ru = "ftp://example.org/law.docx"
    edition.save()
    with pytest.raises(CommandError, match="only http and https"):
        fetch("--lang", "ru")


def test_an_edition_without_links_is_a_clear_error(edition):
    for lang in LANGS:
        setattr(edition, f"official_url_{lang}", "")
        setattr(edition, f"official_download_url_{lang}", "")
    edition.save()
    with pytest.raises(CommandError, match="no official link"):
        fetch()


def amended(lang_lines):
    """The made-up law, amended: article 2's first paragraph reworded, a paragraph added to
    article 2-1, and a dated note on the act."""
    lines = list(lang_lines)
    index = lines.index("1. A trial is carried out by a trier.")
    lines[index] = "1. A trial is carried out by two triers."
    index = lines.index("1. Results shall be kept for one year.")
    lines.insert(index + 1, "2. Results shall be published.")
    lines.insert(0, "Footnote. The Law as amended by Law of the Republic of Kazakhstan No. 9-VIII of 24.06.2026.")
    return lines


def test_the_watch_is_silent_when_nothing_changed_and_records_the_check(edition, server):
    serve_law(server)
    fetch()
    before = database_hash()
    assert watch() == ""
    assert database_hash() == before  # only the "last found unchanged" time moved
    assert OfficialTextVersion.objects.filter(edition=edition).count() == 3
    assert all(v.checked_at for v in OfficialTextVersion.objects.filter(edition=edition))
    assert "test-law: unchanged" in watch("--verbosity", "2")


def test_the_watch_imports_a_change_and_marks_it_for_review(edition, server):
    serve_law(server)
    fetch()
    article = Article.objects.get(edition=edition, number="2")
    article.last_checked = article.updated_at.date()
    article.save()
    serve_law(server, {"en": amended(fixture_lines("en"))})
    output = watch()
    assert "test-law (en): the official text changed" in output
    assert "changed  article 2 paragraph 1" in output and "added    article 2-1 paragraph 2" in output
    assert OfficialTextVersion.objects.filter(edition=edition, lang="en").count() == 2
    latest = OfficialTextVersion.objects.filter(edition=edition, lang="en").latest()
    assert latest.as_of.isoformat() == "2026-06-24" and latest.as_of_basis == "notes"
    for number in ("2", "2-1"):
        article = Article.objects.get(edition=edition, number=number)
        assert article.needs_review and article.official_changed_on
    assert not Article.objects.get(edition=edition, number="1").needs_review


def test_the_watch_exits_with_an_error_and_changes_nothing_when_a_fetch_fails(edition, server):
    serve_law(server)
    fetch()
    serve_law(server, {"en": amended(fixture_lines("en"))})
    server.routes["/kk/docs/T1/download/docx"] = (503, b"busy", 0)
    before = state()
    with pytest.raises(CommandError) as caught:
        watch()
    assert "503" in str(caught.value) and "test-law" in str(caught.value)
    assert state() == before


def test_a_download_cut_short_changes_nothing(edition, server):
    serve_law(server)
    fetch()
    serve_law(server, {"en": amended(fixture_lines("en"))})
    whole = server.routes["/en/docs/T1/download/docx"][1]
    server.short["/en/docs/T1/download/docx"] = len(whole) + 500
    before = state()
    with pytest.raises(CommandError, match="stopped early"):
        fetch()
    assert state() == before


def test_a_redirect_to_another_scheme_is_refused(edition, server):
    serve_law(server)
    server.routes["/ru/docs/T1/download/docx"] = (302, b"", 0)
    server.location["/ru/docs/T1/download/docx"] = "ftp://example.org/law.docx"
    with pytest.raises(CommandError, match="not http or https"):
        fetch("--lang", "ru")
