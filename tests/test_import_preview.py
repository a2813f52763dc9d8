"""The admin's import, step by step as an editor's browser sends it (a multipart upload, then the
preview's own form): the preview in the editor's language, with counts, a word-by-word difference,
the notes kept apart, and what would be removed set apart as a warning; a file that is part of the
law or another edition is called so, and nothing is removed without a ticked confirmation."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from content_io import database_hash
from law.models import Article, Paragraph
from official.importer import Source, apply, parse, plan

from .admin_forms import form_fields, signed_in
from .conftest import make_test_edition, soup, visible_text
from .official_documents import TRIAL_LAW_RU, text_file, trial_law

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return make_test_edition()


@pytest.fixture
def imported(edition):
    apply(plan(edition, parse("\n".join(TRIAL_LAW_RU), "ru")), Source(format="text", name="v1.txt"))
    return edition


@pytest.fixture
def russian(editor):
    """An editor whose admin is in Russian (the language switcher's cookie)."""
    client = signed_in(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


def url(edition):
    return f"/admin/law/edition/{edition.pk}/import/"


def upload(client, edition, lines, *, encoding="utf-8", name="law-ru.txt", lang="ru"):
    data = text_file(lines, encoding)
    return client.post(url(edition), {"lang": lang, "file": SimpleUploadedFile(name, data, "text/plain")})


def confirm(client, edition, preview, *, tick=False):
    """The preview's form as the browser sends it, with the box ticked or left as it is."""
    data = form_fields(preview, "import-confirm")
    if tick:
        box = soup(preview).find("input", attrs={"name": "understood"})
        data["understood"] = box["value"]
    return client.post(url(edition), data)


def test_the_preview_is_in_the_editors_language_with_a_word_diff(imported, russian):
    new = trial_law(
        replace={"2. Проверяющий ведёт журнал проб.": "2. Проверяющий ведёт электронный журнал проб."},
        add_after={"3. Проверяющий хранит результаты один год.": ["4. Проверяющий сообщает о сбоях."]},
    )
    preview = upload(russian, imported, new)
    assert preview.status_code == 200
    page = soup(preview)
    assert visible_text(page.find("h2")) == "В файле 6 статей (язык: Русский)."
    table = page.find(id="import-changes")
    kinds = [visible_text(td) for td in table.select("td.change-kind")]
    assert kinds == ["Пункт меняется", "Пункт добавляется"]
    assert "статья 3, пункт 2" in visible_text(table)
    diff = table.select_one("tr.change-changed .word-diff")
    assert [ins.get_text().strip() for ins in diff.find_all("ins")] == ["электронный"]
    assert not diff.find_all("del")
    assert "Добавится: 1, изменится: 1, удалится: 0" in visible_text(page.find(id="import-totals"))
    assert page.find(id="import-removals") is None and page.find(id="import-mismatch") is None
    # Not colour alone: struck through and underlined.
    css = page.find("style").get_text()
    assert "del {" in css and "line-through" in css and "underline" in css
    assert "paragraph" not in visible_text(table).lower()


def test_one_article_is_said_in_the_singular(edition, russian):
    preview = upload(russian, edition, ["Статья 1. Цель", "1. Закон устанавливает порядок проб."])
    assert visible_text(soup(preview).find("h2")) == "В файле 1 статья (язык: Русский)."


def test_the_preview_shows_the_notes_and_the_text_after_a_footnote(edition, russian):
    preview = upload(russian, edition, TRIAL_LAW_RU)
    rows = {
        (visible_text(tr.select_one(".change-kind")), visible_text(tr.select("td")[1])): visible_text(
            tr.select_one(".change-text")
        )
        for tr in soup(preview).find(id="import-changes").select("tbody tr")
    }
    note = rows[("Примечания добавляются", "примечания правовой базы к статье 2 (не часть закона)")]
    assert note == "Сноска. Статья 2 с изменением, внесенным Законом РК от 01.01.2026 № 1-VIII."
    assert rows[("Пункт добавляется", "статья 2, пункт 0")] == "Целью настоящего Закона является порядок проб."


def test_errors_are_in_the_editors_language_and_ask_for_the_file_again(imported, russian):
    lines = trial_law(replace={"Статья 4. Права проверяющего": "4-бап. Сынақшының құқықтары"})
    response = upload(russian, imported, lines, name="закон-ru.txt")
    assert response.status_code == 200
    error = visible_text(soup(response).find(class_="errorlist"))
    line = lines.index("4-бап. Сынақшының құқықтары") + 1
    assert error.startswith(f"Строка {line}: этот заголовок на языке 'kk', а загрузка — для 'ru'")
    assert error.endswith("Ничего не изменено.")
    again = visible_text(soup(response).find(id="choose-again"))
    assert "выберите файл «закон-ru.txt» ещё раз" in again


def test_a_windows_1251_file_is_read_and_the_preview_says_so(edition, russian, settings):
    settings.REVIEW_NEEDS_SECOND_EDITOR = False  # one editor alone (tests/test_import_second_editor.py)
    preview = upload(russian, edition, TRIAL_LAW_RU, encoding="cp1251")
    assert preview.status_code == 200
    assert "в кодировке Windows-1251" in visible_text(soup(preview).find(id="import-read-as"))
    assert confirm(russian, edition, preview).status_code == 302
    paragraph = Paragraph.objects.get(article__edition=edition, article__number="3", label="2")
    assert paragraph.official_text_ru == "Проверяющий ведёт журнал проб."


def test_binary_garbage_is_refused_with_a_clear_reason(edition, russian):
    garbage = bytes((i * 7919 + 13) % 256 for i in range(20_000))
    response = russian.post(url(edition), {"lang": "ru", "file": SimpleUploadedFile("law.txt", garbage)})
    error = visible_text(soup(response).find(class_="errorlist"))
    assert "ни текстовым файлом: в нём двоичные данные" in error


CHAPTER_2_ONLY = TRIAL_LAW_RU[TRIAL_LAW_RU.index("Глава 2. ОБЯЗАННОСТИ") : TRIAL_LAW_RU.index("Статья 5. Отчёт")]


def test_a_partial_file_warns_lists_the_removals_and_needs_a_tick(imported, russian):
    preview = upload(russian, imported, CHAPTER_2_ONLY)
    page = soup(preview)
    assert "Добавится: 0, изменится: 0, удалится: 4" in visible_text(page.find(id="import-totals"))
    mismatch = visible_text(page.find(id="import-mismatch"))
    assert "Похоже, этот файл — только часть закона или другая редакция." in mismatch
    assert "Статей, сохранённых на этом языке: 6, из них нет в файле: 4." in mismatch
    removals = page.find(id="import-removals")
    assert "import-alert" in removals["class"]
    assert visible_text(removals.find("h4")) == "Из официального текста будут удалены 4 статьи:"
    assert [visible_text(li) for li in removals.select(".removed-articles li")] == [
        "статья 1: Основные понятия",
        "статья 2: Цель Закона",
        "статья 5: Отчёт",
        "статья 6: Введение в действие",
    ]
    assert page.select_one("#import-summary tr.count-article td.removed-some").get_text() == "4"
    box = page.find("input", attrs={"name": "understood"})
    assert box.has_attr("required")
    label = visible_text(box.parent)
    assert "Я понимаю, что из официального текста будут удалены: 4 статьи." in label
    assert "Подтверждаю, что проверено: этот файл — полный текст этой редакции." in label

    before = database_hash()
    refused = confirm(russian, imported, preview)  # the box left unticked: the browser sends nothing for it
    assert refused.status_code == 200
    assert "Ничего не загружено" in visible_text(soup(refused).find(id="import-confirm-error"))
    assert database_hash() == before

    done = confirm(russian, imported, refused, tick=True)
    assert done.status_code == 302
    article = Article.objects.get(edition=imported, number="1")
    assert not article.paragraphs.exclude(official_text_ru="").exists() and article.needs_review


def test_a_file_of_another_edition_warns_that_chapter_titles_would_change(imported, russian):
    other = trial_law(
        replace={
            "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ": "Глава 1. ГОСУДАРСТВЕННОЕ УПРАВЛЕНИЕ",
            "Глава 2. ОБЯЗАННОСТИ": "Глава 2. ПРАВА ГРАЖДАН",
            "Статья 1. Основные понятия": "Статья 1. Задачи государства",
            "Статья 3. Обязанности проверяющего": "Статья 3. Права граждан",
            "Статья 4. Права проверяющего": "Статья 4. Защита данных",
        }
    )
    page = soup(upload(russian, imported, other))
    mismatch = visible_text(page.find(id="import-mismatch"))
    assert "Сравнено названий глав: 3, в файле отличаются: 2." in mismatch
    removals = page.find(id="import-removals")
    assert visible_text(removals.find("h4")) == "Будут заменены названия 2 глав:"
    replaced = removals.select(".replaced-chapters li")
    assert " ".join(d.get_text() for d in replaced[0].find_all("del")) == "ОБЩИЕ ПОЛОЖЕНИЯ"
    assert " ".join(i.get_text() for i in replaced[0].find_all("ins")) == "ГОСУДАРСТВЕННОЕ УПРАВЛЕНИЕ"
    label = visible_text(page.find("input", attrs={"name": "understood"}).parent)
    assert "Я понимаю, что будут заменены названия 2 глав." in label


def test_a_chapter_title_in_another_letter_case_is_no_sign_of_another_edition(imported, russian):
    page = soup(upload(russian, imported, trial_law(replace={"Глава 2. ОБЯЗАННОСТИ": "Глава 2. Обязанности"})))
    assert page.find(id="import-mismatch") is None
    # Nor a change at all: the site may write a chapter's title in sentence case where the law has
    # capitals, and an import keeps the site's.
    assert page.find(id="import-removals") is None


def test_a_confirmation_is_for_the_changes_its_preview_showed(imported, russian):
    preview = upload(russian, imported, trial_law(drop=("1. Проверяющий представляет отчёт.",)))
    # Meanwhile another import changes the stored text.
    apply(
        plan(
            imported,
            parse(
                "\n".join(
                    trial_law(
                        drop=(
                            "Статья 6. Введение в действие",
                            "1. Настоящий Закон вводится в действие через десять дней.",
                        )
                    )
                ),
                "ru",
            ),
        ),
        Source(format="text", name="other.txt"),
    )
    before = database_hash()
    again = confirm(russian, imported, preview, tick=True)
    assert again.status_code == 200
    assert "Сохранённый текст изменился после проверки файла" in visible_text(
        soup(again).find(id="import-confirm-error")
    )
    assert database_hash() == before
    assert confirm(russian, imported, again, tick=True).status_code == 302


@pytest.mark.parametrize(
    ("cut", "why"),
    [
        (
            lambda lines: lines[: lines.index("Статья 4. Права проверяющего")] + ["Статья 4. Права прове"],
            "in a heading",
        ),
        (lambda lines: lines[: lines.index("Глава 3. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ")], "between articles, unsigned"),
        (lambda lines: [*lines[:-4], "1. Настоящий Закон вводится в действие через", *lines[-3:]], "mid-sentence"),
    ],
)
def test_a_file_cut_off_is_called_so_and_needs_a_tick(imported, russian, cut, why):
    lines = cut(trial_law())
    assert plan(imported, parse("\n".join(lines), "ru")).law.cut_off(), why
    preview = upload(russian, imported, lines)
    mismatch = visible_text(soup(preview).find(id="import-mismatch"))
    assert "Похоже, файл обрезан" in mismatch, why
    before = database_hash()
    assert confirm(russian, imported, preview).status_code == 200  # refused without the tick
    assert database_hash() == before


def test_the_whole_text_is_not_called_cut_off(imported):
    assert not parse("\n".join(trial_law()), "ru").cut_off()
