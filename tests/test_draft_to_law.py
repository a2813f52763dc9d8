"""/<lang>/ai-law/draft-to-law/: the passage as a timeline, the main changes, the whole concordance."""

import pytest

from .conftest import soup, visible_text
from .test_concordance import DRAFT_TO_LAW, NEW_IN_THE_LAW

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def table_of(client, lang, query=""):
    response = client.get(f"/{lang}/ai-law/draft-to-law/{query}")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    rows = page.select("table.concordance-table tbody tr")
    return page, rows


def numbers(cell) -> list[str]:
    return [a["href"].rstrip("/").rsplit("article-", 1)[1] for a in cell.find_all("a")]


def test_the_page_tells_the_passage_and_the_main_changes(client, lang):
    page, _rows = table_of(client, lang)
    assert page.find("h1").get_text(strip=True)
    prose = page.select_one(".prose")
    timeline = prose.find("ul").find_all("li")
    assert len(timeline) == 8  # presented, two readings, Senate, agreed, signed, published, in force
    assert "2026" in visible_text(timeline[-1]) and "2025" in visible_text(timeline[0])
    assert len(page.select(".prose h2")) == 3


def test_the_table_reads_by_the_laws_numbering_by_default(client, lang):
    page, rows = table_of(client, lang)
    header = [th.get_text(strip=True) for th in page.select("table.concordance-table thead th")]
    assert len(header) == 3
    law_numbers = [n for row in rows for n in numbers(row.find_all("td")[0])]
    # Every article of the law, in order (Article 27 twice: two draft articles went into it).
    assert sorted(set(law_numbers), key=int) == [str(n) for n in range(1, 32)]
    assert [int(n) for n in law_numbers] == sorted(int(n) for n in law_numbers)
    draft_numbers = sorted({n for row in rows for n in numbers(row.find_all("td")[1])}, key=int)
    assert draft_numbers == [str(n) for n in range(1, 29)]
    for row in rows:
        law, draft, note = row.find_all("td")
        assert note.get_text(strip=True)
        if set(numbers(law)) <= NEW_IN_THE_LAW and numbers(law):
            assert numbers(draft) == [] and draft.select_one(".concordance-none")
        for number in numbers(draft):
            assert set(numbers(law)) <= DRAFT_TO_LAW[number], (number, numbers(law))


def test_the_table_reads_by_the_drafts_numbering_on_request(client, lang):
    page, rows = table_of(client, lang, "?by=draft-2025")
    draft_numbers = [n for row in rows for n in numbers(row.find_all("td")[0])]
    assert draft_numbers == [str(n) for n in range(1, 29)]  # each draft article once, in order
    assert page.select_one(".concordance-order strong") is not None
    # Links from either column name their edition.
    for a in page.select("table.concordance-table td a"):
        assert "/ai-law/draft-2025/" in a["href"] or "/ai-law/law-230-viii/" in a["href"]


@pytest.mark.parametrize("query", ["?by=nothing", "?by=", "?by=%00", "?by=" + "x" * 1500])
def test_a_wrong_order_falls_back_to_the_law_in_force(client, query):
    _page, rows = table_of(client, "en", query)
    assert numbers(rows[0].find_all("td")[0]) == ["1"]


def test_draft_pages_and_home_lead_to_the_changes(client, lang):
    for url in (f"/{lang}/", f"/{lang}/ai-law/draft-2025/article-18/"):
        links = {a["href"] for a in soup(client.get(url)).find_all("a")}
        assert f"/{lang}/ai-law/draft-to-law/" in links, url


def editions_compare(client, lang, edition, number, editions="draft-2025,law-230-viii"):
    return client.get(f"/{lang}/ai-law/{edition}/article-{number}/compare/", {"editions": editions})


def test_the_drafts_article_18_beside_the_laws_article_17(client, lang):
    response = editions_compare(client, lang, "draft-2025", "18")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    heads = page.select("table.compare-table thead th")[1:]
    assert [[a["href"] for a in th.find_all("a")] for th in heads] == [
        [f"/{lang}/ai-law/draft-2025/article-18/"],
        [f"/{lang}/ai-law/law-230-viii/article-17/"],
    ]
    parts = [tr["id"] for tr in page.select("table.compare-table tbody tr")]
    assert parts[:2] == ["part-summary", "part-for_you"]
    # Both columns carry their own explanation: the texts differ, neither is missing.
    summary = page.select("#part-summary td")
    assert all(td.get_text(strip=True) for td in summary) and summary[0].get_text() != summary[1].get_text()
    assert page.select_one(".what-changed p").get_text(strip=True)


def test_from_the_law_the_same_pair_in_the_same_order(client, lang):
    page = soup(editions_compare(client, lang, "law-230-viii", "17", "law-230-viii,draft-2025"))
    heads = page.select("table.compare-table thead th")[1:]
    assert [a["href"] for a in heads[0].find_all("a")] == [f"/{lang}/ai-law/draft-2025/article-18/"]


def test_a_new_article_has_no_counterpart_and_says_so(client):
    page = soup(editions_compare(client, "en", "law-230-viii", "19"))
    heads = page.select("table.compare-table thead th")[1:]
    assert heads[0].find("a") is None and heads[0].select_one(".compare-title")


@pytest.mark.parametrize(
    "editions", ["draft-2025", "draft-2025,draft-2025", "law-230-viii,nope", "a,b,c", "x" * 1500, ""]
)
def test_a_bad_choice_of_editions_is_explained(client, lang, editions):
    response = editions_compare(client, lang, "draft-2025", "18", editions)
    assert response.status_code == 400
    page = soup(response)
    assert page.html["lang"] == lang and page.select_one(".error-summary p").get_text(strip=True)


def test_without_editions_the_languages_compare_as_before(client):
    response = client.get("/en/ai-law/draft-2025/article-18/compare/?langs=kk,ru&text=explanation")
    assert response.status_code == 200 and soup(response).select_one("table.compare-table--2") is not None
    assert client.get("/en/ai-law/draft-2025/article-x/compare/").status_code == 404


def test_the_what_changed_box_opens_the_editions_side_by_side(client, lang):
    page = soup(client.get(f"/{lang}/ai-law/draft-2025/article-18/"))
    links = [a["href"] for a in page.select(".what-changed a") if "editions=" in a["href"]]
    assert links == [f"/{lang}/ai-law/draft-2025/article-18/compare/?editions=draft-2025,law-230-viii"]
    assert client.get(links[0]).status_code == 200
