"""The public page cache: fast for visitors, fresh for editors, emptied when content changes."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from law.models import Article
from lawsite.caching import forget_state

pytestmark = pytest.mark.django_db
URL = "/en/ai-law/draft-2025/article-15/"


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    forget_state()
    yield
    cache.clear()


def test_a_repeated_visit_is_served_from_the_cache_without_the_database(page_cache, django_assert_num_queries):
    client = Client()
    first = client.get(URL)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(URL)
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


def test_languages_are_cached_apart(page_cache):
    kk = Client().get("/kk/ai-law/draft-2025/article-15/")
    ru = Client().get("/ru/ai-law/draft-2025/article-15/")
    assert b'lang="kk"' in kk.content and b'lang="ru"' in ru.content


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


def test_errors_and_redirects_are_not_cached(page_cache):
    Client().get("/en/ai-law/draft-2025/article-99/")
    assert Client().get("/en/ai-law/draft-2025/article-99/").status_code == 404
    response = Client().get("/en/check/result/?uses_ai=yes")
    assert response.status_code == 302 and "public" not in response.get("Cache-Control", "")


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
)
def test_pages_are_served_from_the_database_when_the_cache_server_is_down(settings):
    settings.PUBLIC_PAGE_CACHE = True
    forget_state()
    for url in (
        URL,
        "/kk/",
        "/ru/ai-law/draft-2025/check/result/?uses_ai=no&provides_ai=no&data_library=no",
        "/en/glossary/",
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
