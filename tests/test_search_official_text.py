"""Search finds the law's own words (#33 item 5): the official Russian text ships with the site, the
search indexes it, and the law in force comes before the draft (history), so a word as the law
writes it finds the law's articles first."""

import pytest
from django.test import Client

from law.models import Edition

from .test_search import results_here, search

pytestmark = pytest.mark.django_db

LAW = "/ru/ai-law/law-230-viii/"


def first_links(q, count=1):
    return [result.find("a")["href"] for result in results_here(search(Client(), "ru", q))[:count]]


def test_the_laws_word_for_labelling_finds_article_21_first():
    assert first_links("маркировкой") == [f"{LAW}article-21/"]
    result = results_here(search(Client(), "ru", "маркировкой"))[0]
    snippets = [link["href"] for link in result.select("a.search-snippet-link")]
    assert f"{LAW}article-21/#p-2" in snippets  # Article 21(2), in the law's words


@pytest.mark.parametrize("q", ["биометрических", "степени риска", "маркировка"])
def test_the_laws_own_words_find_its_articles_first(q):
    (first,) = first_links(q)
    assert first.startswith(f"{LAW}article-"), first


def test_the_draft_comes_after_the_law_in_force():
    """«биометрических» is in the draft's glossary as well; the law in force comes first."""
    links = first_links("биометрических", 20)
    draft = [n for n, link in enumerate(links) if "/draft-2025/" in link]
    law = [n for n, link in enumerate(links) if link.startswith(LAW)]
    assert draft and law and max(law) < min(draft)


def test_with_the_draft_in_force_the_draft_would_come_first():
    """The order is the editions' legal status, data, not a slug in code."""
    Edition.objects.filter(slug="law-230-viii").update(legal_status=Edition.LegalStatus.SUPERSEDED)
    Edition.objects.filter(slug="draft-2025").update(legal_status=Edition.LegalStatus.IN_FORCE)
    assert "/draft-2025/" in first_links("биометрических")[0]
