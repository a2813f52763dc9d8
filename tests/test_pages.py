"""Every public page in every language: it answers, says which language it is in, and links across."""

import pytest
from django.test import Client

from law.models import Article, Edition, Paragraph

from .conftest import LANGS, soup, visible_text

pytestmark = pytest.mark.django_db

DRAFT = "/{lang}/ai-law/draft-2025/"


def article_url(lang, number):
    return f"/{lang}/ai-law/draft-2025/article-{number}/"


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("en-GB,en", "/en/"),
        ("kk", "/kk/"),
        ("kk-KZ,ru;q=0.8", "/kk/"),
        ("de", "/en/"),  # none of the site's languages: English
        ("de-DE,de;q=0.9,fr;q=0.8", "/en/"),
        ("uk,ru;q=0.8,en;q=0.5", "/ru/"),  # Russian before English in the browser's list
        ("fr,en;q=0.9,ru;q=0.8", "/en/"),
        ("", "/kk/"),  # no list at all: the state language
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_home_page_in_each_language(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.find("a", href=DRAFT.format(lang=lang))


def test_home_page_has_one_call_to_action_before_anything_else(client, lang):
    page = soup(client.get(f"/{lang}/"))
    main = page.find("main")
    buttons = main.select(".button")
    assert [a["href"] for a in buttons] == [f"/{lang}/check/"]  # one, and it is the question flow
    assert len(main.find_all("a", href=f"/{lang}/check/")) == 1  # not repeated in the text
    first = main.find("h1").find_next(["p", "div", "ul"])
    assert "home-cta" in first.get("class", []) or first.find_parent(class_="home-cta"), first
    # The law in force is named right after it.
    assert "230-VIII" in visible_text(main.find(class_="home-text").find("p"))


def test_table_of_contents_lists_all_28_articles(client, lang):
    page = soup(client.get(DRAFT.format(lang=lang)))
    links = {a["href"] for a in page.select(".toc-articles a")}
    assert links == {article_url(lang, n) for n in range(1, 29)}
    assert page.html["lang"] == lang


@pytest.mark.parametrize("edition, count", [("draft-2025", 28), ("law-230-viii", 31)])  # law-facts
def test_each_editions_contents_list_all_its_articles(client, lang, edition, count):
    page = soup(client.get(f"/{lang}/ai-law/{edition}/"))
    links = {a["href"] for a in page.select(".toc-articles a")}
    assert links == {f"/{lang}/ai-law/{edition}/article-{n}/" for n in range(1, count + 1)}


def test_every_article_page_in_every_language(client):
    for article in Article.objects.filter(edition__slug="draft-2025"):
        for lang in LANGS:
            response = client.get(article_url(lang, article.number))
            assert response.status_code == 200, (lang, article.number)
            page = soup(response)
            assert page.html["lang"] == lang
            assert page.find(id="official-text") is not None
            assert page.find(id="plain-language") is not None


def test_paragraph_anchors_are_on_the_official_paragraphs(client):
    for paragraph in Paragraph.objects.filter(article__edition__slug="draft-2025", article__number="18"):
        paragraph.official_text_en = f"The official words of paragraph {paragraph.label}."
        paragraph.save()
    page = soup(client.get(article_url("en", 18)))
    official = page.find(id="official-text")
    assert [p["id"] for p in official.select("[id^=p-]")] == ["p-1", "p-2", "p-3"]
    assert page.select("#plain-language a[href='#p-3']")  # rights and duties point to their paragraph


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_missing_official_text_is_one_line_with_the_way_to_it(client, lang):
    """No half-page empty column, no placeholder per paragraph, no links to paragraphs not shown.
    The law's text ships in Russian only: here it is taken away from one article."""
    Paragraph.objects.filter(article__edition__slug="law-230-viii", article__number="17").update(official_text_ru="")
    for slug, number in (("draft-2025", 18), ("law-230-viii", 17)):
        page = soup(client.get(f"/{lang}/ai-law/{slug}/article-{number}/"))
        line = page.find(class_="official-missing")
        assert line is not None and line.find("a", href=lambda h: h and h.startswith("https://adilet.zan.kz/"))
        assert page.find("section", id="official-text") is None
        assert page.select(".side-by-side--single #plain-language")
        assert not page.select(".paragraph-text.missing")
        assert not page.select("a[href^='#p-']")
        compare_text = page.find("input", attrs={"name": "text", "checked": True})
        assert compare_text["value"] == "explanation"  # compare opens on what there is
        printed = soup(client.get(f"/{lang}/ai-law/{slug}/article-{number}/print/?official=1"))
        assert printed.find("input", attrs={"name": "official"}) is None
        assert printed.find(id="official-text-heading") is None


def test_previous_and_next_article(client):
    page = soup(client.get(article_url("ru", 15)))
    assert page.find("a", rel="prev")["href"] == article_url("ru", 14)
    assert page.find("a", rel="next")["href"] == article_url("ru", 16)
    first = soup(client.get(article_url("ru", 1)))
    assert first.find("a", rel="prev") is None


def test_language_switcher_keeps_the_article_and_query(client, lang):
    page = soup(client.get(article_url(lang, 17) + "?x=1"))
    switcher = page.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert set(links) == set(LANGS)
    for code, link in links.items():
        assert link["href"] == article_url(code, 17) + "?x=1"
        assert link["lang"] == code
        assert ("aria-current" in link.attrs) == (code == lang)
    # The paragraph is kept by adding the #fragment when the link is followed (site.js).
    assert all(a.has_attr("data-keep-fragment") for a in links.values())
    names = {code: visible_text(a.find(class_="language-name")) for code, a in links.items()}
    assert names == {"kk": "Қазақша", "ru": "Русский", "en": "English"}
    # A phone's narrow header shows a short label instead, hidden from screen readers.
    shorts = {code: a.find(class_="language-short") for code, a in links.items()}
    assert {code: visible_text(tag) for code, tag in shorts.items()} == {"kk": "Қаз", "ru": "Рус", "en": "Eng"}
    assert all(tag["aria-hidden"] == "true" for tag in shorts.values())


def test_hreflang_alternates_on_every_page(client, lang):
    page = soup(client.get(article_url(lang, 3)))
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {code: f"http://testserver{article_url(code, 3)}" for code in LANGS}


def test_draft_banner_on_every_draft_page(client, lang):
    adilet = {"kk": "kaz", "ru": "rus", "en": "eng"}[lang]
    page = soup(client.get(DRAFT.format(lang=lang)))
    banner = page.find("aside", class_="edition-notice")
    assert banner is not None
    text = visible_text(banner)
    assert "230-VIII" in text
    assert "2025" in text and "2026" in text
    assert banner.find("a", href=f"https://adilet.zan.kz/{adilet}/docs/Z2500000230")
    # An article's banner is short, so that the explanation starts on a phone's first screen: it
    # names the law in force and leads to what changed; the official text's line leads to Adilet.
    for path in ("article-1/", "article-18/"):
        page = soup(client.get(DRAFT.format(lang=lang) + path))
        banner = page.find("aside", class_="edition-notice")
        assert "230-VIII" in visible_text(banner) and "2026" in visible_text(banner)
        assert banner.find("a", href=f"/{lang}/ai-law/draft-to-law/")
        assert len(visible_text(banner)) < 220, visible_text(banner)
        official_line = page.find(class_="official-missing")
        assert official_line.find("a", href=f"https://adilet.zan.kz/{adilet}/docs/Z2500000230")


def test_no_banner_on_the_law_in_force(client):
    page = soup(client.get("/en/ai-law/law-230-viii/"))
    assert page.find("aside", class_="edition-notice") is None
    assert page.find("a", href="https://adilet.zan.kz/eng/docs/Z2500000230")


def test_missing_explanation_offers_the_languages_that_have_it(client):
    article = Article.objects.get(edition__slug="draft-2025", number="12")
    article.summary_kk = ""
    article.for_you_kk = ""
    article.summary_ru = "Кратко: статья о Правительстве."
    article.save()
    page = soup(Client().get(article_url("kk", 12)))
    plain = page.find(id="plain-language")
    notice = plain.find(class_="missing-notice")
    assert notice is not None
    offered = {a["hreflang"]: a["href"] for a in notice.find_all("a")}
    assert offered.get("ru") == article_url("ru", 12)
    assert "kk" not in offered
    # Russian text is never shown in the Kazakh column in place of the missing Kazakh text.
    assert "Кратко: статья о Правительстве." not in visible_text(plain)


def test_official_text_is_shown_per_paragraph_when_loaded(client):
    article = Article.objects.get(edition__slug="draft-2025", number="3")
    paragraph = article.paragraphs.get(label="2")
    paragraph.official_text_ru = "Задачами настоящего Закона являются…"
    paragraph.save()
    ru = soup(client.get(article_url("ru", 3)))
    assert "Задачами настоящего Закона являются…" in visible_text(ru.find(id="p-2"))
    kk = soup(client.get(article_url("kk", 3)))
    assert "Задачами" not in visible_text(kk.find(id="official-text"))
    offered = kk.find(id="official-text").find("a", hreflang="ru")
    assert offered is not None


def test_unknown_article_and_edition_are_404_in_the_visitors_language(client, lang):
    for path in (f"/{lang}/ai-law/draft-2025/article-99/", f"/{lang}/ai-law/no-such-edition/", f"/{lang}/nothing/"):
        response = client.get(path)
        assert response.status_code == 404
        page = soup(response)
        assert page.html["lang"] == lang
        assert page.find("a", href=f"/{lang}/")


def test_server_error_page_in_the_visitors_language(rf):
    from lawsite.views import server_error

    for lang in LANGS:
        response = server_error(rf.get(f"/{lang}/ai-law/draft-2025/"))
        assert response.status_code == 500
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        assert "Traceback" not in html


def test_committee_and_glossary_pages(client, lang):
    for path in ("committee/", "glossary/"):
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200
        assert soup(response).html["lang"] == lang


def test_editions_record_status_dates_and_official_links():
    law = Edition.objects.get(slug="law-230-viii")
    assert law.legal_status == "in_force"
    assert str(law.signed_on) == "2025-11-17" and str(law.in_force_from) == "2026-01-18"
    assert law.official_url_kk.endswith("/kaz/docs/Z2500000230")
    assert law.official_url_ru.endswith("/rus/docs/Z2500000230")
    assert law.official_url_en.endswith("/eng/docs/Z2500000230")
    assert Edition.objects.get(slug="draft-2025").legal_status == "superseded"


def test_how_we_know_this_on_articles_of_the_law_in_force(client):
    article = Article.objects.get(edition__slug="law-230-viii", number="17")
    Article.objects.filter(pk=article.pk).update(last_checked=None)  # as before an editor checked it
    page = visible_text(soup(client.get("/en/ai-law/law-230-viii/article-17/")).find(class_="source-line"))
    assert "as signed on 17 November 2025" in page and "amendments may not be reflected" in page
    assert "has not yet checked this explanation against the official text" in page
    Article.objects.filter(pk=article.pk).update(last_checked="2026-11-20")
    page = visible_text(soup(client.get("/en/ai-law/law-230-viii/article-17/")).find(class_="source-line"))
    assert "last checked on 20 November 2026" in page and "not yet checked" not in page


def test_the_liability_page_shows_the_fines_table_in_every_language(client, lang):
    page = soup(client.get(f"/{lang}/liability/"))
    assert page.html["lang"] == lang
    table = page.find("main").find("table")
    assert table is not None
    cells = visible_text(table)
    for fine in ("15", "30", "20", "50", "70", "100", "200"):
        assert fine in cells.split() or fine in cells
    assert "641-1" in visible_text(page.find("main"))
    assert page.find("a", href=f"/{lang}/ai-law/law-230-viii/article-30/")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_glossary_has_a_to_z_links_to_its_terms(client, lang):
    page = soup(client.get(f"/{lang}/glossary/"))
    links = page.find("nav", class_="glossary-letters").find_all("a")
    letters = [visible_text(a) for a in links]
    assert len(letters) > 3 and len(set(letters)) == len(letters)
    names = [visible_text(dt) for dt in page.select("dl.glossary dt")]
    assert letters == list(dict.fromkeys(name[0].upper() for name in names))  # in the terms' own order
    for link in links:
        target = page.find(id=link["href"][1:])
        assert target is not None and target.name == "dt"
        assert visible_text(target)[0].upper() == visible_text(link)
    assert all(name[0] == name[0].upper() for name in names)  # every term starts with a capital


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_the_official_text_in_another_language_is_offered_with_adilets(client, lang):
    """The law's Russian text ships with the site; the Kazakh and English pages say theirs is not here
    yet, link to Adilet, and offer the Russian."""
    page = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-17/"))
    line = page.find(class_="official-missing")
    assert line.find("a", href="https://adilet.zan.kz/" + {"kk": "kaz", "en": "eng"}[lang] + "/docs/Z2500000230")
    assert line.find("a", href="/ru/ai-law/law-230-viii/article-17/")
    said = visible_text(line)
    assert {"kk": "бұл тілде", "en": "in this language"}[lang] in said
    russian = soup(client.get("/ru/ai-law/law-230-viii/article-17/"))
    assert russian.find(class_="official-missing") is None
    assert russian.select_one("#official-text #p-1-after .paragraph-text")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_where_no_language_has_the_official_text_the_line_does_not_say_in_this_language(client, lang):
    Paragraph.objects.filter(article__edition__slug="law-230-viii", article__number="17").update(official_text_ru="")
    said = visible_text(soup(client.get(f"/{lang}/ai-law/law-230-viii/article-17/")).find(class_="official-missing"))
    assert {"kk": "бұл тілде", "ru": "на этом языке", "en": "in this language"}[lang] not in said


def test_the_official_russian_title_shows_on_every_language_marked_as_russian(client):
    title = Article.objects.get(edition__slug="law-230-viii", number="21").official_title_ru
    assert title
    russian = soup(client.get("/ru/ai-law/law-230-viii/article-21/")).find(class_="official-title")
    assert title in visible_text(russian) and russian.find(attrs={"lang": "ru"}) is None
    for lang in ("kk", "en"):
        line = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-21/")).find(class_="official-title")
        shown = line.find("span", attrs={"lang": "ru"})
        assert visible_text(shown) == title and "(Русский)" in visible_text(line)
    draft = soup(client.get("/en/ai-law/draft-2025/article-18/"))
    assert draft.find(class_="official-title") is None


@pytest.mark.parametrize(
    ("lang", "definitions", "ban"),
    [
        ("en", "Subparagraph 1", "Paragraph 3, subparagraph 1"),
        ("ru", "Подпункт 1", "Пункт 3, подпункт 1"),
        ("kk", "1) тармақша", "3-тармақ, 1) тармақша"),
    ],
)
def test_notes_name_their_paragraph_as_the_law_numbers_it(client, lang, definitions, ban):
    """Article 1's definitions are subparagraphs 1) to 15) of an unnumbered opening: never "paragraph 0-1"."""
    first = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-1/"))
    headings = [visible_text(h) for h in first.select(".paragraph-note h4")]
    assert headings[0] == definitions and not any("0-" in h for h in headings)
    links = [visible_text(a) for a in first.select("a.note-link")]  # beside the official text: Russian
    assert not any("0-" in text for text in links) and (links or lang != "ru")
    seventeen = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-17/"))
    assert ban in [visible_text(h) for h in seventeen.select(".paragraph-note h4")]


def test_a_russian_date_ends_a_sentence_with_one_full_stop(client):
    printed = visible_text(soup(client.get("/ru/ai-law/law-230-viii/article-21/print/?official=1")).find("main"))
    assert "по состоянию на 17 ноября 2025 года." in printed and ".." not in printed
