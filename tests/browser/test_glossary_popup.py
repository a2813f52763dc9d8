"""Glossary pop-ups in a real browser: keyboard first, and a plain link without JavaScript."""

from playwright.sync_api import expect

ARTICLE = "/en/ai-law/draft-2025/article-15/"


def test_a_term_opens_and_closes_from_the_keyboard(site, page):
    page.goto(site + ARTICLE)
    term = page.locator("#plain-language a.term").first
    assert term.get_attribute("role") == "button"
    assert term.get_attribute("aria-expanded") == "false"
    term.focus()
    page.keyboard.press("Enter")
    # The definitions are fetched on first use: wait for the term to say it is expanded. `expect`
    # polls from Python; a string predicate would need eval, which the site's CSP forbids.
    expect(term).to_have_attribute("aria-expanded", "true")
    pop_id = term.get_attribute("aria-controls")
    pop = page.locator(f"#{pop_id}")
    pop.wait_for(state="visible")
    assert term.get_attribute("aria-expanded") == "true"
    assert pop.locator(".term-pop-name").inner_text().strip()
    assert pop.locator("a").get_attribute("href").startswith("/en/ai-law/draft-2025/glossary/#")
    # Tab moves into the pop-up (it follows the term in the reading order); Escape closes it and
    # gives focus back to the term.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.term-pop') !== null")
    page.keyboard.press("Escape")
    pop.wait_for(state="hidden")
    assert term.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('term')")
    # Space works as on any button, and a second press closes.
    page.keyboard.press(" ")
    pop.wait_for(state="visible")
    page.keyboard.press(" ")
    pop.wait_for(state="hidden")
    assert page.url == site + ARTICLE


def test_without_javascript_a_term_is_a_link_to_the_glossary(site, page_without_js):
    page_without_js.goto(site + ARTICLE)
    term = page_without_js.locator("#plain-language a.term").first
    slug = term.get_attribute("data-term")
    assert term.get_attribute("role") is None
    term.click()
    page_without_js.wait_for_url(f"{site}/en/ai-law/draft-2025/glossary/#{slug}")
    assert page_without_js.locator(f"[id='{slug}']").is_visible()
