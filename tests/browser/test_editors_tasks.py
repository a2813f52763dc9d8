"""The editors' review's seven tasks (reviews/2026-12-06-editors-review.md), in a real Chromium, in
the Kazakh admin, signed in as two editors: each outcome the review found wanting is checked.

They change the served copy's database, so each test puts it back afterwards.
"""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lawsite.caching import VERSION_TTL_SECONDS
from tests.browser.navigation import follow, sign_in
from tests.conftest import EDITOR, REVIEWER, restore_site_database

LAW = "law-230-viii"
OFFICIAL_RU = Path(__file__).resolve().parents[1] / "fixtures" / "official" / "law-230-viii" / "ru-as-signed.txt"


@pytest.fixture
def kk_admin(chromium, site, site_env):
    """A page signed in to the Kazakh admin as `account`; the database is put back afterwards."""
    contexts = []

    def signed_in(account):
        context = chromium.new_context(locale="kk-KZ")
        contexts.append(context)
        page = sign_in(context.new_page(), site, account)
        if page.get_attribute("html", "lang") != "kk":
            follow(page, "form.admin-language button[value=kk]")
        assert page.get_attribute("html", "lang") == "kk"
        return page

    yield signed_in
    for context in contexts:
        context.close()
    restore_site_database(site_env)
    time.sleep(VERSION_TTL_SECONDS + 0.1)


def open_article(page, site, number):
    page.goto(f"{site}/admin/law/article/?q={number}")
    follow(page, f"#result_list th a:text-is('{number}')")
    page.wait_for_selector(".ui-tabs")  # the language tabs are ready


def save_summary(page, lang, text, *, on_top=True):
    page.click(f"a.ui-tabs-anchor[href='#tab_id_summary_{lang}']")
    page.fill(f"#id_summary_{lang}", text)
    # Save on top of the long form: no scrolling to its bottom.
    follow(page, ".submit-row input[name=_save] >> nth=0" if on_top else "input[name=_save] >> nth=-1")


def review_page(page):
    follow(page, "a.review-link")
    return page


def test_task_1_a_fix_goes_round_review_and_is_published_by_the_second_editor(kk_admin, site):
    author, reviewer = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(author, site, "5")
    # Save is on top of the form, and the buttons above it never cover the article's heading.
    assert author.locator("#content-main .submit-row").first.bounding_box()["y"] < 600
    heading, tools = author.locator("#content h1").bounding_box(), author.locator(".object-tools").bounding_box()
    assert tools["y"] >= heading["y"] + heading["height"] or tools["x"] >= heading["x"] + heading["width"]
    save_summary(author, "kk", "Бірінші нұсқа.")
    assert author.locator(".messagelist .success").count() == 1
    follow(review_page(author), "button[value=send]")
    # The reviewer's admin home counts what waits for them; My work leads to the review page.
    reviewer.goto(f"{site}/admin/")
    assert reviewer.inner_text(".my-work-counts li >> nth=0").strip().endswith("1")
    reviewer.goto(f"{site}/admin/review/draft/my-work/")
    follow(reviewer, ".my-work a >> nth=0")
    reviewer.fill("#review-comment", "Қысқартыңыз.")
    follow(reviewer, "button[value=return]")
    # The author sees who returned it, and the link opens the form, with the comment.
    author.goto(f"{site}/admin/review/draft/my-work/")
    returned = author.locator(".my-work li >> nth=0")
    assert REVIEWER[0] in returned.inner_text()
    follow(author, returned.locator("a"))
    assert re.search(r"/change/$", author.url)
    assert "Қысқартыңыз." in author.inner_text(".review-comment")
    author.wait_for_selector(".ui-tabs")
    save_summary(author, "kk", "Түзетілген нұсқа.")
    follow(review_page(author), "button[value=send]")
    assert author.locator("button[value=publish]").count() == 0  # not the author's to publish
    reviewer.goto(author.url)
    follow(reviewer, "button[value=publish]")
    time.sleep(VERSION_TTL_SECONDS + 0.1)
    visitor = reviewer.context.new_page()
    visitor.goto(f"{site}/kk/ai-law/{LAW}/article-5/")
    assert "Түзетілген нұсқа." in visitor.inner_text("#plain-language")


def test_task_4_two_editors_at_once_lose_nothing(kk_admin, site):
    first, second = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(first, site, "6")
    open_article(second, site, "6")
    save_summary(first, "kk", "Бірінші редактордың сөзі.")
    save_summary(second, "ru", "Слово второго редактора.")
    # Refused, in Kazakh, with the second editor's text still in the form.
    assert second.locator(".errornote, .errorlist").count() >= 1
    assert second.input_value("#id_summary_ru") == "Слово второго редактора."


def test_task_5_a_restore_never_replaces_anothers_work_and_discarded_work_can_be_reopened(kk_admin, site):
    author, other = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(author, site, "7")
    save_summary(author, "kk", "Авторлың жұмысы.")
    change_url = author.url
    # Another editor's restore is refused, naming the author of the waiting next version.
    other.goto(change_url.replace("/change/", "/history/"))
    follow(other, "#change-history tbody tr >> nth=-1 >> th a")
    assert EDITOR[0] in other.inner_text(".messagelist .error")
    # Discarding asks first, naming the author; the discarded work stays in the history.
    other.goto(change_url.replace("/change/", "/review/"))
    follow(other, "button[value=discard]")
    assert EDITOR[0] in other.inner_text("#content-main")
    follow(other, "button.deletelink")
    other.goto(change_url.replace("/change/", "/history/"))
    follow(other, "#past-next-version-list a >> nth=0")
    assert "Авторлың" in " ".join(other.locator(".review-diff ins").all_inner_texts())
    follow(other, "button.default")
    assert other.url == change_url
    assert other.input_value("#id_summary_kk") == "Авторлың жұмысы."


