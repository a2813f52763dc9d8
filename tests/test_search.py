"""Search in three languages: folded Kazakh, results from every language, snippets that link to the
paragraph, helpful pages for empty or absurd queries, and a fixed number of SQL queries.

Over 400 lines on purpose: one module per feature, and search's parts (folding, stems, ranking,
snippets, limits) share the fixtures and helpers at the top; the law's own words have their own
module (test_search_official_text.py), numbers theirs (test_search_numbers.py)."""

import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from law.models import Act, Article, Chapter, Edition, GlossaryTerm, Paragraph, Status
from search import index
from search.folding import MAX_QUERY_LENGTH, fold, index_form, parse_query
from search.models import SearchEntry
from search.stemming import stem
from search.synonyms import groups, leads

from .conftest import LANGS, ROOT, manage, production_env, soup, visible_text

pytestmark = pytest.mark.django_db

ARTICLE = "/{lang}/ai-law/draft-2025/article-{number}/"


def search(client, lang, q):
    response = client.get(f"/{lang}/search/", {"q": q})
    assert response.status_code == 200
    return soup(response)


def results_here(page):
    """The results in the page's language: the law in force's, then the history's (the draft's)."""
    found = []
    for group in ("results-here", "results-history"):
        section = page.find("section", attrs={"aria-labelledby": group})
        found += section.select("li.search-result") if section else []
    return found


def results_elsewhere(page):
    section = page.find("section", attrs={"aria-labelledby": "results-elsewhere"})
    return section.select("li.search-result") if section else []


def marks(node):
    return [m.get_text() for m in node.find_all("mark")]


def marks_inside_words(node):
    """Marked text that a letter or digit touches on either side: a match inside a word."""
    return re.findall(r"[^\W_]<mark>[^<]*</mark>|<mark>[^<]*</mark>[^\W_]", str(node))


def set_summary(number, edition="draft-2025", **texts):
    article = Article.objects.get(edition__slug=edition, number=number)
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


def test_the_index_stores_folded_words_between_spaces():
    assert index_form("  Құқық, data_set!  Ребёнок ") == " кукык data set ребенок "
    assert index_form("ЖИ-ге") == " жи ге "  # an ending after a hyphen leaves the abbreviation a word
    assert index_form("") == " "


# --------------------------------------------------------------------------- what a visitor sees


def test_kazakh_typed_without_kazakh_letters_finds_kazakh_text(client):
    set_summary("9", summary_kk="Әр адамның құқықтары қорғалады.")
    page = search(client, "kk", "кукык")
    found = [r for r in results_here(page) if r.find("a", href=ARTICLE.format(lang="kk", number=9) + "#plain-language")]
    assert found, visible_text(page.find("main"))
    # The original Kazakh word is highlighted, whole, though the query had no Kazakh letters.
    assert "құқықтары" in marks(found[0])


def test_search_is_case_insensitive(client):
    set_summary("9", summary_en="Deepfake videos must be labelled.")
    for q in ("deepfake", "DEEPFAKE", "DeepFake"):
        page = search(client, "en", q)
        assert any(r.find("a", href=ARTICLE.format(lang="en", number=9)) for r in results_here(page)), q


def test_results_in_another_language_are_marked_as_such(client):
    set_summary("9", summary_ru="Панголин должен быть помечен.", summary_en="A synthetic video must be labelled.")
    page = search(client, "en", "панголин")
    assert results_here(page) == []
    [result] = results_elsewhere(page)
    badge = result.find(class_="result-language")
    assert badge["lang"] == "ru" and visible_text(badge) == "Русский"
    assert result.find("span", class_="search-snippet")["lang"] == "ru"
    assert result.find("a", href=ARTICLE.format(lang="ru", number=9) + "#plain-language")
    assert marks(result) == ["Панголин"]


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


def summary_marks(page, lang, number, edition="draft-2025"):
    """The marked words of the snippet from an article's summary, or None when it was not found."""
    link = page.find("a", href=f"/{lang}/ai-law/{edition}/article-{number}/#plain-language")
    return None if link is None else marks(link.find_next_sibling("span", class_="search-snippet"))


@pytest.mark.parametrize(
    "lang, q, inside_words, as_a_word, marked",
    [
        ("ru", "ИИ", "Об организации, информации и автономии.", "Системы ИИ-помощников.", "ИИ"),
        ("kk", "ИИ", "Иесі тиіс шараларды тиімді қолданады.", "ИИ-ге қатысты.", "ИИ"),
        ("en", "ai", "We explain what is available against the odds.", "An AI system.", "AI"),
        ("kk", "ЖИ", "Заңдар жинағы Мәжілісте қаралды.", "ЖИ-ге қатысты ереже.", "ЖИ"),
        # A short English word is whole too: "app" finds neither "apply" nor "approves" (issue 38).
        ("en", "app", "The rules apply when the body approves them.", "A face-swap app.", "app"),
    ],
)
def test_a_short_word_is_found_as_a_word_never_inside_one(client, lang, q, inside_words, as_a_word, marked):
    # A word on almost every page: the results shown are the best fifty. Article 21 of the law in
    # force has the word in its title, so it is among them whatever its summary says.
    law = "law-230-viii"
    set_summary("21", law, **{f"summary_{lang}": inside_words, f"for_you_{lang}": ""})
    assert summary_marks(search(client, lang, q), lang, 21, law) is None
    set_summary("21", law, **{f"summary_{lang}": as_a_word})
    assert summary_marks(search(client, lang, q), lang, 21, law) == [marked]


