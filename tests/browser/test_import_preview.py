"""The import's preview in a real Chromium, as a Russian-speaking editor meets it: a Windows-1251
file of another law offered to the draft shows what would be removed as a warning, meets WCAG 2.2 AA
(axe-core), and the browser itself will not send the confirmation until the box is ticked. Nothing
is confirmed here, so the served copy is left as it was."""

import pytest

from tests.browser.navigation import follow, sign_in
from tests.conftest import EDITOR
from tests.official_documents import TRIAL_LAW_RU, text_file

from .test_accessibility import violations


@pytest.fixture
def russian_editor(chromium, site):
    context = chromium.new_context(locale="ru-RU", bypass_csp=True)  # axe-core is injected by Playwright
    yield sign_in(context.new_page(), site, EDITOR)
    context.close()


def test_the_preview_warns_passes_axe_and_needs_the_tick(russian_editor, site, tmp_path):
    page = russian_editor
    path = tmp_path / "закон-ru.txt"
    path.write_bytes(text_file(TRIAL_LAW_RU, "cp1251"))
    page.goto(f"{site}/admin/law/edition/?q=draft-2025")
    follow(page, "#result_list a:text-is('draft-2025')")
    follow(page, "a:text-is('Загрузить официальный текст')")
    page.set_input_files("#id_file", str(path))
    page.select_option("#id_lang", "ru")
    follow(page, "input[type=submit]")
    page.wait_for_selector("#import-changes")
    assert "Windows-1251" in page.inner_text("#import-read-as")
    assert page.locator("#import-removals").is_visible()
    assert page.locator("#import-mismatch").is_visible()
    assert violations(page) == []
    address = page.url
    page.click("#import-confirm input[type=submit]")
    # The box is required: the browser keeps the form, and says why, instead of sending it.
    box = page.locator("#import-confirm input[name=understood]")
    assert box.evaluate("box => box.validity.valueMissing")
    assert page.url == address and page.locator("#import-removals").is_visible()
