"""Search in three languages: folded Kazakh, results from every language, snippets that link to the
paragraph, helpful pages for empty or absurd queries, and a fixed number of SQL queries."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from law.models import Act, Article, Chapter, Edition, GlossaryTerm, Paragraph, Status
from search import index
from search.folding import MAX_QUERY_LENGTH, fold, parse_query
from search.models import SearchEntry

from .conftest import LANGS, soup, visible_text

pytestmark = pytest.mark.django_db

ARTICLE = "/{lang}/ai-law/draft-2025/article-{number}/"


def search(client, lang, q):
    response = client.get(f"/{lang}/search/", {"q": q})
    assert response.status_code == 200
    return soup(response)


def results_here(page):
    section = page.find("section", attrs={"aria-labelledby": "results-here"})
    return section.select("li.search-result") if section else []


def results_elsewhere(page):
    section = page.find("section", attrs={"aria-labelledby": "results-elsewhere"})
    return section.select("li.search-result") if section else []


def marks(node):
    return [m.get_text() for m in node.find_all("mark")]


def set_summary(number, **texts):
    article = Article.objects.get(edition__slug="draft-2025", number=number)
    for name, value in texts.items():
        setattr(article, name, value)
    article.save()
    return article


# --------------------------------------------------------------------------- folding


def test_folding_lowercases_and_maps_kazakh_letters():
    assert fold("ӘҒҚҢӨҰҮҺІ әғқңөұүһі Ёлка") == "агкноуухи агкноуухи елка"
    assert fold("ҚҰҚЫҚ") == fold("кукык") == "кукык"


def test_folding_keeps_positions_for_highlighting():
    for text in ("İstanbul құқық", "Straße ǅ", "Ωμέγα"):
        assert len(fold(text)) == len(text)


def test_query_is_trimmed_capped_and_split_into_words():
    assert parse_query("  Құқық,  DATA!! ").words == ["кукык", "data"]
    long = parse_query("a" * 5000)
    assert len(long.text) == MAX_QUERY_LENGTH and long.shortened
    assert parse_query("?!… —  ***").has_no_words
    assert parse_query(None).is_empty
    assert parse_query("data\x00law\n").words == ["data", "law"]
    assert parse_query("_%_").has_no_words  # no SQL wildcards reach the database as words


# --------------------------------------------------------------------------- what a visitor sees


def test_kazakh_typed_without_kazakh_letters_finds_kazakh_text(client):
    set_summary("9", summary_kk="Әр адамның құқықтары қорғалады.")
    page = search(client, "kk", "кукык")
    found = [r for r in results_here(page) if r.find("a", href=ARTICLE.format(lang="kk", number=9) + "#plain-language")]
    assert found, visible_text(page.find("main"))
    # The original Kazakh word is highlighted, though the query had no Kazakh letters.
    assert "құқық" in marks(found[0])


def test_search_is_case_insensitive(client):
    set_summary("9", summary_en="Deepfake videos must be labelled.")
    for q in ("deepfake", "DEEPFAKE", "DeepFake"):
        page = search(client, "en", q)
        assert any(r.find("a", href=ARTICLE.format(lang="en", number=9)) for r in results_here(page)), q


def test_results_in_another_language_are_marked_as_such(client):
    set_summary("9", summary_ru="Дипфейк должен быть помечен.", summary_en="A synthetic video must be labelled.")
    page = search(client, "en", "дипфейк")
    assert results_here(page) == []
    [result] = results_elsewhere(page)
    badge = result.find(class_="result-language")
    assert badge["lang"] == "ru" and visible_text(badge) == "Русский"
    assert result.find("span", class_="search-snippet")["lang"] == "ru"
    assert result.find("a", href=ARTICLE.format(lang="ru", number=9) + "#plain-language")
    assert marks(result) == ["Дипфейк"]


def test_snippet_links_to_the_paragraph(client):
    paragraph = Paragraph.objects.get(article__edition__slug="draft-2025", article__number="18", label="3")
    paragraph.official_text_en = "It is prohibited to use systems for remote biometric zebrafish identification."
    paragraph.save()
    page = search(client, "en", "zebrafish")
    [result] = results_here(page)
    link = result.find("a", class_="search-snippet-link")
    assert link["href"] == ARTICLE.format(lang="en", number=18) + "#p-3"
    assert marks(result) == ["zebrafish"]
    # The paragraph the link points to exists on the article page.
    assert soup(client.get(link["href"].split("#")[0])).find(id="p-3") is not None


def test_every_word_must_match_in_the_same_passage(client):
    set_summary("9", summary_en="Quokka rules apply.", for_you_en="Wombat rules apply.")
    assert not results_here(search(client, "en", "quokka wombat"))
    assert results_here(search(client, "en", "quokka rules"))


def test_titles_and_glossary_rank_before_explanations_and_official_text(client):
    set_summary("3", plain_title_en="Axolotl title")
    set_summary("2", summary_en="An axolotl in a summary.")
    paragraph = Paragraph.objects.get(article__edition__slug="draft-2025", article__number="18", label="1")
    paragraph.official_text_en = "An axolotl in the official text."
    paragraph.save()
    GlossaryTerm.objects.create(
        edition=Edition.objects.get(slug="draft-2025"),
        slug="axolotl",
        name_en="axolotl",
        definition_en="A salamander.",
        position=99,
    )
    page = search(client, "en", "axolotl")
    links = [r.find("a")["href"] for r in results_here(page)]
    assert links == [
        ARTICLE.format(lang="en", number=3),
        "/en/ai-law/draft-2025/glossary/#axolotl",
        ARTICLE.format(lang="en", number=2),
        ARTICLE.format(lang="en", number=18),
    ]


def test_the_glossary_is_searched(client):
    page = search(client, "en", "biometric")
    assert any(r.find("a", href="/en/ai-law/draft-2025/glossary/#biometric-identification") for r in results_here(page))


def test_found_text_is_escaped_and_only_the_match_is_marked(client):
    set_summary("9", summary_en="Beware <script>alert('x')</script> okapi tricks.")
    response = Client().get("/en/search/", {"q": "okapi"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>okapi</mark>" in html


@pytest.mark.parametrize(
    "q, message",
    [
        ("", "Type a word or two"),
        ("   ", "Type a word or two"),
        ("?!…—***%_", "no letters or numbers"),
        ("x" * 5000, "too long"),
        ("' OR 1=1; DROP TABLE law_article; --", "Nothing was found"),
        ("\x00\x01", "Type a word or two"),
    ],
)
def test_empty_or_absurd_queries_get_a_helpful_page(client, q, message):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200
    page = soup(response)
    assert message in visible_text(page.find(class_="search-status"))
    assert page.find("input", id="search-q")["value"] == parse_query(q).text
    assert len(parse_query(q).text) <= MAX_QUERY_LENGTH


def test_unpublished_articles_are_found_only_by_staff():
    set_summary("9", summary_en="The pangolin clause.")
    Article.objects.filter(edition__slug="draft-2025", number="9").update(status=Status.DRAFT)
    assert results_here(search(Client(), "en", "pangolin")) == []
    staff = get_user_model().objects.create_user("editor-x", password="x-long-passphrase-1", is_staff=True)
    client = Client()
    client.force_login(staff)
    [result] = results_here(search(client, "en", "pangolin"))
    assert result.find(class_="badge") is not None


def test_search_page_in_every_language_keeps_the_query_in_the_switcher(client, lang):
    page = search(client, lang, "AI")
    assert page.html["lang"] == lang
    switcher = page.find("nav", class_="language-switcher")
    assert {a["href"] for a in switcher.find_all("a")} == {f"/{code}/search/?q=AI" for code in LANGS}


def test_every_page_has_a_search_form_in_the_header(client, lang):
    page = soup(client.get(f"/{lang}/"))
    form = page.find("header").find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form["action"] == f"/{lang}/search/"
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}) is not None
    assert page.find("nav", class_="primary-nav").find("a", href=f"/{lang}/search/")


# --------------------------------------------------------------------------- the index


def test_the_index_follows_saves_and_deletes():
    article = set_summary("18", summary_en="The narwhal clause.")
    assert SearchEntry.objects.filter(article=article, kind="summary", lang="en", text__contains="narwhal").exists()
    paragraph = article.paragraphs.first()
    paragraph.note_en = "A note on the dugong."
    paragraph.save()
    assert SearchEntry.objects.filter(paragraph=paragraph, kind="note", folded_text__contains="dugong").exists()
    paragraph.delete()
    assert not SearchEntry.objects.filter(folded_text__contains="dugong").exists()


def test_the_index_is_rebuilt_after_a_load_and_covers_every_language():
    counts = {lang: SearchEntry.objects.filter(lang=lang).count() for lang in LANGS}
    assert all(counts.values()), counts
    assert index.rebuild() == SearchEntry.objects.count()


# --------------------------------------------------------------------------- a large edition


@pytest.fixture
def large_edition():
    """An edition of 500 articles, 4 paragraphs each, with text in three languages."""
    edition = Edition.objects.create(
        act=Act.objects.first(),
        slug="large-test",
        kind="law",
        legal_status="in_force",
        title_en="Large test edition",
        short_title_en="Large",
        position=9,
    )
    chapter = Chapter.objects.create(edition=edition, key="1", number="1")
    articles = Article.objects.bulk_create(
        Article(
            edition=edition,
            chapter=chapter,
            number=str(n),
            position=n,
            plain_title_en=f"Rules number {n}",
            plain_title_ru=f"Правила номер {n}",
            plain_title_kk=f"Ережелер нөмірі {n}",
            summary_html_en=f"<p>Summary {n} about data and the common quagga.</p>",
            summary_html_kk=f"<p>{n}-бап деректер мен құқық туралы.</p>",
            summary_html_ru=f"<p>Статья {n} о данных и праве.</p>",
        )
        for n in range(1, 501)
    )
    Paragraph.objects.bulk_create(
        Paragraph(
            article=article,
            label=str(p),
            position=p,
            official_text_en=f"Paragraph {p} of article {article.number}: the owner keeps common quagga records.",
            official_text_ru=f"Пункт {p}: владелец хранит записи.",
            official_text_kk=f"{p}-тармақ: иесі жазбаларды сақтайды.",
            note_html_en=f"<p>A note on paragraph {p}.</p>",
        )
        for article in articles
        for p in range(1, 5)
    )
    started = time.perf_counter()
    entries = index.rebuild()
    return {"edition": edition, "entries": entries, "rebuild_seconds": time.perf_counter() - started}


def test_search_on_500_articles_uses_a_fixed_number_of_queries(client, large_edition, django_assert_max_num_queries):
    assert large_edition["entries"] > 500 * 4 * 3
    for q in ("quagga", "кукык", "common quagga records", "nothing-matches-this"):
        started = time.perf_counter()
        with django_assert_max_num_queries(2):
            response = client.get("/en/search/", {"q": q})
        assert response.status_code == 200
        assert time.perf_counter() - started < 3, q
    page = soup(client.get("/en/search/", {"q": "quagga"}))
    assert results_here(page)
    assert "add a word" in visible_text(page.find(class_="search-status"))  # capped, and says so
