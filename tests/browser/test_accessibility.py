"""WCAG 2.2 AA in a real browser: axe-core finds nothing and headings are in order (one page load
for both), the keyboard reaches and shows every control, languages are marked, and a 360-pixel
phone never scrolls sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

LANGS = ["kk", "ru", "en"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RESULT = (
    "ai-law/draft-2025/check/result/?uses_ai=yes&provides_ai=yes&data_library=not_sure&autonomy=fully_autonomous"
    "&capabilities=biometric&risk=high&generates_content=yes"
)
LAW_RESULT = "check/result/?" + "&".join(
    f"{q}=not_sure"
    for q in (
        "uses_system",
        "decided_about",
        "runs_system",
        "holds_data",
        "made_data",
        "manipulates",
        "exploits_vulnerability",
        "rates_people",
        "personal_data",
        "biometric_traits",
        "reads_emotions",
        "unlawful_results",
        "risk",
        "autonomy",
        "synthetic",
        "mode",
        "size",
    )
)
PAGES = {
    "home": "",
    "table of contents": "ai-law/draft-2025/",
    "article": "ai-law/draft-2025/article-18/",
    "question": "ai-law/draft-2025/check/capabilities/?uses_ai=yes&provides_ai=yes&data_library=no&autonomy=assistive",
    "question with an error": "ai-law/draft-2025/check/uses_ai/?step=uses_ai",
    "law's first question": "check/",
    "law's question": "check/rates_people/?uses_system=yes&decided_about=no&runs_system=yes&holds_data=no"
    "&made_data=no&manipulates=no&exploits_vulnerability=no",
    "law's result, unsure of all": LAW_RESULT,
    "law's duty sheet": LAW_RESULT.replace("result/", "result/print/"),
    "result code not found": "check/r/?code=zz",
    "result": RESULT,
    "glossary": "glossary/",
    "committee": "committee/",
    "print view": "ai-law/draft-2025/article-16/print/?official=1",
    "booklet": "ai-law/draft-2025/print/",
    "duty sheet": RESULT.replace("result/", "result/print/"),
    "not found": "ai-law/draft-2025/article-99/",
    "search": "search/?q=data",
    "search, nothing found": "search/?q=zzzqqq",
    "from draft to law": "ai-law/draft-to-law/",
    "changes to the official text, none yet": "ai-law/law-230-viii/official-changes/",
    "editions side by side": "ai-law/draft-2025/article-18/compare/?editions=draft-2025,law-230-viii",
    "languages side by side": "ai-law/draft-2025/article-18/compare/?langs=kk,ru,en&text=explanation",
}
AXE = Axe()


def violations(page):
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def heading_levels(page):
    return page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => +e.tagName[1])")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations_and_headings_in_order(axe_page, site, lang, name):
    """One page load, two checks: what axe-core finds, and one h1 with no level skipped after it."""
    axe_page.goto(f"{site}/{lang}/{PAGES[name]}")
    assert violations(axe_page) == []
    levels = heading_levels(axe_page)
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_no_axe_violations_with_a_glossary_pop_up_open(axe_page, site):
    for lang in LANGS:
        axe_page.goto(f"{site}/{lang}/ai-law/draft-2025/article-15/")
        term = axe_page.locator("#plain-language a.term").first
        term.click()
        # The definitions are fetched on first use: the term says when it is open.
        expect(term).to_have_attribute("aria-expanded", "true")
        axe_page.locator(f"#{term.get_attribute('aria-controls')}").wait_for(state="visible")
        assert violations(axe_page) == []


def test_no_axe_violations_on_the_admin_sign_in_page(axe_page, site):
    for lang in LANGS:
        axe_page.set_extra_http_headers({"Accept-Language": lang})
        axe_page.goto(f"{site}/admin/login/")
        assert violations(axe_page) == []


@pytest.mark.parametrize("name", ["home", "article", "question", "result", "print view"])
def test_every_control_is_reachable_by_keyboard_and_visibly_focused(page, site, name):
    page.goto(f"{site}/en/{PAGES[name]}")
    focusable = page.evaluate(
        """() => { const controls = 'a[href], button, input, select, textarea, summary';
              const all = Array.from(document.querySelectorAll(controls))
              .filter(e => !e.disabled && e.type !== 'hidden' && e.checkVisibility({contentVisibilityAuto: true}));
              all.forEach((e, i) => e.dataset.kbd = i); return all.length; }"""
    )
    reached = set()
    for _ in range(focusable + 3):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement; if (!e || e === document.body) return null;
                 const s = getComputedStyle(e);
                 const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                 const visible = outline || s.boxShadow !== 'none';
                 return [e.dataset.kbd, e.outerHTML.slice(0, 80), visible]; }"""
        )
        if info is None:
            continue
        index, html, focus_visible = info
        assert focus_visible, f"no visible focus on {html}"
        assert index is not None, f"focus went to an element that is not a visible control: {html}"
        reached.add(index)
    assert len(reached) == focusable, f"reached {len(reached)} of {focusable} controls"


def test_the_skip_link_is_first_and_moves_to_the_main_content(page, site):
    page.goto(f"{site}/kk/ai-law/draft-2025/article-18/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert page.is_visible(".skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_languages_are_marked_on_pages_and_on_passages_in_another_language(page, site):
    for lang in LANGS:
        page.goto(f"{site}/{lang}/ai-law/draft-2025/article-2/")
        assert page.get_attribute("html", "lang") == lang
        names = page.eval_on_selector_all(".language-switcher a", "els => els.map(e => e.lang)")
        assert sorted(names) == sorted(LANGS)


PHONE_PAGES = ["home", "table of contents", "article", "question", "result", "glossary", "print view", "booklet"]


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_a_360_pixel_screen_never_scrolls_sideways(chromium, site, name):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        for lang in LANGS:
            page.goto(f"{site}/{lang}/{PAGES[name]}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{lang} {name}: page is {width} px wide"
    finally:
        context.close()


def test_explanation_and_official_text_are_side_by_side_on_wide_screens_and_stacked_on_narrow(chromium, site):
    for width, side_by_side in ((1280, True), (360, False)):
        context = chromium.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{site}/en/ai-law/draft-2025/article-18/")
        plain = page.locator("#plain-language").bounding_box()
        official = page.locator("#official-text").bounding_box()
        if side_by_side:
            assert official["x"] > plain["x"] + plain["width"] - 1 and abs(official["y"] - plain["y"]) < 5
        else:
            assert official["y"] >= plain["y"] + plain["height"] - 1 and abs(official["x"] - plain["x"]) < 5
        context.close()
