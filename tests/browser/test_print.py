"""Printed summaries, rendered to PDF by Chromium: page counts, titles, permanent URLs, no chrome."""

import functools
import io
import re
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from tests.browser.navigation import follow
from tests.test_checker_visitors import VISITORS

LANGS = ["kk", "ru", "en"]
TYPICAL_ARTICLES = ["15", "16", "17", "19", "22"]
MAXIMAL_ANSWERS = (
    "uses_ai=yes&provides_ai=yes&data_library=yes&autonomy=fully_autonomous&capabilities=manipulation"
    "&capabilities=vulnerability&capabilities=biometric&capabilities=social_scoring&capabilities=illegal_content"
    "&risk=not_sure&generates_content=not_sure"
)
ANSWER_SETS = [
    MAXIMAL_ANSWERS,
    "uses_ai=yes&provides_ai=no&data_library=no",
    "uses_ai=not_sure&provides_ai=not_sure&data_library=not_sure&autonomy=not_sure&capabilities=none&risk=not_sure"
    "&generates_content=not_sure",
    "uses_ai=no&provides_ai=no&data_library=no",
]

FUNCTIONS = (
    "manipulates",
    "exploits_vulnerability",
    "rates_people",
    "personal_data",
    "biometric_traits",
    "reads_emotions",
    "unlawful_results",
)
ROLES = ("uses_system", "decided_about", "runs_system", "holds_data", "made_data")
# The law in force, answer sets and the pages each sheet may take. Every role and every banned
# function at once, or "not sure" to everything, lists some 50 items: those sheets take two pages.
# The people of issue 16 (a teacher, a small company, a hospital) get one page with room to spare.
EVERYTHING = "&".join(
    [f"{q}=yes" for q in ROLES]
    + [f"banned={f}" for f in FUNCTIONS]
    + ["features=synthetic", "features=decides_rights", "features=trains_on_works"]
    + ["risk=high", "autonomy=high", "mode=open", "size=not_sure"]
)
UNSURE_OF_ALL = "&".join(
    f"{q}=not_sure"
    for q in ("uses_system", "decided_about", "runs_system", "builds", "holds_data", "made_data")
    + ("banned", "features", "risk", "autonomy", "mode", "size")
)
TEACHER = "uses_system=yes&decided_about=not_sure&runs_system=no&builds=no&holds_data=no&made_data=no"
SMALL_COMPANY = (
    "uses_system=no&decided_about=no&runs_system=yes&holds_data=no&made_data=no&banned=rates_people"
    "&features=synthetic&risk=medium&autonomy=low&mode=closed&size=small"
)
HOSPITAL = "uses_system=no&decided_about=no&runs_system=no&builds=no&holds_data=yes&made_data=not_sure"
# The seven visitors of the usability review of 6 December 2026 (tests/test_checker_visitors.py).
VISITOR_SHEETS = {
    name: urlencode([(k, one) for k, v in answers.items() for one in (v if isinstance(v, tuple) else (v,))])
    for name, (answers, _wanted) in VISITORS.items()
}
LAW_SHEET_PAGES = {
    EVERYTHING: 2,
    UNSURE_OF_ALL: 2,
    TEACHER: 1,
    SMALL_COMPANY: 1,
    HOSPITAL: 1,
    **dict.fromkeys(VISITOR_SHEETS.values(), 1),
}
LAW_ANSWER_SETS = list(LAW_SHEET_PAGES)
# Sheets measured to fill their pages more closely (in Kazakh, the longest language): the founder's
# (three roles, synthetic results, training: 0.96 of a page) and "not sure" to everything (every
# role and item may apply: 1.92 pages). They must fit, with less room to spare.
TIGHT_SHEETS = {VISITOR_SHEETS["founder"]: 0.02, UNSURE_OF_ALL: 0.05}


# Each document is printed, and its text read, once per run: several tests read the same PDF (the
# site does not change under these tests; the browser tests that change it put it back).
PRINTED: dict[str, PdfReader] = {}


def pdf(page, url):
    """The document at `url` as Chromium prints it (printed in `page` the first time it is asked for)."""
    if url not in PRINTED:
        if page.url != url:
            page.goto(url)
        page.evaluate("document.fonts.ready.then(() => true)")  # as a visitor's browser has by then
        data = page.pdf(format="A4", prefer_css_page_size=True, tagged=True, print_background=False)
        PRINTED[url] = PdfReader(io.BytesIO(data))
    return PRINTED[url]


