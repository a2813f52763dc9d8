"""Glossary terms in explanations: the first use links to the definition, made when text is saved.

Without JavaScript the link is a plain link to `/<lang>/glossary/#<term>`; site.js turns it into a
pop-up. The glossary page lists terms alphabetically with their names in the other languages.
"""

import json

import pytest
from django.test import Client

from editorial.glossary_links import Term
from editorial.rendering import render_markdown
from law.glossary import sort_key
from law.models import Article, GlossaryTerm

from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db
DRAFT_EN, DRAFT_KK = "/en/ai-law/draft-2025/glossary/", "/kk/ai-law/draft-2025/glossary/"

TERMS = [Term("ai-system", "AI system"), Term("ai-system-owner", "AI system owner"), Term("user", "user")]


def term_links(html):
    return [(a["href"], a.get_text()) for a in soup_of(html).select("a.term")]


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def article(number="9"):
    return Article.objects.get(edition__slug="draft-2025", number=number)


# --------------------------------------------------------------------------- linking rules


def test_only_the_first_use_of_a_term_is_linked_case_insensitive():
    html = render_markdown("An ai System helps. Another AI system too.", TERMS, "/en/glossary/")
    assert term_links(html) == [("/en/glossary/#ai-system", "ai System")]


def test_whole_words_only():
    html = render_markdown("Users and superuser accounts; a user.", TERMS, "/en/glossary/")
    assert term_links(html) == [("/en/glossary/#user", "user")]


def test_the_longer_term_wins_and_the_shorter_is_not_linked_inside_it():
    html = render_markdown("Every AI system owner must act. An AI system can fail.", TERMS, "/en/glossary/")
    assert term_links(html) == [
        ("/en/glossary/#ai-system-owner", "AI system owner"),
        ("/en/glossary/#ai-system", "AI system"),
    ]


def test_never_inside_an_existing_link_or_code():
    html = render_markdown("[the AI system](https://example.kz/) and `user` and a user", TERMS, "/en/glossary/")
    tree = soup_of(html)
    assert tree.find("a", href="https://example.kz/").find("a") is None
    assert term_links(html) == [("/en/glossary/#user", "user")]
    assert tree.find("code").find("a") is None


def test_a_hand_written_glossary_link_counts_and_is_not_doubled():
    html = render_markdown("See [AI systems](/en/glossary/#ai-system). An AI system acts.", TERMS, "/en/glossary/")
    links = soup_of(html).find_all("a")
    assert len(links) == 1
    assert links[0]["href"] == "/en/glossary/#ai-system"
    # The hand-written link gets the same hooks, so the pop-up works on it too.
    assert links[0]["class"] == ["term"] and links[0]["data-term"] == "ai-system"


def test_the_result_is_still_sanitised():
    html = render_markdown("A user <script>alert(1)</script> [x](javascript:alert(1))", TERMS, "/en/glossary/")
    tree = soup_of(html)
    assert tree.find("script") is None
    assert all(not a.get("href", "").startswith("javascript") for a in tree.find_all("a"))
    assert "&lt;script&gt;" in html


def test_terms_in_kazakh_match_kazakh_text_in_any_case():
    html = render_markdown("ПАЙДАЛАНУШЫ құқықтары.", [Term("user", "пайдаланушы")], "/kk/glossary/")
    assert term_links(html) == [("/kk/glossary/#user", "ПАЙДАЛАНУШЫ")]


# --------------------------------------------------------------------------- stored at save time


def test_explanations_are_linked_when_saved_in_each_language():
    item = article()
    item.summary_en = "An AI system must respect you. An AI system must be safe."
    item.for_you_en = "As a user, you can ask."
    item.summary_kk = "Жасанды интеллект жүйесі адамға қызмет етеді."
    item.save()
    assert term_links(item.summary_html_en) == [(DRAFT_EN + "#ai-system", "AI system")]
    assert term_links(item.for_you_html_en) == [(DRAFT_EN + "#user", "user")]
    assert term_links(item.summary_html_kk) == [(DRAFT_KK + "#ai-system", "Жасанды интеллект жүйесі")]


def test_paragraph_notes_are_linked():
    paragraph = article("18").paragraphs.get(label="2")
    paragraph.note_en = "This is about the risk level of a system."
    paragraph.save()
    assert term_links(paragraph.note_html_en) == [(DRAFT_EN + "#risk-level", "risk level")]


def test_the_shipped_content_is_linked_after_loading():
    summary = article("15").summary_html_en
    assert 'data-term="ai-system-owner"' in summary and 'class="term"' in summary


def test_term_link_works_without_javascript(client):
    item = article()
    item.summary_en = "An AI system must respect your choices."
    item.save()
    page = soup(client.get("/en/ai-law/draft-2025/article-9/"))
    link = page.find(id="plain-language").find("a", class_="term")
    assert link["href"] == DRAFT_EN + "#ai-system"
    assert link.get_text() == "AI system"
    # The link leads somewhere real: the glossary page has the term under that id.
    glossary = soup(client.get(link["href"].split("#")[0]))
    assert visible_text(glossary.find(id="ai-system")) == "AI system"


def test_renaming_a_term_relinks_stored_explanations():
    item = article()
    item.summary_en = "Zebra crossings and zebra stripes are rules of the road."
    item.save()
    assert term_links(article().summary_html_en) == []

    term = GlossaryTerm.objects.create(
        edition=article().edition, slug="zebra-crossing", name_en="zebra crossings", position=99
    )
    assert term_links(article().summary_html_en) == [(DRAFT_EN + "#zebra-crossing", "Zebra crossings")]

    term.name_en = "zebra stripes"
    term.save()
    assert term_links(article().summary_html_en) == [(DRAFT_EN + "#zebra-crossing", "zebra stripes")]

    term.delete()
    assert term_links(article().summary_html_en) == []


