"""The public page cache: fast for visitors, fresh for editors, emptied when content the public
can see changes, and kept apart from the rest of the cache."""

import logging

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory

from law.models import Article, GlossaryTerm, SiteState, Status
from lawsite import caching
from lawsite.caching import code_files, code_version, forget_state, page_key

pytestmark = pytest.mark.django_db
URL = "/en/ai-law/draft-2025/article-15/"


def test_a_repeated_visit_is_served_from_the_cache_without_the_database(page_cache, django_assert_num_queries):
    client = Client()
    first = client.get(URL)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(URL)
    assert second.content == first.content


def test_clearing_the_default_cache_leaves_the_pages_alone(page_cache, django_assert_num_queries):
    first = Client().get(URL)
    caches["default"].clear()
    with django_assert_num_queries(0):
        second = Client().get(URL)
    assert second.content == first.content


def test_public_pages_tell_browsers_and_cdns_how_to_cache(page_cache):
    response = Client().get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Last-Modified"]
    assert response["ETag"]
    assert {"cookie", "accept-encoding"} <= {v.strip().lower() for v in response["Vary"].split(",")}
    assert response["Content-Encoding"] == "gzip"
    again = Client().get(URL, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_languages_are_cached_apart(page_cache, django_assert_num_queries, django_assert_max_num_queries):
    kk = Client().get("/kk/ai-law/draft-2025/article-15/")
    with django_assert_max_num_queries(1000) as rendered:  # the Kazakh page cached is not served for Russian
        ru = Client().get("/ru/ai-law/draft-2025/article-15/")
    assert len(rendered.captured_queries) > 0
    with django_assert_num_queries(0):  # while the Kazakh page itself is
        again = Client().get("/kk/ai-law/draft-2025/article-15/")
    assert b'lang="kk"' in kk.content and b'lang="ru"' in ru.content and again.content == kk.content


def test_a_change_to_content_empties_the_cache(page_cache, django_capture_on_commit_callbacks):
    client = Client()
    client.get(URL)
    article = Article.objects.get(edition__slug="draft-2025", number="15")
    with django_capture_on_commit_callbacks(execute=True):
        article.plain_title_en = "A brand new plain title"
        article.save()
    assert b"A brand new plain title" in client.get(URL).content


def test_signed_in_editors_always_see_fresh_pages(page_cache, admin_user):
    Client().get(URL)  # now cached
    Article.objects.filter(edition__slug="draft-2025", number="15").update(plain_title_en="Changed quietly")
    assert b"Changed quietly" not in Client().get(URL).content  # the public copy is the cached one
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(URL)
    assert b"Changed quietly" in response.content
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_errors_and_redirects_are_not_cached(page_cache, django_assert_max_num_queries):
    Client().get("/en/ai-law/draft-2025/article-99/")
    with django_assert_max_num_queries(1000) as looked_up:  # looked up again, not served from the cache
        assert Client().get("/en/ai-law/draft-2025/article-99/").status_code == 404
    assert len(looked_up.captured_queries) > 0
    response = Client().get("/en/check/result/?uses_ai=yes")
    assert response.status_code == 302 and "public" not in response.get("Cache-Control", "")


# --------------------------------------------------------------------------- what empties it


def version():
    return SiteState.current().version


def in_review(number):
    """An article of the draft that editors have taken back to review (as stored, no signal)."""
    Article.objects.filter(edition__slug="draft-2025", number=number).update(status=Status.WITHDRAWN)
    return Article.objects.get(edition__slug="draft-2025", number=number)


def test_work_on_an_article_the_public_cannot_see_leaves_the_cached_pages(
    page_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    article = in_review("18")  # it has paragraphs, rights and duties
    cached = Client().get(URL).content
    before = version()
    with django_capture_on_commit_callbacks(execute=True):
        article.summary_en = "A summary being rewritten."
        article.status = Status.DRAFT
        article.save()
    with django_capture_on_commit_callbacks(execute=True):
        paragraph = article.paragraphs.first()
        paragraph.note_en = "A note being rewritten."
        paragraph.save()
        right = article.rights_and_duties.first()
        right.text_en = "A duty being rewritten."
        right.save()
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.create(
            edition=article.edition, chapter=article.chapter, number="18-1", position=99, status=Status.DRAFT
        )
    assert version() == before
    with django_assert_num_queries(0):
        assert Client().get(URL).content == cached


def change_visible_to_the_public(case):
    if case == "publishing an article":
        article = in_review("16")
        article.status = Status.PUBLISHED
        article.save()
    elif case == "taking an article back to review":
        article = Article.objects.get(edition__slug="draft-2025", number="16")
        article.status = Status.WITHDRAWN
        article.save()
    elif case == "a paragraph of a published article":
        paragraph = Article.objects.get(edition__slug="draft-2025", number="18").paragraphs.first()
        paragraph.note_en = "A new note."
        paragraph.save()
    elif case == "the number of an article in review (the glossary names it)":
        article = in_review("16")
        article.number = "16-2"
        article.save()
    elif case == "a glossary term":
        term = GlossaryTerm.objects.first()
        term.definition_en = "A new definition."
        term.save()
    elif case == "deleting an article in review":
        in_review("16").delete()


@pytest.mark.parametrize(
    "case",
    [
        "publishing an article",
        "taking an article back to review",
        "a paragraph of a published article",
        "the number of an article in review (the glossary names it)",
        "a glossary term",
        "deleting an article in review",
    ],
)
def test_a_change_the_public_can_see_empties_the_cache(case, page_cache, django_capture_on_commit_callbacks):
    before = version()
    with django_capture_on_commit_callbacks(execute=True):
        change_visible_to_the_public(case)
    assert version() == before + 1


# --------------------------------------------------------------------------- a new release


def test_a_change_to_a_template_tag_at_any_depth_changes_the_code_version(settings, tmp_path, monkeypatch):
    settings.RELEASE = ""
    settings.BASE_DIR = tmp_path
    tags = tmp_path / "law" / "templatetags" / "lawtags.py"
    tags.parent.mkdir(parents=True)
    tags.write_text("def tag(): return 1\n")
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    (tmp_path / ".venv" / "lib" / "site.py").write_text("x = 1\n")
    monkeypatch.setattr(caching, "_code", {})
    first = code_version()
    tags.write_text("def tag(): return 2\n")
    monkeypatch.setattr(caching, "_code", {})
    assert code_version() != first
    # What is not the site's own code does not count.
    changed = code_version()
    (tmp_path / ".venv" / "lib" / "site.py").write_text("x = 2\n")
    monkeypatch.setattr(caching, "_code", {})
    assert code_version() == changed


def test_the_code_version_covers_the_sites_template_tags(settings):
    names = {path.relative_to(settings.BASE_DIR).as_posix() for path in code_files(settings.BASE_DIR)}
    assert {"law/templatetags/lawtags.py", "checker/templatetags/flowtags.py"} <= names
    assert {"templates/base.html", "lawsite/caching.py", "static/css/site.css"} <= names


def test_a_release_named_in_the_environment_is_the_code_version(settings):
    request = RequestFactory().get(URL)
    settings.RELEASE = "3f2a9c1"
    assert code_version() == "3f2a9c1"
    key = page_key(request, 7)
    settings.RELEASE = "8b41d07"
    assert page_key(request, 7) != key


# --------------------------------------------------------------------------- a cache server down


def test_pages_are_served_from_the_database_when_the_cache_server_is_down(settings, tmp_path, caplog):
    # A Redis socket that does not exist: every connection fails at once, on any machine.
    down = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"unix://{tmp_path / 'no-redis-here.sock'}",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {"default": down, "pages": down}
    settings.PUBLIC_PAGE_CACHE = True
    forget_state()
    caplog.set_level(logging.WARNING, logger="lawsite.caching")
    flow_result = "/ru/ai-law/draft-2025/check/result/?uses_ai=no&provides_ai=no&data_library=no"
    for url in (URL, "/kk/", flow_result, "/en/glossary/"):
        caplog.clear()
        response = Client().get(url)
        assert response.status_code == 200, url
        # The cache was asked, and found wanting, both to give the page and to keep it.
        warnings = [r.getMessage() for r in caplog.records if r.name == "lawsite.caching"]
        assert warnings == [
            "cache unreachable on get; serving from the database",
            "cache unreachable on set",
        ], url


def test_a_host_header_never_reaches_another_visitors_page(page_cache, settings):
    """Without SITE_URL, absolute links come from the (validated) host: the cache keeps hosts apart."""
    settings.ALLOWED_HOSTS = ["ailaw.example.kz", "mirror.example.kz"]
    settings.SITE_URL = ""
    first = Client(HTTP_HOST="mirror.example.kz").get("/ru/ai-law/law-230-viii/article-3/print/")
    assert "mirror.example.kz" in first.content.decode()
    second = Client(HTTP_HOST="ailaw.example.kz").get("/ru/ai-law/law-230-viii/article-3/print/")
    assert "ailaw.example.kz" in second.content.decode() and "mirror.example.kz" not in second.content.decode()


def test_with_site_url_pages_do_not_depend_on_the_host_header(page_cache, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://ailaw.example.kz"
    page = Client(HTTP_HOST="attacker.example").get("/ru/ai-law/law-230-viii/article-3/print/").content.decode()
    assert "https://ailaw.example.kz/ru/ai-law/law-230-viii/article-3/" in page
    assert "attacker.example" not in page


def test_a_disallowed_host_gets_the_400_page_not_a_500(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["ailaw.example.kz"]
    response = Client(raise_request_exception=False).get("/ru/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


# --------------------------------------------------------------------------- query strings


def stored_pages():
    return len(caches["pages"]._cache)  # the page cache in tests is Django's LocMemCache


FLOW_RESULT = "/kk/ai-law/draft-2025/check/result/?uses_ai=yes&provides_ai=no&data_library=no"


@pytest.mark.parametrize(
    "url",
    [
        URL + "?utm_source=mail",  # a parameter no page reads
        URL + "?official=1",  # read by the print view only
        "/en/search/?q=risk",  # any words at all: search pages are made fresh
        FLOW_RESULT + "&utm_source=mail",
        "/kk/ai-law/draft-2025/check/result/?data_library=no&provides_ai=no&uses_ai=yes",  # reordered
        "/en/ai-law/draft-2025/article-15/print/?official=yes",  # a value the view does not know
        "/en/ai-law/draft-to-law/?by=nothing",
        "/en/ai-law/draft-2025/article-15/compare/?langs=kk,en&text=explanation",  # not as the form sends
        "/en/ai-law/draft-2025/article-15/compare/?editions=draft-2025%2Claw-230-viii",
    ],
)
def test_a_query_string_the_page_was_not_made_from_creates_no_cached_page(page_cache, url):
    for n in range(3):
        response = Client().get(f"{url}{n}" if url.endswith("mail") else url)
        assert response.status_code in (200, 302), url
    assert stored_pages() == 0, url


@pytest.mark.parametrize(
    "url",
    [
        FLOW_RESULT,
        "/en/ai-law/draft-2025/check/provides_ai/?uses_ai=yes",
        "/en/ai-law/draft-to-law/?by=draft-2025",
        "/en/ai-law/draft-2025/article-15/compare/?langs=kk&langs=en&text=explanation",  # the form's
        "/en/ai-law/draft-2025/article-15/compare/?editions=draft-2025,law-230-viii",  # what-changed's
    ],
)
def test_a_page_at_the_address_the_sites_own_links_use_is_cached(page_cache, url, django_assert_num_queries):
    first = Client().get(url)
    assert first.status_code == 200, url
    with django_assert_num_queries(0):
        second = Client().get(url)
    assert second.content == first.content


def test_a_print_with_the_official_text_is_cached(page_cache, django_assert_num_queries):
    """The print view offers ?official=1 only where an official text is loaded (none is shipped)."""
    from law.models import Paragraph

    for paragraph in Paragraph.objects.filter(article__edition__slug="draft-2025", article__number="18"):
        paragraph.official_text_en = f"Made-up official text of paragraph {paragraph.label}."
        paragraph.save()
    caches["pages"].clear()
    url = "/en/ai-law/draft-2025/article-18/print/?official=1"
    first = Client().get(url)
    assert first.status_code == 200 and b"Made-up official text" in first.content
    with django_assert_num_queries(0):
        second = Client().get(url)
    assert second.content == first.content