@pytest.mark.parametrize(
    "lang, q, text, marked",
    [
        # A rare word, so that the article is among the results whatever else the content says.
        ("ru", "синтагм", "Эта синтагма и её пресинтагма.", ["синтагма"]),
        ("en", "explain", "Explainability: we explain it; unexplained.", ["Explainability", "explain"]),
        ("kk", "кукык", "Адамның құқықтары мен құқықтық қорғау.", ["құқықтары", "құқықтық"]),
    ],
)
def test_a_longer_word_finds_the_words_it_begins_and_no_others(client, lang, q, text, marked):
    set_summary("9", **{f"summary_{lang}": text, f"for_you_{lang}": ""})
    # "синтагма" is marked, whole; "пресинтагма" and "unexplained" only contain the word.
    assert summary_marks(search(client, lang, q), lang, 9) == marked


@pytest.mark.parametrize("q", ["ИИ", "AI", "ЖИ"])
def test_every_mark_on_the_shipped_content_is_the_short_word_itself(client, lang, q):
    page = search(client, lang, q)
    marked = marks(page.find("main"))
    # The word itself, or a word of the glossary term it stands for ("AI": "artificial intelligence").
    widened = [w for group in groups(parse_query(q).words, leads()) for phrase in group.widened for w in phrase]
    assert widened, "the glossary names what the abbreviation stands for"
    stems = tuple(stem(w, code) for w in widened for code in LANGS)
    assert all(fold(m) == fold(q) or fold(m).startswith(stems) for m in marked), sorted(set(marked))
    assert fold(q) in {fold(m) for m in marked}
    assert marks_inside_words(page.find("main")) == []


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
    "q, message, shown",
    [
        ("", "Type a word or two", ""),
        ("   ", "Type a word or two", ""),
        ("?!…—***%_", "no letters or numbers", "?!…—***%_"),
        ("x" * 1500, "too long", "x" * MAX_QUERY_LENGTH),  # long, yet under MAX_URL_LENGTH
        ("' OR 1=1; DROP TABLE law_article; --", "Nothing was found", "' OR 1=1; DROP TABLE law_article; --"),
        ("\x00\x01", "Type a word or two", ""),
    ],
)
def test_empty_or_absurd_queries_get_a_helpful_page(client, q, message, shown):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200
    page = soup(response)
    assert message in visible_text(page.find(class_="search-status"))
    # The search box shows back what was used of the query, and no more than that.
    assert page.find("input", id="search-q")["value"] == shown
    assert len(page.find("input", id="search-q")["value"]) <= MAX_QUERY_LENGTH


def test_unpublished_articles_are_found_by_nobody():
    """Search results are public pages (#35 item 5): editors find a draft in the admin, not here."""
    set_summary("9", summary_en="The pangolin clause.", status=Status.DRAFT)
    assert results_here(search(Client(), "en", "pangolin")) == []
    staff = get_user_model().objects.create_user("editor-x", password="x-long-passphrase-1", is_staff=True)
    client = Client()
    client.force_login(staff)
    assert results_here(search(client, "en", "pangolin")) == []
    # Nor when the index still holds it (a status changed without a save's signal).
    set_summary("10", summary_en="The okapi clause.")
    Article.objects.filter(edition__slug="draft-2025", number="10").update(status=Status.WITHDRAWN)
    assert results_here(search(client, "en", "okapi")) == []


def test_search_page_in_every_language_keeps_the_query_in_the_switcher(client, lang):
    page = search(client, lang, "AI")
    assert page.html["lang"] == lang
    switcher = page.find("nav", class_="language-switcher")
    assert {a["href"] for a in switcher.find_all("a")} == {f"/{code}/search/?q=AI" for code in LANGS}
    # And the page found "AI" as a word (in English, at least), not as a piece of "available", and
    # what it stands for (the glossary's "also called").
    marked = marks(page.find("main"))
    assert marked and {fold(m) for m in marked} <= {"ai", "artificial", "intelligence"} and "AI" in marked
    assert marks_inside_words(page.find("main")) == []


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


def index_rows():
    fields = [f.attname for f in SearchEntry._meta.concrete_fields if f.name != "id"]
    # Ordered whole, a missing source (None) before any: a row names one kind of source.
    return sorted(
        SearchEntry.objects.values_list(*fields), key=lambda row: [(v is not None, 0 if v is None else v) for v in row]
    )


