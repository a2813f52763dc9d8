"""The page cache cannot be filled by strangers: made-up answers to the question flow and made-up
hosts or ports never become one more page kept for a day (lawsite/caching.py)."""

import itertools
import time
from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.test import Client

from checker.engine import Answers
from checker.views import declared_flow
from law.models import Edition
from lawsite import caching

pytestmark = pytest.mark.django_db
PRINT = "/ru/ai-law/law-230-viii/article-3/print/"


def stored():
    """{key: seconds left} of the pages kept (the page cache in tests is Django's LocMemCache)."""
    pages = caches["pages"]
    return {key: pages._expire_info[key] - time.time() for key in pages._cache}


def answer_pages(count):
    """Addresses of `count` different complete sets of answers to the draft's flow, as its links write them."""
    flow = declared_flow(Edition.objects.get(slug="draft-2025"))
    first = flow.questions[:3]
    urls = []
    for chosen in itertools.product(*(q.values for q in first)):
        values = {q.name: (v,) if q.multiple else v for q, v in zip(first, chosen, strict=True)}
        values = flow.keep_applicable(values)
        while (due := flow.next_question(values)) is not None:
            values[due.name] = (due.values[0],) if due.multiple else due.values[0]
        urls.append("/en/ai-law/draft-2025/check/result/?" + urlencode(Answers(flow, values, []).query_items()))
    assert len(set(urls)) >= count
    return sorted(set(urls))[:count]


def test_made_up_answers_are_kept_for_minutes_in_a_fixed_number_of_places(page_cache, monkeypatch):
    monkeypatch.setattr(caching, "ANSWER_PAGE_SLOTS", 3)
    for url in answer_pages(8):
        assert Client().get(url).status_code == 200, url
    kept = stored()
    assert 0 < len(kept) <= 3
    assert max(kept.values()) <= caching.ANSWER_PAGE_TTL_SECONDS <= 3600


def test_an_answer_page_pushed_out_of_its_place_is_made_again_not_swapped(
    page_cache, monkeypatch, django_assert_num_queries, django_assert_max_num_queries
):
    monkeypatch.setattr(caching, "ANSWER_PAGE_SLOTS", 1)
    first, second = answer_pages(2)
    page = Client().get(first).content
    with django_assert_num_queries(0):
        assert Client().get(first).content == page  # kept
    other = Client().get(second).content  # takes the one place
    assert other != page
    with django_assert_max_num_queries(1000) as made:
        assert Client().get(first).content == page
    assert len(made.captured_queries) > 0


@pytest.mark.parametrize(
    "host",
    ["ailaw.example.kz:1", "ailaw.example.kz:2", "AILAW.example.kz", "ailaw.example.kz.", "mirror.example.kz"],
)
def test_without_site_url_a_host_not_named_as_such_creates_no_cached_page(page_cache, settings, host):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["ailaw.example.kz", ".example.kz"]  # a wildcard serves, but is not kept
    response = Client(HTTP_HOST=host).get(PRINT)
    assert response.status_code == 200
    assert host in response.content.decode()  # the page is made from the host: it must not be shared
    assert stored() == {}


def test_without_site_url_the_named_host_is_cached_with_no_port_or_the_servers_own(page_cache, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["ailaw.example.kz"]
    Client(HTTP_HOST="ailaw.example.kz").get(PRINT)
    Client(HTTP_HOST="ailaw.example.kz:8000").get(PRINT, SERVER_PORT="8000")  # the port it listens on
    assert len(stored()) == 2


def test_with_site_url_ports_and_hosts_make_one_cached_page(page_cache, settings, django_assert_num_queries):
    settings.SITE_URL = "https://ailaw.example.kz"
    settings.ALLOWED_HOSTS = ["ailaw.example.kz", ".example.kz"]
    hosts = [f"ailaw.example.kz:{port}" for port in range(1, 6)] + ["AILAW.example.kz", "mirror.example.kz"]
    pages = {Client(HTTP_HOST=host).get(PRINT).content for host in hosts}
    assert len(pages) == 1
    assert len(stored()) == 1
    with django_assert_num_queries(0):
        assert Client(HTTP_HOST="ailaw.example.kz").get(PRINT).content in pages
