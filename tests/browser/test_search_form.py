"""The header search form in a real browser: Enter submits it, and the results page answers."""

import pytest


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_search_works_from_the_header(site, page, lang):
    page.goto(f"{site}/{lang}/")
    page.fill("#header-search-q", "AI")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/{lang}/search/?q=AI")
    assert page.locator(".search-status").inner_text().strip()
    assert page.locator("li.search-result").count() > 0