def test_the_index_kept_in_step_by_saves_is_the_index_a_rebuild_makes():
    counts = {lang: SearchEntry.objects.filter(lang=lang).count() for lang in LANGS}
    assert all(counts.values()), counts
    # Saves refresh only their own records' entries; a rebuild must arrive at the very same rows.
    article = set_summary("18", summary_en="The narwhal clause.", plain_title_ru="Нарвал")
    paragraph = article.paragraphs.get(label="3")
    paragraph.label = "3-9"
    paragraph.note_kk = "Нарвал туралы ескерту."
    paragraph.save()
    term = GlossaryTerm.objects.first()
    term.definition_en = "A narwhal definition."
    term.save()
    kept_in_step = index_rows()
    assert index.rebuild() == len(kept_in_step)
    assert index_rows() == kept_in_step
    # And it indexes what a visitor reads: a known summary, in each language.
    for lang in LANGS:
        summary = getattr(Article.objects.get(edition__slug="draft-2025", number="3"), f"summary_{lang}")
        assert SearchEntry.objects.filter(article__number="3", lang=lang, kind="summary", text=summary).exists()


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
    entries = index.rebuild()
    return {"edition": edition, "entries": entries}


def test_search_on_500_articles_uses_a_fixed_number_of_queries(client, large_edition, django_assert_max_num_queries):
    # The number of queries, not the clock, is what keeps a search fast however large the law grows.
    assert large_edition["entries"] > 500 * 4 * 3
    for q in ("quagga", "кукык", "common quagga records", "nothing-matches-this"):
        # The two lists of words people type (synonyms.py), the index, the main edition (for the
        # question flow's address) and the edition numbers (numbers.py).
        with django_assert_max_num_queries(5):
            response = client.get("/en/search/", {"q": q})
        assert response.status_code == 200
    page = soup(client.get("/en/search/", {"q": "quagga"}))
    assert results_here(page)
    assert "add a word" in visible_text(page.find(class_="search-status"))  # capped, and says so


def test_the_search_page_has_one_search_box(client, lang):
    for q in ("", "risk"):
        page = search(client, lang, q)
        assert len(page.select("form[role=search]")) == 1, q
        assert page.find("input", id="search-q") is not None
    # Every other page keeps the box in its header.
    assert len(soup(client.get(f"/{lang}/")).select("form[role=search]")) == 1


def test_the_question_flows_words_are_found_and_lead_to_the_flow(client):
    from checker.models import FlowText

    hint = FlowText.objects.get(edition__slug="law-230-viii", key="questions.uses_system.hint")
    hint.text_en = "For example: you ask a pangolin-shaped chatbot for help."
    hint.save()
    page = search(client, "en", "pangolin chatbot")
    found = [r for r in results_here(page) if r.find("a", href="/en/check/")]
    assert found, visible_text(page.find("main"))
    assert "Does this apply to me?" in visible_text(found[0].find("h3"))
    assert "Question: Do you use an AI system" in visible_text(found[0])
    assert "pangolin" in [m.lower() for m in marks(found[0])]
    # The draft's flow lives under its edition.
    draft = FlowText.objects.get(edition__slug="draft-2025", key="questions.uses_ai.hint")
    draft.text_ru = "Например, вы спрашиваете панголина-чатбота."
    draft.save()
    page = search(client, "ru", "панголина")
    assert any(r.find("a", href="/ru/ai-law/draft-2025/check/") for r in results_here(page))


COUNT_INDEX = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name("search_searchentry"))
    print(cursor.fetchone()[0])
"""


@pytest.mark.system
def test_the_index_migrations_go_back_and_forth(tmp_path):
    """Going back to an index without stems leaves an empty index, not an error; forward builds it."""
    env = production_env(tmp_path)

    def entries():
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", COUNT_INDEX], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return int(result.stdout.split()[-1])

    manage(env, ["migrate", "-v0"], ["load_content", "--force"])  # raises CalledProcessError if one fails
    built = entries()
    assert built > 100
    manage(env, ["migrate", "search", "0002", "-v0"])
    assert entries() == 0  # the older index is left empty for the code of its time
    manage(env, ["migrate", "-v0"])
    assert entries() == built  # forward builds it again from the content, whole


@pytest.mark.parametrize(
    ("lang", "q", "slug"),
    [("en", "deepfake", "synthetic-results"), ("ru", "нейросеть", "ai-model"), ("kk", "датасет", "data-library")],
)
def test_a_word_people_use_finds_the_glossary_term(client, lang, q, slug):
    page = search(client, lang, q)
    found = [r for r in results_here(page) if r.find("a", href=lambda h: h and h.endswith(f"/glossary/#{slug}"))]
    assert found, visible_text(page.find("main"))
    assert q in [fold(m) for m in marks(found[0])]


def test_the_glossary_lists_the_words_people_also_use(client):
    page = soup(client.get("/ru/glossary/"))
    line = page.find("dt", id="synthetic-results").find_next_sibling("dd").find(class_="term-also-called")
    assert "дипфейк" in visible_text(line)
