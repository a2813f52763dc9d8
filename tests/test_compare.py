"""The same article in two or three languages side by side, aligned by paragraph label."""

import pytest
from django.test import Client

from law.models import Article, Status

from .conftest import soup, visible_text

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]

COMPARE = "/{lang}/ai-law/draft-2025/article-{number}/compare/"


@pytest.fixture
def article_18():
    """Article 18 with official text: kk lacks paragraph 2, ru and en have all three."""
    article = Article.objects.get(edition__slug="draft-2025", number="18")
    texts = {
        "kk": {"1": "Бірінші тармақ.", "2": "", "3": "Үшінші тармақ."},
        "ru": {"1": "Первый пункт.", "2": "Второй пункт.", "3": "Третий пункт."},
        "en": {"1": "First paragraph.", "2": "Second paragraph.", "3": "Third paragraph."},
    }
    for paragraph in article.paragraphs.all():
        for lang, by_label in texts.items():
            setattr(paragraph, f"official_text_{lang}", by_label[paragraph.label])
        paragraph.save()
    return article


def table_rows(page):
    return page.select("table.compare-table tbody tr")


def test_columns_are_aligned_by_label_with_a_gap_where_a_language_lacks_a_paragraph(client, article_18):
    response = client.get(COMPARE.format(lang="en", number=18) + "?langs=kk,ru")
    assert response.status_code == 200
    page = soup(response)
    headers = page.select("table.compare-table thead th[lang]")
    assert [th["lang"] for th in headers] == ["kk", "ru"]
    rows = table_rows(page)
    assert [row["id"] for row in rows] == ["p-1", "p-2", "p-3"]
    cells = {row["id"]: {td["lang"]: td for td in row.find_all("td")} for row in rows}
    assert visible_text(cells["p-1"]["kk"]) == "Бірінші тармақ."
    assert visible_text(cells["p-2"]["ru"]) == "Второй пункт."
    # The gap: Kazakh paragraph 2 is missing and says so; paragraph 3 stays in row 3, not shifted up.
    gap = cells["p-2"]["kk"]
    assert "compare-gap" in gap["class"]
    assert gap.find(class_="missing") is not None
    assert "Үшінші" not in visible_text(gap)
    assert visible_text(cells["p-3"]["kk"]) == "Үшінші тармақ."


def test_three_languages_each_cell_marked_with_its_language(client, article_18):
    page = soup(client.get(COMPARE.format(lang="kk", number=18) + "?langs=en,kk,ru"))
    assert [th["lang"] for th in page.select("thead th[lang]")] == ["en", "kk", "ru"]
    for row in table_rows(page):
        assert [td["lang"] for td in row.find_all("td")] == ["en", "kk", "ru"]
    assert page.html["lang"] == "kk"


def test_checkboxes_send_repeated_langs_and_that_works_too(client, article_18):
    page = soup(client.get(COMPARE.format(lang="ru", number=18) + "?langs=ru&langs=en"))
    assert [th["lang"] for th in page.select("thead th[lang]")] == ["ru", "en"]


def test_the_explanation_can_be_compared_summary_first_then_notes(client):
    article = Article.objects.get(edition__slug="draft-2025", number="18")
    article.summary_ru = "Кратко о статье 18."
    article.save()
    note = article.paragraphs.get(label="3")
    note.note_ru = ""  # a gap in Russian, to be shown as missing
    note.save()
    page = soup(client.get(COMPARE.format(lang="en", number=18) + "?langs=en,ru&text=explanation"))
    rows = table_rows(page)
    keys = [row["id"] for row in rows]
    assert keys[0] == "summary" and "note-3" in keys
    summary = {td["lang"]: td for td in rows[0].find_all("td")}
    assert visible_text(summary["ru"]) == "Кратко о статье 18."
    assert summary["en"].find("a", class_="term") is not None  # the explanation keeps its glossary links
    note_ru = {td["lang"]: td for td in page.find(id="note-3").find_all("td")}["ru"]
    assert note_ru.find(class_="missing") is not None