@functools.cache
def page_texts(reader) -> tuple[str, ...]:
    """The text of each printed page (reading a long PDF's text takes seconds: once per document)."""
    return tuple(p.extract_text() or "" for p in reader.pages)


def embedded_fonts(reader):
    """The names of the fonts a PDF draws its text with, without the subset prefix ("ABCDEF+")."""
    names = set()
    for pdf_page in reader.pages:
        fonts = pdf_page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1])
    return names


def text_of(reader):
    return "\n".join(page_texts(reader))


def squash(text):
    return " ".join(text.split())


def compact(text):
    """Text without any spaces: PDF text extraction adds spaces around some Kazakh letters."""
    return "".join(text.split())


# One-page prints must fit with room to spare, not just barely: a long word or another Chromium
# release must not push them onto a second page. Printable areas come from the @page rules.
ROOM_TO_SPARE = 0.08
MM = 96 / 25.4
ARTICLE_AREA = (210 - 16 - 16, 297 - 15 - 16)  # @page margins 15mm 16mm 16mm
SHEET_AREA = (210 - 10 - 10, 297 - 8 - 10)  # @page sheet margins 8mm 10mm 10mm


@contextmanager
def print_layout(chromium, area):
    """A page that lays documents out with print styles at the printable width of `area`."""
    context = chromium.new_context(viewport={"width": round(area[0] * MM), "height": 100})
    page = context.new_page()
    page.emulate_media(media="print")
    try:
        yield page
    finally:
        context.close()


def fill(layout, url, area):
    """How much of one printed page the document fills (1.0 = exactly one page), laid out in a
    `print_layout` page of that area as one long page."""
    layout.goto(url)
    layout.evaluate("document.fonts.ready.then(() => true)")
    height = layout.evaluate("document.documentElement.scrollHeight")
    return height / (area[1] * MM)


PAGE_NUMBER = re.compile(r"\d+ / \d+")


def chrome_texts(page, site, lang):
    """Texts that belong to the site's navigation and footer, read from the screen page."""
    page.goto(f"{site}/{lang}/ai-law/draft-2025/")
    texts = [
        page.inner_text(".skip-link"),
        page.inner_text(".primary-nav li:first-child a"),
        page.inner_text(".site-footer p:first-child"),
    ]
    texts += [name for name in ("Қазақша", "Русский")]
    return [squash(t) for t in texts if t.strip()]


@pytest.mark.parametrize("lang", LANGS)
def test_one_page_prints_leave_room_to_spare(chromium, site, lang):
    with print_layout(chromium, ARTICLE_AREA) as layout:
        for number in TYPICAL_ARTICLES:
            url = f"{site}/{lang}/ai-law/draft-2025/article-{number}/print/"
            assert fill(layout, url, ARTICLE_AREA) <= 1 - ROOM_TO_SPARE, url
    with print_layout(chromium, SHEET_AREA) as layout:
        for answers in ANSWER_SETS:
            url = f"{site}/{lang}/ai-law/draft-2025/check/result/print/?{answers}"
            assert fill(layout, url, SHEET_AREA) <= 1 - ROOM_TO_SPARE, url
        for answers, pages in LAW_SHEET_PAGES.items():
            url = f"{site}/{lang}/check/result/print/?{answers}"
            spare = TIGHT_SHEETS.get(answers, ROOM_TO_SPARE)
            assert fill(layout, url, SHEET_AREA) <= pages - spare, url


@pytest.mark.parametrize("lang", LANGS)
def test_a_typical_article_prints_on_one_page_with_title_and_permanent_url(page, site, lang):
    chrome = chrome_texts(page, site, lang)
    for number in TYPICAL_ARTICLES:
        url = f"{site}/{lang}/ai-law/draft-2025/article-{number}/"
        page.goto(url)
        title = squash(page.inner_text("h1"))
        reader = pdf(page, url + "print/")
        assert len(reader.pages) == 1, f"article {number} in {lang}: {len(reader.pages)} pages"
        text = compact(text_of(reader))
        assert compact(title) in text
        assert url in text
        for item in chrome:
            assert compact(item) not in text, f"navigation text {item!r} printed"


