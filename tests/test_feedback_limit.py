"""'Is this page useful?': at most FEEDBACK_RATE_LIMIT answers per address and window, counted in the
database, so that every worker (each with its own locmem cache by default) holds the same limit."""

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from feedback.models import PageFeedback, RateWindow

from .conftest import soup, visible_text
from .test_feedback import article_url, send

pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]


def test_the_eleventh_answer_within_the_hour_is_refused(client):
    address = "203.0.113.7"
    for _ in range(10):
        assert send(client, article_url("en"), REMOTE_ADDR=address).status_code == 303
    refused = send(client, article_url("en"), comment="one more", REMOTE_ADDR=address)
    assert refused.status_code == 429
    assert "We have received many answers from your connection" in visible_text(soup(refused).find("main"))
    assert soup(refused).find("main").find("a", href=article_url("en")) is not None
    assert PageFeedback.objects.count() == 10
    assert not PageFeedback.objects.filter(comment="one more").exists()
    # Another address is not held back, and the addresses themselves are kept nowhere.
    assert send(client, article_url("en"), REMOTE_ADDR="203.0.113.8").status_code == 303
    keys = list(RateWindow.objects.values_list("key", flat=True))
    assert len(keys) == 2
    assert not any("203.0.113" in key for key in keys)


def test_addresses_of_one_ipv6_network_share_one_limit(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    statuses = [send(client, article_url("en"), REMOTE_ADDR=f"2001:db8:1:2::{n:x}").status_code for n in range(1, 6)]
    assert statuses == [303, 303, 303, 429, 429]  # one /64 is one connection
    assert send(client, article_url("en"), REMOTE_ADDR="2001:db8:1:3::1").status_code == 303


def test_the_limit_comes_from_the_settings(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    statuses = [send(client, article_url("kk")).status_code for _ in range(3)]
    assert statuses == [303, 303, 429]


def worker(n):
    """The settings of one gunicorn worker with the default cache: a locmem store of its own."""
    own = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"worker-{n}"}
    return override_settings(CACHES={**django_settings.CACHES, "default": own})


def test_the_limit_holds_across_workers_with_the_default_cache(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 4
    statuses = []
    for n in range(8):  # the visitor's answers land on one worker, then the other
        with worker(n % 2):
            statuses.append(send(client, article_url("ru")).status_code)
    assert statuses == [303] * 4 + [429] * 4


def test_a_closed_window_opens_a_new_one_and_is_deleted(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    settings.FEEDBACK_RATE_WINDOW = 60
    assert send(client, article_url("en"), REMOTE_ADDR="198.51.100.1").status_code == 303
    assert send(client, article_url("en"), REMOTE_ADDR="198.51.100.1").status_code == 429
    RateWindow.objects.update(ends_at=RateWindow.objects.get().ends_at.replace(year=2000))  # long closed
    assert send(client, article_url("en"), REMOTE_ADDR="198.51.100.2").status_code == 303  # deletes it
    assert RateWindow.objects.count() == 1
    assert send(client, article_url("en"), REMOTE_ADDR="198.51.100.1").status_code == 303
