"""Every visitor's and editor's journey, in kk, ru and en, in a real Chromium."""

import re
import time
import urllib.request

import pytest

from lawsite.caching import VERSION_TTL_SECONDS
from tests.browser.navigation import follow, sign_in
from tests.conftest import EDITOR, REVIEWER, restore_site_database

LANGS = ["kk", "ru", "en"]
ADMIN_ARTICLE = {"kk": "25", "ru": "26", "en": "27"}  # one article per language, so runs do not collide


@pytest.fixture
def lang_page(chromium):
    contexts = []

    def make(lang, **options):
        context = chromium.new_context(locale={"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}[lang], **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_reader_goes_from_home_to_an_article_and_switches_language_on_the_same_paragraph(lang_page, site, lang):
    page = lang_page(lang)
    page.goto(f"{site}/")
    assert page.url == f"{site}/{lang}/"  # redirected by the browser's language
    # The navigation leads to the law in force, which has 31 articles (law-facts).
    follow(page, f".primary-nav a[href='/{lang}/ai-law/law-230-viii/']")
    assert page.url == f"{site}/{lang}/ai-law/law-230-viii/"
    assert page.locator(".toc-articles li").count() == 31
    page.goto(f"{site}/{lang}/ai-law/draft-2025/")
    follow(page, f"a[href='/{lang}/ai-law/draft-2025/article-18/']")
    assert page.url == f"{site}/{lang}/ai-law/draft-2025/article-18/"
    assert page.locator("#official-text").is_visible() and page.locator("#plain-language").is_visible()
    page.click("a[href='#p-3']")
    assert page.url.endswith("/article-18/#p-3")
    for other in LANGS:
        if other == lang:
            continue
        page.click(f".language-switcher a[hreflang='{other}']")
        page.wait_for_url(re.compile(rf"/{other}/ai-law/draft-2025/article-18/#p-3$"))
        assert page.get_attribute("html", "lang") == other
        assert page.evaluate("document.querySelector('#p-3').getBoundingClientRect().top") < 400
        page.click(f".language-switcher a[hreflang='{lang}']")
        page.wait_for_url(re.compile(rf"/{lang}/ai-law/draft-2025/article-18/#p-3$"))


def answer(page, *values):
    for value in values:
        page.check(f".choices input[value='{value}']")
    follow(page, "form.question-form button[type=submit]")


@pytest.mark.parametrize("lang", LANGS)
def test_a_user_answers_the_questions_and_changes_an_answer(lang_page, site, lang):
    page = lang_page(lang)
    page.goto(f"{site}/{lang}/ai-law/draft-2025/check/")
    follow(page, "a.button--start")
    answer(page, "yes")  # uses AI
    answer(page, "no")  # does not provide AI
    answer(page, "no")  # no data library
    assert "/check/result/" in page.url
    assert page.locator("#role-user").is_visible()
    assert page.locator("#role-owner").count() == 0
    # Change "provides AI" to yes from "check your answers": the owner questions follow.
    follow(page, page.locator(".summary-row").nth(1).locator("a"))
    assert page.is_checked(".choices input[value='no']")
    answer(page, "yes")
    assert "/check/autonomy/" in page.url
    answer(page, "assistive")
    answer(page, "none")
    answer(page, "minimal")
    answer(page, "no")
    assert page.locator("#role-owner").is_visible() and page.locator("#role-user").is_visible()
    assert page.locator(".warning").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_an_owner_of_a_prohibited_system_is_warned(lang_page, site, lang):
    page = lang_page(lang)
    page.goto(f"{site}/{lang}/ai-law/draft-2025/check/uses_ai/")
    answer(page, "no")
    answer(page, "yes")
    answer(page, "no")
    answer(page, "semi_autonomous")
    answer(page, "social_scoring", "biometric")
    answer(page, "high")
    answer(page, "yes")
    warning = page.locator(".warning")
    assert warning.is_visible()
    assert warning.locator("li.duty--prohibition").count() == 2
    assert warning.locator(f"a[href='/{lang}/ai-law/draft-2025/article-18/#p-3']").count() == 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_data_library_owner_gets_article_17_and_prints_the_result(lang_page, site, lang):
    page = lang_page(lang)
    page.goto(f"{site}/{lang}/ai-law/draft-2025/check/uses_ai/")
    answer(page, "no")
    answer(page, "no")
    answer(page, "yes")
    section = page.locator("#role-data_library_owner")
    assert section.is_visible()
    assert section.locator(f"a[href='/{lang}/ai-law/draft-2025/article-17/']").count() >= 3
    follow(page, "a.print-link >> nth=0")
    assert "/check/result/print/" in page.url
    assert page.locator("h1").is_visible()


EDITED = "Edited in the browser journey"


@pytest.fixture
def content_restored_afterwards(site, site_env):
    """The site's database is shared by every browser test: once an editor's journey has changed it,
    put it back as it was before."""
    yield
    restore_site_database(site_env)
    # Each worker re-reads the content version at most this long after it changed: then no worker
    # serves a page cached with the edit.
    time.sleep(VERSION_TTL_SECONDS + 0.1)
    for lang, number in ADMIN_ARTICLE.items():
        with urllib.request.urlopen(f"{site}/{lang}/ai-law/draft-2025/article-{number}/", timeout=10) as response:
            assert EDITED not in response.read().decode(), f"article {number} was not restored"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.usefixtures("content_restored_afterwards")
def test_an_editor_changes_an_explanation_publishes_it_and_sees_it_on_the_site(lang_page, site, lang):
    number = ADMIN_ARTICLE[lang]
    editor = sign_in(lang_page(lang), site, EDITOR)
    editor.goto(f"{site}/admin/law/article/?q={number}&edition=all")
    follow(editor, f"#result_list th a:text-is('{number}')")
    new_text = f"{EDITED} ({lang})."
    editor.wait_for_selector(".ui-tabs")  # the language tabs (django-modeltranslation) are ready
    editor.click(f"a.ui-tabs-anchor[href='#tab_id_summary_{lang}']")
    editor.fill(f"#id_summary_{lang}", new_text)
    follow(editor, "input[name=_save]")
    # The article is published: the save is its next version, and the form stays open on it.
    editor.wait_for_selector(".messagelist .success")
    assert editor.input_value(f"#id_summary_{lang}") == new_text
    visitor = lang_page(lang)
    response = visitor.goto(f"{site}/{lang}/ai-law/draft-2025/article-{number}/")
    assert response.status == 200 and new_text not in visitor.inner_text("#plain-language")
    follow(editor, "a.review-link")
    review_path = editor.url[len(site) :]
    follow(editor, "button[value=send]")
    editor.wait_for_selector(".messagelist .success")
    assert editor.locator("button[value=publish]").count() == 0  # the author may not publish their own change
    reviewer = sign_in(lang_page(lang), site, REVIEWER)
    reviewer.goto(f"{site}/admin/review/draft/my-work/")
    follow(reviewer, f".my-work a[href='{review_path}']")
    assert f"({lang})." in " ".join(reviewer.locator(".word-diff ins").all_inner_texts())
    follow(reviewer, "button[value=publish]")
    reviewer.wait_for_selector(".messagelist .success")
    time.sleep(VERSION_TTL_SECONDS + 0.1)  # each worker re-reads the content version this often
    visitor = lang_page(lang)  # a new browser: the first one may keep the page it saw (max-age)
    response = visitor.goto(f"{site}/{lang}/ai-law/draft-2025/article-{number}/")
    assert response.status == 200
    assert new_text in visitor.inner_text("#plain-language")


def test_the_flow_reading_and_printing_work_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(f"{site}/kk/ai-law/draft-2025/article-18/")
    assert page.locator("#official-text").is_visible()
    follow(page, "a.print-link")
    assert page.url.endswith("/article-18/print/")
    page.check("#with-official")
    follow(page, ".print-toolbar button[type=submit]")
    assert page.url.endswith("?official=1")
    # The law's questions, "not sure" to every one: everything that may apply, marked as such.
    page.goto(f"{site}/ru/check/")
    follow(page, "a.button--start")
    for _ in range(30):
        if "/check/result/" in page.url:
            break
        answer(page, "not_sure")
    assert "/ru/check/result/" in page.url
    assert page.locator(".brief-roles").is_visible() and page.locator(".role--possible").first.is_visible()
    assert page.locator(".warning .maybe").first.is_visible()
    assert page.locator(".unsure").is_visible()
    result_url = page.url
    # The code from the result, typed on the first page, brings the same result back.
    code = page.inner_text(".result-code .code")
    page.goto(f"{site}/ru/check/")
    page.click("details.code-box > summary")
    page.fill("#result-code", code.lower().replace("-", ""))
    follow(page, ".code-form button[type=submit]")
    assert page.url == result_url
    # The draft's questions still work at their own address.
    page.goto(f"{site}/ru/ai-law/draft-2025/check/")
    follow(page, "a.button--start")
    answer(page, "yes")
    answer(page, "yes")
    answer(page, "not_sure")
    answer(page, "fully_autonomous")
    answer(page, "none")
    answer(page, "not_sure")
    answer(page, "not_sure")
    assert "/ru/ai-law/draft-2025/check/result/" in page.url
    assert page.locator(".warning").is_visible()
    # Submitting without an answer gives the error in the visitor's language, no script needed.
    page.goto(f"{site}/en/check/uses_system/")
    follow(page, "form.question-form button[type=submit]")
    assert page.locator(".error-summary").is_visible()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_fines_are_one_tap_from_any_page_and_the_sheet_one_more(page, site, lang):
    """Issue 39: from an article, "Fines" in the main navigation; from there, the one-page sheet."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site}/{lang}/ai-law/law-230-viii/article-5/")
    fines = page.locator(".primary-nav a").filter(has_text={"kk": "Айыппұлдар", "ru": "Штрафы", "en": "Fines"}[lang])
    fines.click()
    page.wait_for_url(f"{site}/{lang}/liability/")
    assert page.locator(".primary-nav a[aria-current]").get_attribute("href") == f"/{lang}/liability/"
    page.locator(f"main a[href='/{lang}/liability/bans-and-fines/']").first.click()
    page.wait_for_url(f"{site}/{lang}/liability/bans-and-fines/")
    assert page.locator("main ol.duties > li").count() == 7
    assert page.locator("main table.fines-table tbody tr").count() == 4
    committee = page.locator(f".site-footer a[href='/{lang}/committee/']")
    assert committee.count() == 0  # a printable page has no site footer
    page.goto(f"{site}/{lang}/")
    assert page.locator(f".site-footer a[href='/{lang}/committee/']").is_visible()