@pytest.mark.parametrize("lang", LANGS)
def test_the_official_text_is_printed_only_on_request(page, site, lang):
    page.goto(f"{site}/{lang}/ai-law/draft-2025/article-18/print/")  # with a (made-up) official text
    assert page.locator("#official-text-heading").count() == 0
    page.check("#with-official")
    follow(page, ".print-toolbar button[type=submit]")
    assert page.url.endswith("?official=1")
    heading = compact(page.inner_text("#official-text-heading"))
    assert heading in compact(text_of(pdf(page, page.url)))


def page_lines(page_text):
    """A PDF page's lines of text, without its page number ("3 / 10", printed in the margin)."""
    lines = [line.strip() for line in page_text.split("\n") if line.strip()]
    return [line for line in lines if not PAGE_NUMBER.fullmatch(line)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_booklet_fills_its_pages_and_ends_with_the_glossary(page, site, lang):
    url = f"{site}/{lang}/ai-law/draft-2025/print/"
    page.goto(url)
    headings = [squash(h) for h in page.locator("section.booklet-chapter > h2").all_inner_texts()]
    assert len(headings) == 8
    glossary_heading = squash(page.inner_text("#glossary-heading"))
    terms = [squash(t) for t in page.locator(".booklet-glossary dt").all_inner_texts()]
    assert len(terms) >= 10
    reader = pdf(page, url)
    lines = [page_lines(page_text) for page_text in page_texts(reader)]
    # No near-empty page: chapters follow on from each other, and only the last page may be short.
    fullest = max(len(page_text) for page_text in lines)
    short = [index + 1 for index, page_text in enumerate(lines[:-1]) if len(page_text) < 0.6 * fullest]
    assert not short, f"pages {short} of {len(lines)} are less than 60% full"
    # Contents first, then every chapter in order, then the glossary with every term.
    text = compact(text_of(reader))
    positions = [text.find(compact(h)) for h in [*headings, glossary_heading]]
    assert all(position > 0 for position in positions) and positions == sorted(positions), positions
    assert all(compact(term) in text[positions[-1] :] for term in terms)
    assert f"{site}/{lang}/ai-law/draft-2025/" in text


@pytest.mark.parametrize("lang", LANGS)
def test_printed_pages_are_numbered_and_print_no_relative_address_or_one_twice(page, site, lang):
    printed = [
        f"{site}/{lang}/ai-law/draft-2025/article-18/print/",
        f"{site}/{lang}/ai-law/law-230-viii/article-18/print/",
        f"{site}/{lang}/ai-law/draft-2025/print/",
        f"{site}/{lang}/check/result/print/?{UNSURE_OF_ALL}",
        f"{site}/{lang}/ai-law/draft-2025/article-18/",  # a screen page printed with Ctrl+P
    ]
    for url in printed:
        reader = pdf(page, url)
        total = len(reader.pages)
        for number, page_text in enumerate(page_texts(reader), start=1):
            assert f"{number} / {total}" in page_text, (url, number)
        text = squash(text_of(reader))
        # A link within the site prints as its words: no "(/kk/ai-law/...)" on paper.
        assert not re.search(r"\(/|\s/(kk|ru|en)/", text), (url, re.search(r".{40}\(/.{40}", text))
        addresses = re.findall(r"https?://[^\s()]+", compact(text_of(reader)))
        if "article-18/print/" in url:  # a one-page summary names each address once
            assert len(addresses) == len(set(addresses)), (url, addresses)


@pytest.mark.parametrize("lang", LANGS)
def test_the_flow_result_prints_as_one_page(page, site, lang):
    for answers in ANSWER_SETS:
        result_url = f"{site}/{lang}/check/result/?{answers}"
        page.goto(result_url)
        printed = page.get_attribute("a.print-link", "href")
        reader = pdf(page, site + printed)
        assert len(reader.pages) == 1, f"{lang} {answers}: {len(reader.pages)} pages"
        text = compact(text_of(reader))  # its permanent address is the short code link, not the long query
        assert "check/r/" in text and "check/result/?" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_laws_duty_sheet_prints_with_its_code_and_address(page, site, lang):
    """The law in force's result sheet: printable, with the typeable code and its short address.

    The heaviest answers (every role, every banned function) do not fit one page: they take two,
    and keep every item."""
    for answers in LAW_ANSWER_SETS:
        page.goto(f"{site}/{lang}/check/result/?{answers}")
        code = page.inner_text(".result-code .code").strip()
        printed = page.get_attribute("a.print-link", "href")
        reader = pdf(page, site + printed)
        text = compact(text_of(reader))
        assert f"check/r/{compact(code)}/" in text and "check/result/?" not in text, answers
        assert len(reader.pages) <= LAW_SHEET_PAGES[answers], f"{lang} {answers}: {len(reader.pages)} pages"
        # The summary comes first: before the warning and every role's list.
        page.goto(site + printed)
        first = page.evaluate("document.querySelector('main h1 ~ section, main h1 ~ div section').className")
        assert first == "brief", (answers, first)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_pages_use_only_the_site_font(page, site, lang):
    """Page counts hold on any machine only if no glyph comes from a font the machine happens to have."""
    urls = [
        f"{site}/{lang}/ai-law/draft-2025/article-18/print/?official=1",
        f"{site}/{lang}/check/result/print/?{MAXIMAL_ANSWERS}",
    ]
    for url in urls:
        fonts = embedded_fonts(pdf(page, url))
        assert fonts, f"no fonts found in the PDF of {url}"
        assert all(name.startswith("NotoSans") for name in fonts), f"{url}: {fonts}"


def test_print_links_work_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(f"{site}/en/ai-law/draft-2025/article-19/")
    follow(page, "a.print-link")
    assert page.url.endswith("/article-19/print/")
    assert page.is_visible(".no-js-only")
    assert not page.is_visible("button[data-print]")
    page.goto(f"{site}/en/ai-law/draft-2025/")
    follow(page, "a.print-link")
    assert page.url.endswith("/draft-2025/print/")


def test_printed_documents_keep_language_and_headings(page, site):
    for lang in LANGS:
        page.goto(f"{site}/{lang}/ai-law/draft-2025/article-17/print/")
        assert page.get_attribute("html", "lang") == lang
        levels = page.eval_on_selector_all("main h1, main h2, main h3, main h4", "els => els.map(e => +e.tagName[1])")
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


@pytest.mark.parametrize("lang", LANGS)
def test_the_changes_page_prints_cleanly(page, site, lang):
    """From draft to law on paper: title, address, the whole table, no navigation."""
    chrome = chrome_texts(page, site, lang)
    url = f"{site}/{lang}/ai-law/draft-to-law/"
    page.goto(url)
    title = squash(page.inner_text("h1"))
    last_note = squash(page.inner_text("table.concordance-table tbody tr:last-child td:last-child"))
    reader = pdf(page, url)
    text = compact(text_of(reader))
    assert compact(title) in text and url in text
    assert compact(last_note) in text
    assert compact(page.inner_text(".concordance-order")) not in text  # the ordering links are for screens
    for item in chrome:
        assert compact(item) not in text, f"navigation text {item!r} printed"
    assert len(reader.pages) <= 6, len(reader.pages)


@pytest.mark.parametrize("lang", LANGS)
def test_every_printed_page_carries_the_running_title_and_its_number(page, site, lang):
    """Issue 39: Article 17's summary printed on several pages, each with its title and the law's name."""
    for url in (
        f"{site}/{lang}/ai-law/law-230-viii/article-17/print/?official=1",
        f"{site}/{lang}/check/result/print/?{UNSURE_OF_ALL}",
        f"{site}/{lang}/ai-law/law-230-viii/article-17/",  # a screen page printed with Ctrl+P
    ):
        page.goto(url)
        running = page.evaluate(
            "new URL(document.querySelector(\"link[href*='running-title']\").href).searchParams.get('t')"
        )
        assert running.strip(" ·"), url
        reader = pdf(page, url)
        total = len(reader.pages)
        assert total > 1, url  # the point of a running title
        for number, page_text in enumerate(page_texts(reader), start=1):
            assert f"{number} / {total}" in page_text, (url, number)
            assert compact(running)[:40] in compact(page_text), (url, number, page_text[:200])


@pytest.mark.parametrize("lang", LANGS)
def test_bans_and_fines_fit_one_page(chromium, page, site, lang):
    url = f"{site}/{lang}/liability/bans-and-fines/"
    with print_layout(chromium, SHEET_AREA) as layout:
        assert fill(layout, url, SHEET_AREA) <= 1 - ROOM_TO_SPARE, url
    reader = pdf(page, url)
    assert len(reader.pages) == 1
    text = compact(text_of(reader))
    page.goto(url)
    for heading in page.locator("main h1, main h2").all_inner_texts():
        assert compact(heading) in text
    assert url in text and "4325" in text.replace("\u00a0", "").replace(",", "").replace(" ", "")
