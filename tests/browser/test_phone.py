"""Reading on a phone: measured at 360×640 and 320 px, in Kazakh (the longest of the three languages)."""

import pytest

from tests.browser.navigation import follow

PHONE = {"width": 360, "height": 640}
SMALLEST = {"width": 320, "height": 640}
EDITIONS = {"law-230-viii": 31, "draft-2025": 28}
# The flows' start pages: answering the first option ("yes") to everything asks every question.
FLOW_STARTS = ["/kk/check/", "/kk/ai-law/draft-2025/check/"]
NARROW_PAGES = [
    "/kk/",
    "/kk/ai-law/law-230-viii/",
    "/kk/ai-law/draft-2025/",
    "/kk/ai-law/law-230-viii/article-18/",
    "/kk/ai-law/draft-2025/article-18/",
    "/kk/ai-law/law-230-viii/article-18/compare/",
    "/kk/ai-law/law-230-viii/article-18/print/",
    "/kk/ai-law/law-230-viii/print/",
    "/kk/ai-law/draft-to-law/",
    "/kk/glossary/",
    "/kk/search/?q=тәуекел",
    "/kk/check/",
    "/kk/check/uses_system/",
    "/kk/check/result/?uses_system=yes&decided_about=yes&runs_system=no&holds_data=no&made_data=no",
    "/kk/check/result/print/?uses_system=yes&decided_about=yes&runs_system=no&holds_data=no&made_data=no",
    "/kk/committee/",
    "/kk/liability/",
]


def open_page(page, url):
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, locale="kk-KZ")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_every_article_starts_its_explanation_on_the_first_screen(phone, site):
    late = []
    for edition, count in EDITIONS.items():
        for number in range(1, count + 1):
            open_page(phone, f"{site}/kk/ai-law/{edition}/article-{number}/")
            heading = phone.locator("#plain-language h3").first  # "In short"
            top = heading.evaluate("h => h.getBoundingClientRect().top")
            if not 0 < top < PHONE["height"] - 40:  # the heading and the start of its first line
                late.append((edition, number, round(top)))
    assert not late, f"'In short' below the first screen: {late}"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_start_is_on_the_first_screen_of_the_flow(phone, site, lang):
    open_page(phone, f"{site}/{lang}/check/")
    assert phone.evaluate("window.scrollY") == 0
    box = phone.locator("a.button--start").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["height"] >= 24 and box["width"] >= 24, box  # WCAG 2.2 target size
    # The introduction is still on the page, under Start.
    intro = phone.locator(".start-intro")
    assert len(intro.inner_text().split()) > 20
    assert intro.bounding_box()["y"] >= box["y"] + box["height"]


@pytest.mark.parametrize("start", FLOW_STARTS)
def test_continue_comes_right_after_the_answers_on_every_question(phone, site, start):
    """Continue does not float over a question's answers (people tapped it before choosing): on the
    first screen of every question it is below the last option, and right after it."""
    open_page(phone, site + start)
    follow(phone, "a.button--start")
    seen, long_ones = [], []
    while "/result/" not in phone.url:
        phone.wait_for_load_state("load")
        phone.evaluate("document.fonts.ready.then(() => true)")
        name = phone.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        assert phone.evaluate("window.scrollY") == 0, name
        button = phone.locator(".question-actions button[type=submit]")
        box = button.bounding_box()
        assert box is not None
        lowest = max(b["y"] + b["height"] for b in (c.bounding_box() for c in phone.locator(".choice").all()))
        assert box["y"] >= lowest, (name, box, lowest)  # below every option, overlapping none
        assert box["y"] - lowest <= 48, (name, box, lowest)  # and right after the last one
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        if lowest > PHONE["height"]:
            long_ones.append(name)
        seen.append(name)
        phone.locator(".choice input").first.check()
        follow(phone, button)
    assert len(seen) >= 7, seen  # every question of the flow was measured
    assert long_ones, seen  # among them, questions whose answers begin or end below the first screen


def test_question_count_runs_over_the_whole_flow(phone, site):
    """ "6 of 11", never a restart at 1: the total grows once, when a "yes" opens the system questions."""
    open_page(phone, f"{site}/kk/check/")
    follow(phone, "a.button--start")
    captions = []
    while "/result/" not in phone.url:
        captions.append(" ".join(phone.inner_text(".caption").split()))
        phone.locator(".choice input").first.check()
        follow(phone, ".question-actions button[type=submit]")
    numbers = [int(caption.split("-", 1)[0]) for caption in captions]
    totals = [caption.rsplit(" ", 1)[-1] for caption in captions]
    assert numbers == list(range(1, len(captions) + 1)), captions
    # Three questions before "do you own or run a system?" is answered; then eleven in all.
    assert totals == ["5)"] * 3 + ["11)"] * 8, captions