def test_each_edition_links_its_own_glossary():
    """The draft and the law may define a term differently: a term of one edition is never linked
    in the other's explanations, and each links to its own edition's glossary page."""
    law = Article.objects.filter(edition__slug="law-230-viii").order_by("position").first()
    if law is None:
        pytest.fail("the law in force has no articles to test with")
    GlossaryTerm.objects.create(edition=law.edition, slug="zebra-law", name_en="zebra crossings", position=99)
    draft = article()
    for item in (draft, law):
        item.summary_en = "Zebra crossings are rules of the road."
        item.save()
    assert term_links(law.summary_html_en) == [("/en/ai-law/law-230-viii/glossary/#zebra-law", "Zebra crossings")]
    assert term_links(draft.summary_html_en) == []


def test_relinking_does_not_count_as_an_edit():
    item = article()
    version, changes = item.version, item.language_changes
    GlossaryTerm.objects.create(edition=article().edition, slug="autonomy-x", name_en="human autonomy", position=99)
    item.refresh_from_db()
    assert 'data-term="autonomy-x"' in item.summary_html_en
    assert (item.version, item.language_changes) == (version, changes)


# --------------------------------------------------------------------------- the glossary page


def test_kazakh_letters_sort_next_to_their_base_letters():
    names = ["лақап", "құқық", "кесте", "өнім", "орган", "ұйым", "үкімет", "уақыт", "ірі", "ықпал", "әрекет", "ағым"]
    assert sorted(names, key=sort_key) == [
        "ағым",
        "әрекет",
        "кесте",
        "құқық",
        "лақап",
        "орган",
        "өнім",
        "уақыт",
        "ұйым",
        "үкімет",
        "ықпал",
        "ірі",
    ]
    assert sorted(["ёж", "ель", "жук"], key=sort_key) == ["ель", "ёж", "жук"]
    assert sorted(["Zebra", "apple", "Banana"], key=sort_key) == ["apple", "Banana", "Zebra"]


def test_glossary_page_is_alphabetical_with_the_other_languages_beside(client):
    GlossaryTerm.objects.filter(edition__slug="draft-2025", slug="user").update(
        name_kk="пайдаланушы", name_ru="пользователь"
    )
    page = soup(client.get("/en/ai-law/draft-2025/glossary/"))
    names = [visible_text(dt) for dt in page.select("dl.glossary > dt")]
    assert names == sorted(names, key=sort_key)
    others = page.find(id="user").find_next_sibling("dd").find(class_="term-other-names")
    by_lang = {span["lang"]: visible_text(span) for span in others.find_all("span", lang=True)}
    assert by_lang == {"kk": "Қазақша: пайдаланушы", "ru": "Русский: пользователь"}


def test_kazakh_glossary_page_sorts_by_the_kazakh_alphabet(client):
    page = soup(Client().get("/kk/ai-law/draft-2025/glossary/"))
    names = [visible_text(dt) for dt in page.select("dl.glossary > dt")]
    assert names and names == sorted(names, key=sort_key)


def test_terms_json_gives_plain_text_definitions_for_the_pop_up(client):
    term = GlossaryTerm.objects.get(edition__slug="draft-2025", slug="ai-system")
    term.definition_en = "A system that **learns**. <b>x</b>"
    term.save()
    response = client.get("/en/ai-law/draft-2025/glossary/terms.json")
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["terms"]["ai-system"] == {
        "name": "AI system",
        "definition": "A system that learns. <b>x</b>",  # text, set with textContent, never as HTML
        "url": DRAFT_EN + "#ai-system",
    }
    assert set(data["labels"]) == {"more", "close", "missing"}


def html_text(html):
    from bs4 import BeautifulSoup

    return visible_text(BeautifulSoup(html, "html.parser"))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_term_the_editions_define_differently_shows_the_laws_meaning_then_the_drafts(client, lang):
    law = GlossaryTerm.objects.get(edition__slug="law-230-viii", slug="ai-system")
    draft = GlossaryTerm.objects.get(edition__slug="draft-2025", slug="ai-system")
    page = soup(client.get(f"/{lang}/glossary/"))  # the law in force by default
    entry = page.find(id="ai-system").find_next_sibling("dd")
    assert visible_text(entry.find(class_="prose")) == html_text(getattr(law, f"definition_html_{lang}"))
    elsewhere = entry.find("details", class_="term-elsewhere")
    assert html_text(getattr(draft, f"definition_html_{lang}")) in visible_text(elsewhere)
    # A term both editions define alike shows no second definition.
    GlossaryTerm.objects.filter(pk=draft.pk).update(
        **{f"definition_html_{lang}": getattr(law, f"definition_html_{lang}")}
    )
    page = soup(client.get(f"/{lang}/glossary/"))
    assert page.find(id="ai-system").find_next_sibling("dd").find("details", class_="term-elsewhere") is None


@pytest.mark.django_db
def test_the_glossary_links_a_terms_article_only_when_visitors_can_open_it(admin_client):
    term = (
        GlossaryTerm.objects.filter(article__isnull=False, edition__slug="law-230-viii")
        .select_related("article")
        .first()
    )
    url = term.article.get_absolute_url().replace("/kk/", "/en/").replace("/ru/", "/en/")
    page = soup(Client().get("/en/glossary/"))
    assert page.find("a", href=url) is not None
    Article.objects.filter(pk=term.article_id).update(status="draft")
    page = soup(Client().get("/en/glossary/"))
    assert page.find("a", href=url) is None  # named, not linked: a visitor would get a 404
    assert Client().get(url).status_code == 404
    staff_page = soup(admin_client.get("/en/glossary/"))
    assert staff_page.find("a", href=url) is not None