@pytest.mark.parametrize(
    "query",
    ["?langs=kk", "?langs=kk,kk", "?langs=kk,xx", "?langs=kk,ru,en,de", "?langs=" + "kk," * 500, "?text=poem"],
)
def test_a_bad_choice_is_explained_on_the_page_not_an_error(client, lang, query):
    response = client.get(COMPARE.format(lang=lang, number=18) + query)
    assert response.status_code == 400
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.find(class_="error-summary") is not None
    assert page.find("table", class_="compare-table") is None
    # The form to choose again is there, pointing at the same view.
    form = page.find("form", class_="compare-form")
    assert form["action"] == COMPARE.format(lang=lang, number=18)


def test_without_a_choice_every_language_is_shown_visitors_first(client, article_18):
    page = soup(client.get(COMPARE.format(lang="ru", number=18)))
    assert [th["lang"] for th in page.select("thead th[lang]")] == ["ru", "kk", "en"]


def test_no_official_text_in_any_chosen_language_says_so(client):
    page = soup(client.get(COMPARE.format(lang="en", number=20) + "?langs=kk,ru&text=official"))
    assert page.find("table", class_="compare-table") is None
    assert page.find(class_="missing-notice").find("a", href=lambda h: h and "adilet.zan.kz" in h)


def test_without_any_official_text_compare_opens_on_the_explanations(client):
    page = soup(client.get(COMPARE.format(lang="en", number=20) + "?langs=kk,ru"))
    assert page.find("table", class_="compare-table") is not None
    assert page.find("input", attrs={"name": "text", "checked": True})["value"] == "explanation"


def test_the_article_page_offers_the_comparison_as_a_plain_form(client):
    page = soup(client.get("/en/ai-law/draft-2025/article-18/"))
    form = page.find("form", class_="compare-form")
    assert form["method"] == "get"
    assert form["action"] == COMPARE.format(lang="en", number=18)
    boxes = form.find_all("input", attrs={"name": "langs", "type": "checkbox"})
    assert {box["value"] for box in boxes} == {"kk", "ru", "en"}
    for box in boxes:
        assert form.find("label", attrs={"for": box["id"]}) is not None


def test_unpublished_articles_are_not_compared_for_the_public():
    Article.objects.filter(edition__slug="draft-2025", number="18").update(status=Status.DRAFT)
    assert Client().get(COMPARE.format(lang="en", number=18) + "?langs=kk,ru").status_code == 404


def test_the_explanation_in_any_language_has_the_official_russian_beside_it():
    """The law ships in Russian: beside the English and Kazakh notes, its words, paragraph by
    paragraph; a paragraph left without a note shows its text with empty note cells, not "missing"."""
    page = soup(
        Client().get("/en/ai-law/law-230-viii/article-17/compare/", {"langs": ["en", "kk"], "text": "explanation"})
    )
    headings = [visible_text(th) for th in page.select("thead th")]
    assert headings[-1] == "Official text Русский" and len(headings) == 4
    official = page.select("thead th")[-1]  # the heading in the page's language, the language name in its own
    assert not official.has_attr("lang") and official.select_one("span[lang=ru]")
    closing = page.find("tr", id="note-1-after")
    notes, law = closing.find_all("td")[:2], closing.find_all("td")[2]
    assert law["lang"] == "ru" and visible_text(law).startswith("Отнесение систем искусственного интеллекта")
    assert all("compare-empty" in td["class"] and not visible_text(td) for td in notes)
    explained = page.find("tr", id="note-1").find_all("td")
    assert "compare-explanation" in explained[0]["class"] and "compare-official" in explained[2]["class"]
    assert not page.select("tr#summary td.compare-gap")  # no official text beside "In short": not a gap


def test_the_draft_has_no_official_column():
    page = soup(Client().get("/en/ai-law/draft-2025/article-18/compare/", {"langs": ["en", "ru"]}))
    assert "Official text" not in [visible_text(th).split(" ")[0] + " text" for th in page.select("thead th")][-1:]
    assert len(page.select("thead th")) == 3