# The review's visitors on a phone: a shop owner and a teacher (kk), a job seeker (ru).
PHONE_RESULTS = {
    "shop": "/kk/check/result/?uses_system=yes&decided_about=no&runs_system=yes&holds_data=no&made_data=no"
    "&banned=none&features=none&risk=minimal&autonomy=low&mode=closed&size=small",
    "teacher": "/kk/check/result/?uses_system=yes&decided_about=no&runs_system=no&builds=no&holds_data=no&made_data=no",
    "job_seeker": "/ru/check/result/?uses_system=no&decided_about=yes&runs_system=no&builds=no&holds_data=no"
    "&made_data=no",
}


@pytest.mark.parametrize("visitor", PHONE_RESULTS)
def test_the_result_summary_is_the_first_screen(phone, site, visitor):
    """Who you are, what to do first, deadlines and fines: all on the first screen, without scrolling."""
    open_page(phone, site + PHONE_RESULTS[visitor])
    box = phone.locator("section.brief").bounding_box()
    assert box is not None
    assert box["y"] > 0 and box["y"] + box["height"] <= PHONE["height"], (visitor, box)
    assert phone.locator("section.brief .brief-actions li").count() >= 1
    assert phone.locator("section.brief .brief-fine").is_visible()


def test_nothing_scrolls_sideways_at_320_pixels(chromium, site):
    context = chromium.new_context(viewport=SMALLEST)
    page = context.new_page()
    wide = []
    for url in NARROW_PAGES:
        open_page(page, site + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SMALLEST["width"]:
            wide.append((url, width))
    context.close()
    assert not wide, wide


def test_the_header_is_short_and_its_menu_opens_without_javascript(phone_without_js, phone, site):
    for page in (phone_without_js, phone):
        open_page(page, f"{site}/kk/ai-law/law-230-viii/article-18/")
        header = page.locator(".site-header").bounding_box()
        assert header["height"] < 0.2 * PHONE["height"], header
        nav = page.locator(".primary-nav a").first
        assert not nav.is_visible()
        page.click(".site-menu-toggle")
        assert nav.is_visible()
        assert page.locator(".primary-nav a[aria-current]").inner_text().strip() == nav.inner_text().strip()
        assert page.locator("#header-search-q").is_visible()


def test_wide_screens_show_the_navigation_without_a_menu(page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{site}/ru/glossary/")
    assert not page.locator(".site-menu-toggle").is_visible()
    assert page.locator(".primary-nav a[aria-current]").is_visible()
    assert page.locator("#header-search-q").is_visible()


def test_the_print_toolbar_fits_a_phone(phone, site):
    for url in ("/kk/ai-law/law-230-viii/print/", "/kk/ai-law/law-230-viii/article-18/print/"):
        open_page(phone, site + url)
        toolbar = phone.locator(".print-toolbar")
        link = toolbar.locator("a").first.bounding_box()
        assert link["x"] >= 12, link  # not against the screen's edge
        assert toolbar.evaluate("t => t.scrollWidth <= t.clientWidth")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# Every word of a table's cells, with the number of lines it is drawn on: more than one is a word
# broken inside («интеллек|т»). Hyphens and slashes may break a line: they split words here.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("main table td, main table th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
      for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""
TABLE_PAGES = [
    "/kk/ai-law/draft-to-law/",
    "/kk/liability/",
    "/kk/ai-law/law-230-viii/article-30/",
    "/kk/liability/bans-and-fines/",
    "/kk/check/result/?uses_system=no&decided_about=no&runs_system=yes&holds_data=no&made_data=no&banned=none"
    "&features=synthetic&risk=high&autonomy=low&mode=closed&size=not_sure",
]


def test_tables_stack_as_cards_on_a_phone_without_breaking_a_word(phone, site):
    for url in TABLE_PAGES:
        open_page(phone, site + url)
        assert phone.locator("main table").count() >= 1, url
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url
        assert phone.evaluate(BROKEN_WORDS) == [], url
        # A card shows each cell after its column's heading, which sits beside no other column now.
        row = phone.locator("main table tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block", url
        labelled = phone.locator("main table tbody td[data-label]").first
        label = labelled.get_attribute("data-label")
        before = labelled.evaluate("td => getComputedStyle(td, '::before').content")
        assert label and label in before, (url, label, before)


def test_a_result_offers_its_short_link_to_copy_and_shows_it_without_javascript(phone, phone_without_js, site):
    url = (
        f"{site}/ru/check/result/?uses_system=yes&decided_about=no&runs_system=no&builds=no&holds_data=no&made_data=no"
    )
    open_page(phone_without_js, url)
    link = phone_without_js.locator(".brief-link a")
    assert "/ru/check/r/" in link.inner_text()  # readable and followable as it is
    assert not phone_without_js.locator(".brief-link button").is_visible()
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(phone, url)
    button = phone.locator(".brief-link button")
    assert button.is_visible()
    button.click()
    assert phone.evaluate("navigator.clipboard.readText()") == link.inner_text()
    assert button.inner_text() == "Ссылка скопирована"
