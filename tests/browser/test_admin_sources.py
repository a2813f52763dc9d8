"""The other languages beside a translated field in the admin, in a real Chromium: beside the input
on a wide screen, under it on a narrow one, inside the language tabs, and reached by a link to a field."""

import pytest

from tests.browser.navigation import sign_in
from tests.conftest import EDITOR

WIDE = {"width": 1366, "height": 900}
NARROW = {"width": 800, "height": 900}


@pytest.fixture
def editor_context(chromium):
    """A signed-in editor's browser (English admin: its language tab is "en" when the page opens)."""
    contexts = []

    def make(site, **options):
        context = chromium.new_context(locale="en-GB", **options)
        contexts.append(context)
        return sign_in(context.new_page(), site, EDITOR)

    yield make
    for context in contexts:
        context.close()


def article_change_url(page, site, number="16"):
    page.goto(f"{site}/admin/law/article/?q={number}")
    href = page.get_attribute(f"#result_list th a:text-is('{number}')", "href")
    assert href and "/change/" in href, href
    return f"{site}{href.split('?')[0]}"


def boxes(page, field_id):
    """The input's box and its sources' box, as laid out."""
    target = page.locator(f"#{field_id}").bounding_box()
    sources = page.locator(f".form-row:has(#{field_id}) details.sources").bounding_box()
    assert target and sources, f"#{field_id} or its sources are not shown"
    return target, sources


def open_tab(page, field_id):
    page.click(f"a.ui-tabs-anchor[href='#tab_{field_id}']")
    page.wait_for_selector(f"#{field_id}", state="visible")


def test_the_sources_sit_beside_the_input_in_the_kazakh_tab_on_a_wide_screen(editor_context, site):
    page = editor_context(site, viewport=WIDE)
    page.goto(article_change_url(page, site))
    page.wait_for_selector(".ui-tabs")
    open_tab(page, "id_summary_kk")
    # The Kazakh panel holds the Kazakh input and, beside it, the Russian and English texts.
    panel = page.locator("#tab_id_summary_kk")
    assert panel.locator(".source[lang='ru'] .source-text").is_visible()
    assert panel.locator(".source[lang='en'] .source-text").is_visible()
    assert panel.locator(".source[lang='kk']").count() == 0
    assert not page.locator("#id_summary_ru").is_visible()
    target, sources = boxes(page, "id_summary_kk")
    assert sources["x"] >= target["x"] + target["width"], (target, sources)
    assert abs(sources["y"] - target["y"]) < target["height"], (target, sources)
    assert target["width"] > 250


def test_the_sources_stack_under_the_input_on_a_narrow_screen(editor_context, site):
    page = editor_context(site, viewport=NARROW)
    page.goto(article_change_url(page, site))
    page.wait_for_selector(".ui-tabs")
    open_tab(page, "id_summary_kk")
    target, sources = boxes(page, "id_summary_kk")
    assert sources["y"] >= target["y"] + target["height"], (target, sources)
    assert abs(sources["x"] - target["x"]) < 40, (target, sources)
    # Nothing wider than the window: no sideways scrolling to read a source.
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_a_link_to_a_kazakh_field_opens_the_kazakh_tab_and_shows_the_field(editor_context, site):
    page = editor_context(site, viewport=WIDE)
    url = article_change_url(page, site, number="17")
    page.goto(url)
    page.wait_for_selector(".ui-tabs")
    assert page.locator("#id_summary_en").is_visible()  # the admin's language opens first
    assert not page.locator("#id_summary_kk").is_visible()
    page.goto(f"{url}#id_for_you_kk")
    page.wait_for_selector("#id_for_you_kk", state="visible")
    assert not page.locator("#id_for_you_en").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_for_you_kk"
    top = page.evaluate("document.getElementById('id_for_you_kk').getBoundingClientRect().top")
    assert 0 <= top < WIDE["height"]
    # The page-wide language switch follows the tab that was opened.
    assert page.locator("#modeltranslation-main-switch").input_value() == "0"


def test_without_javascript_every_language_shows_with_its_sources(chromium, site):
    context = chromium.new_context(java_script_enabled=False, locale="en-GB", viewport=WIDE)
    try:
        page = sign_in(context.new_page(), site, EDITOR, ready="#content-main")
        page.goto(article_change_url(page, site))
        for lang in ("kk", "ru", "en"):
            page.locator(f"#id_summary_{lang}").wait_for(state="visible", timeout=10_000)
            others = page.locator(f".form-row:has(#id_summary_{lang}) .source")
            assert sorted(others.evaluate_all("els => els.map(e => e.lang)")) == sorted(
                other for other in ("kk", "ru", "en") if other != lang
            )
            target, sources = boxes(page, f"id_summary_{lang}")
            assert sources["x"] >= target["x"] + target["width"]
    finally:
        context.close()