def test_task_3_and_6_an_import_flags_each_language_and_a_stale_next_version_is_carried_over(kk_admin, site, tmp_path):
    author, other = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(author, site, "5")
    save_summary(author, "kk", "Импорттан бұрын жазылған сөз.")
    # The Russian official text of Article 5 changes (a word), uploaded by the other editor.
    text = OFFICIAL_RU.read_text(encoding="utf-8")
    changed = text.replace(
        "обязаны соблюдать требования Конституции", "обязаны неукоснительно соблюдать требования Конституции", 1
    )
    assert changed != text
    path = tmp_path / "ru.txt"
    path.write_text(changed, encoding="utf-8")
    other.goto(f"{site}/admin/law/edition/?q={LAW}")
    follow(other, f"#result_list a:text-is('{LAW}')")
    follow(other, "a[href$='/import/']")
    other.set_input_files("#id_file", str(path))
    other.select_option("#id_lang", "ru")
    follow(other, "input[type=submit]")
    assert "неукоснительно" in other.inner_text("#import-changes")
    follow(other, "#import-confirm input[type=submit]")
    # It changes a published article: the author, as the second editor, confirms it.
    author.goto(other.url.split("?")[0])
    follow(author, "#pending-imports a")
    follow(author, "#import-confirm input[type=submit]")
    time.sleep(VERSION_TTL_SECONDS + 0.1)
    visitor = author.context.new_page()
    for lang in ("kk", "ru", "en"):
        visitor.goto(f"{site}/{lang}/ai-law/{LAW}/article-5/")
        assert visitor.locator(".review-notice").count() == 1, lang
    # The author's next version is now out of step: said in My work and on the review page.
    author.goto(f"{site}/admin/review/draft/my-work/")
    assert author.locator(".stale-mark").count() == 1
    open_article(author, site, "5")
    review_page(author)
    assert author.locator("button[value=send], button[value=publish]").count() == 0
    follow(author, "button[value=carry_over]")
    follow(author, "button[value=send]")
    other.goto(author.url)
    follow(other, "button[value=publish]")
    time.sleep(VERSION_TTL_SECONDS + 0.1)
    visitor.goto(f"{site}/kk/ai-law/{LAW}/article-5/")
    assert "Импорттан бұрын жазылған сөз." in visitor.inner_text("#plain-language")
    visitor.goto(f"{site}/ru/ai-law/{LAW}/article-5/")
    assert "неукоснительно" in visitor.inner_text("#official-text")


def test_task_7_bulk_publish_shows_what_it_publishes_and_take_off_asks(kk_admin, site):
    author, reviewer = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(author, site, "8")
    save_summary(author, "en", "A change nobody has read yet.")
    reviewer.goto(f"{site}/admin/law/article/")
    for number in ("8", "9"):
        reviewer.check(f"#result_list tr:has(th a:text-is('{number}')) input.action-select")
    reviewer.select_option("select[name=action]", "publish")
    follow(reviewer, "button[name=index]")
    sections = reviewer.locator(".bulk-record")
    assert sections.count() == 2
    assert "nobody" in " ".join(sections.nth(0).locator(".review-diff ins").all_inner_texts())
    assert sections.nth(1).locator(".bulk-why").count() == 1  # nothing to publish there
    follow(reviewer, ".bulk-look button.default")
    assert reviewer.locator(".messagelist .success").count() == 1
    assert reviewer.locator(".messagelist .info").count() == 1
    reviewer.check("#result_list tr:has(th a:text-is('9')) input.action-select")
    reviewer.select_option("select[name=action]", "take_off_the_site")
    follow(reviewer, "button[name=index]")
    assert reviewer.locator(".bulk-record").count() == 1  # asked before anything happens


def test_task_2_the_translator_goes_from_the_status_page_to_the_field_that_is_out_of_date(kk_admin, site):
    author, translator = kk_admin(EDITOR), kk_admin(REVIEWER)
    open_article(author, site, "10")
    save_summary(author, "ru", "Новое краткое содержание на русском.")
    follow(review_page(author), "button[value=send]")
    translator.goto(author.url)
    follow(translator, "button[value=publish]")
    translator.goto(f"{site}/admin/law/article/translation-status/?language=en")
    # Out of date before sentences over the bar: the changed article leads the list.
    first = translator.locator("td.state-stale a.cell-state").first
    assert first.count() == 1
    follow(translator, first)
    translator.wait_for_selector(".ui-tabs")
    assert re.search(r"/change/#id_summary_en$", translator.url)
    expect(translator.locator("#id_summary_en")).to_be_visible()  # its tab opened, the field in view
    # The tabs name the languages in the admin's language, not "KK RU EN".
    tabs = translator.locator(".ui-tabs-nav").first.locator("a.ui-tabs-anchor").all_text_contents()
    assert tabs == ["Қазақша", "Орысша", "Ағылшынша"]
    translator.fill("#id_summary_en", "A new summary in English.")
    follow(translator, ".submit-row input[name=_save] >> nth=0")
    assert translator.locator(".messagelist .success").count() == 1
