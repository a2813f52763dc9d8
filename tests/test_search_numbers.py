"""A search for an article number offers that article in every edition and says which is which."""

import pytest

from search.numbers import article_number

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, number",
    [
        ("article 18", "18"),
        ("Art. 18", "18"),
        ("статья 18", "18"),
        ("Ст. 18", "18"),
        ("18-бап", "18"),
        ("18 бап", "18"),
        ("бап 18", "18"),
        ("  18  ", "18"),
        ("статья 7-1", "7-1"),
        ("article", ""),
        ("18 years", ""),
        ("data 18", ""),
        ("статья 18 закона", ""),
        ("1" * 10, ""),
    ],
)
def test_a_search_names_an_article_number(text, number):
    assert article_number(text) == number


@pytest.mark.parametrize("lang, q", [("kk", "18-бап"), ("ru", "статья 18"), ("en", "article 18")])
def test_both_editions_article_18_are_offered_the_law_in_force_first(client, lang, q):
    page = soup(client.get(f"/{lang}/search/", {"q": q}))
    box = page.find("section", class_="numbered-articles")
    assert box is not None
    links = [a["href"] for a in box.find_all("a")]
    assert links == [f"/{lang}/ai-law/law-230-viii/article-18/", f"/{lang}/ai-law/draft-2025/article-18/"]
    items = box.find_all("li")
    assert items[0].select_one(".status--in_force") is not None
    assert items[1].select_one(".status--in_force") is None
    # Each link names its edition: the two texts differ although the number is the same.
    assert items[0].find("a").get_text() != items[1].find("a").get_text()


def test_a_number_only_the_law_has_offers_only_the_law(client):
    box = soup(client.get("/en/search/", {"q": "article 31"})).find("section", class_="numbered-articles")
    assert [a["href"] for a in box.find_all("a")] == ["/en/ai-law/law-230-viii/article-31/"]


@pytest.mark.parametrize("q", ["article 99", "data", "18 years"])
def test_no_box_when_no_article_is_named(client, q):
    assert soup(client.get("/en/search/", {"q": q})).find("section", class_="numbered-articles") is None
