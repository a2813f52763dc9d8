"""The admin in a real browser: the language switcher without JavaScript, and the date picker and its time
note in Kazakh for an editor in Almaty (the server's time zone too: no "hours behind server time")."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.navigation import follow
from tests.browser.navigation import sign_in as sign_in_as
from tests.conftest import EDITOR

ARTICLE_LIST = "/admin/law/article/?q=16"


def sign_in(page, site):
    return sign_in_as(page, site, EDITOR, next_path=ARTICLE_LIST, ready="#result_list")


def choose_language(page, code):
    follow(page, f"form.admin-language button[value={code}]")
    expect(page.locator("html")).to_have_attribute("lang", code)  # waits for the page in that language


def open_an_article(page):
    follow(page, "#result_list tbody th a")
    page.wait_for_selector("#id_last_checked")


@pytest.fixture
def editor_in(chromium):
    contexts = []

    def new_page(time_zone, javascript=True):
        context = chromium.new_context(timezone_id=time_zone, locale="en-GB", java_script_enabled=javascript)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def test_an_editor_in_almaty_sees_no_time_zone_note_and_the_calendar_in_kazakh(editor_in, site):
    page = sign_in(editor_in("Asia/Almaty"), site)
    choose_language(page, "kk")
    assert page.url.endswith(ARTICLE_LIST)  # back on the page the editor was on
    open_an_article(page)
    page.wait_for_selector(".datetimeshortcuts")  # the admin's date widgets have run
    assert page.locator(".timezonewarning").count() == 0
    shortcuts = page.locator("#id_last_checked").locator("xpath=following-sibling::span[1]")
    assert shortcuts.locator("a").first.inner_text() == "Бүгін"
    shortcuts.locator("a").first.click()
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", page.input_value("#id_last_checked"))
    page.click("#id_last_checked + .datetimeshortcuts a:last-child")  # the calendar
    calendar = page.locator(".calendarbox:visible")
    assert calendar.locator("caption").text_content().split()[0] in {
        "Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым",
        "Шілде", "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан",
    }  # fmt: skip
    assert calendar.locator("th").first.text_content() == "Дс"  # the week starts on Monday


def test_an_editor_elsewhere_is_told_the_difference_in_their_language(editor_in, site):
    page = sign_in(editor_in("UTC"), site)
    choose_language(page, "kk")
    open_an_article(page)
    note = page.locator(".timezonewarning").first
    note.wait_for()
    assert note.inner_text() == "Ескерту: сіздің уақытыңыз сервер уақытынан 5 сағат артта."


def test_the_switcher_works_without_javascript(editor_in, site):
    page = editor_in("Asia/Almaty", javascript=False)
    page.goto(f"{site}/admin/login/")
    choose_language(page, "ru")
    assert page.inner_text("label[for=id_password]").startswith("Пароль")
    choose_language(page, "kk")
    assert page.get_attribute("input[type=submit]", "value") == "Кіру"
