"""The header search form in a real browser: Enter submits it, and the results page answers."""

from urllib.parse import quote_plus

import pytest


# Each word is in one passage of the shipped content only: a summary of one of the draft's articles,
# which search lists under History (the earlier edition), closed until the visitor opens it.
@pytest.mark.parametrize("lang, word, number", [("kk", "тиімдірек", "3"), ("en", "entrepreneurship", "25")])
def test_search_works_from_the_header(site, page, lang, word, number):
    page.goto(f"{site}/{lang}/")
    page.fill("#header-search-q", word)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/{lang}/search/?q={quote_plus(word)}")
    assert page.locator(".search-status").inner_text().strip()
    result = page.locator("li.search-result")
    assert result.count() == 1
    assert not result.is_visible()
    page.locator(".search-history summary").click()
    assert result.is_visible()
    snippet = result.locator("a.search-snippet-link")
    assert snippet.count() == 1
    assert snippet.get_attribute("href") == f"/{lang}/ai-law/draft-2025/article-{number}/#plain-language"
    assert result.locator(".search-snippet mark").all_inner_texts() == [word]
