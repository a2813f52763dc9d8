"""Search engines and other sites: sitemap.xml with hreflang alternates, robots.txt, canonical
links, and Open Graph and Twitter tags with each page's own description (#21 item 4)."""

import xml.etree.ElementTree as ET

import pytest

from law.models import Article, Status
from tests.conftest import LANGS, soup

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return urls


def test_the_sitemap_lists_every_public_page_in_three_languages_with_alternates(client):
    urls = sitemap_urls(client)
    published = Article.objects.filter(status=Status.PUBLISHED).select_related("edition")
    assert published.count() >= 59  # both editions
    expected = {f"/{lang}/" for lang in LANGS}
    expected |= {f"/{lang}/ai-law/{a.edition.slug}/article-{a.number}/" for a in published for lang in LANGS}
    expected |= {f"/{lang}/{path}" for lang in LANGS for path in ("glossary/", "check/", "committee/", "liability/")}
    expected |= {f"/{lang}/ai-law/{slug}/" for lang in LANGS for slug in ("law-230-viii", "draft-2025")}
    expected |= {f"/{lang}/ai-law/draft-2025/check/" for lang in LANGS}
    paths = {loc.removeprefix("http://testserver") for loc in urls}
    assert expected <= paths, sorted(expected - paths)[:10]
    for loc, alternates in urls.items():
        path = loc.removeprefix("http://testserver")
        assert set(alternates) == {"kk", "ru", "en", "x-default"}, loc
        lang = path.split("/")[1]
        assert alternates[lang] == loc  # each language's own address is among its alternates
        for code in LANGS:
            assert alternates[code] == "http://testserver/" + code + path[3:], (loc, code)
    # Only pages the public can open: every listed address answers 200.
    for loc in urls:
        assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc


def test_an_unpublished_article_is_left_out_of_the_sitemap(client):
    article = Article.objects.get(edition__slug="law-230-viii", number="18")
    article.status = Status.DRAFT
    article.save()
    paths = {loc.removeprefix("http://testserver") for loc in sitemap_urls(client)}
    assert not any(p.endswith("/law-230-viii/article-18/") for p in paths)


def test_robots_txt_names_the_sitemap_and_keeps_query_pages_out(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for lang in LANGS:
        assert f"Disallow: /{lang}/search/" in text and f"Disallow: /{lang}/check/result/" in text


@pytest.mark.parametrize("path", ["", "ai-law/law-230-viii/", "ai-law/law-230-viii/article-16/", "glossary/", "check/"])
def test_pages_have_a_canonical_link_and_their_own_social_description(client, lang, path):
    page = soup(client.get(f"/{lang}/{path}"))
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver/{lang}/{path}"
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.find_all("meta") if m.get("content")}
    assert meta["og:url"] == canonical
    assert meta["og:title"] == meta["twitter:title"] and meta["og:title"] in page.title.text
    assert meta["og:description"] == meta["description"] == meta["twitter:description"]
    assert meta["og:locale"].startswith(lang + "_")
    assert "&amp;" not in meta["og:title"] and "&quot;" not in meta["og:description"]


def test_an_article_describes_itself_with_its_own_summary(client, lang):
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    descriptions = set()
    for number in ("16", "17"):
        page = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-{number}/"))
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert len(description) <= 200
        descriptions.add(description)
        assert page.find("meta", property="og:type")["content"] == "article"
    assert len(descriptions) == 2  # each article its own
    summary_start = " ".join(getattr(article, f"summary_{lang}").split()[:3]).strip("*[")
    assert summary_start[:10] in " ".join(descriptions)


def test_the_about_page_says_who_how_and_under_which_licences(client, lang, settings):
    page = soup(client.get(f"/{lang}/about/"))
    text = " ".join(page.find("main").get_text(" ").split())
    assert "CC BY 4.0" in text and "MIT" in text
    assert page.find("a", href="https://adilet.zan.kz/")
    assert page.find("h2", id="contact-heading")
    assert not page.find("a", href=lambda h: h and h.startswith("mailto:"))  # none set: nothing made up
    # The lab's name and address come from settings, not from the code.
    settings.SITE_PUBLISHER = "Test Law Lab"
    settings.SITE_CONTACT_EMAIL = "lab@example.org"
    page = soup(client.get(f"/{lang}/about/"))
    contact = page.find("section", class_="contact")
    assert "Test Law Lab" in contact.get_text() and contact.find("a", href="mailto:lab@example.org")
    # Every page leads to it from the footer.
    footer = soup(client.get(f"/{lang}/glossary/")).find("footer", class_="site-footer")
    assert footer.find("a", href=f"/{lang}/about/")


def test_titles_and_descriptions_are_escaped_once_and_cannot_leave_their_attribute(client):
    from checker.models import FlowText

    start = FlowText.objects.get(edition__slug="law-230-viii", key="start.body")
    start.text_en = 'A "provider" is AT&T <b>here</b>. " onfocus="alert(1)" autofocus x="'
    start.save()
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    article.summary_en = "Rights of AT&T users <b>bold</b> and “quotes”."
    article.save()
    for path in ("/en/check/", "/en/ai-law/law-230-viii/article-16/"):
        body = client.get(path).content.decode()
        head = body[: body.index("</head>")]
        assert "onfocus" not in soup(client.get(path)).find("meta", attrs={"name": "description"}).attrs
        assert "&amp;amp;" not in head and "&amp;lt;" not in head
        description = soup(client.get(path)).find("meta", attrs={"name": "description"})["content"]
        assert "AT&T" in description
        assert "<b>" not in head  # as text it is escaped; as markup it never reaches the head
    assert 'content="A &quot;provider&quot; is AT&amp;T &lt;b&gt;here' in client.get("/en/check/").content.decode()


def test_a_result_is_its_own_canonical_page(client):
    query = "uses_system=yes&decided_about=no&runs_system=no&builds=no&holds_data=no&made_data=no"
    page = soup(client.get(f"/en/check/result/?{query}"))
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver/en/check/result/?{query}"
    assert page.find("meta", property="og:url")["content"] == canonical
    assert client.get(canonical.removeprefix("http://testserver")).status_code == 200
