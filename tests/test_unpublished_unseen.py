"""Unpublished means unseen (#35 item 5): no title or text of an unpublished article appears on any
public page, in any language: contents, article pages and their neighbours, print, side by side,
"what became of this article", draft to law, search, the change log and its feed, the question
flows' results, the glossary, open data, the sitemap; nor does a published article's next version.

Each hidden article gets a marker word of its own in every title and text, in kk, ru and en, while
it is published (so that the search index and the change log hold it), and is then taken off the
site. The public site is then walked from its start pages, following its links, and no answer may
hold a marker.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree as ET

import pytest
import reversion
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import translation

from concordance.models import Correspondence
from law.models import Article, Edition, Status
from review import actions
from review.models import Draft
from search.index import rebuild
from search.models import SearchEntry

from .admin_forms import form_fields, signed_in
from .conftest import LANGS, soup, visible_text

pytestmark = pytest.mark.django_db

MARKER = "qzunseen"  # every marker starts with it: a search for it finds them all
# (edition, number, status, marker): a law article a draft article became, one withdrawn, and a
# draft article whose "what became of it" the law's article shows.
HIDDEN = [
    ("law-230-viii", "17", Status.DRAFT, "qzunseenalpha"),
    ("law-230-viii", "27", Status.WITHDRAWN, "qzunseenbeta"),
    ("draft-2025", "20", Status.DRAFT, "qzunseengamma"),
]
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MAX_PAGES = 3000


def mark(article: Article, marker: str) -> None:
    """The marker in every title and text of the article and its parts, in each language, saved as
    an editor's change of a published article (a revision: the change log lists it)."""
    with reversion.create_revision():
        for lang in LANGS:
            setattr(article, f"plain_title_{lang}", f"{marker} plain title {lang}")
            setattr(article, f"official_title_{lang}", f"{marker} official title {lang}")
            setattr(article, f"summary_{lang}", f"The {marker} summary in {lang}.")
            setattr(article, f"for_you_{lang}", f"What {marker} means for you in {lang}.")
        article.save()
        for paragraph in article.paragraphs.all():
            for lang in LANGS:
                setattr(paragraph, f"official_text_{lang}", f"The {marker} official text {paragraph.label}.")
                setattr(paragraph, f"note_{lang}", f"A {marker} note on paragraph {paragraph.label}.")
            paragraph.save()
        for item in article.rights_and_duties.all():
            for lang in LANGS:
                setattr(item, f"text_{lang}", f"A {marker} right or duty {item.key}.")
            item.save()


def hide(articles: list[tuple[Article, str]]) -> None:
    for article, status in articles:
        with reversion.create_revision():
            article.status = status
            article.save()


def public_links(response) -> list[str]:
    """The site's own addresses a page links to (without #fragments), and a sitemap's."""
    kind = response.get("Content-Type", "")
    body = response.content.decode("utf-8")
    if "xml" in kind and "<urlset" in body:
        return [
            urlsplit(loc.text)._replace(scheme="", netloc="").geturl()
            for loc in ET.fromstring(body).iter(f"{{{SITEMAP['s']}}}loc")
        ]
    if "html" not in kind:
        return []
    found = []
    for a in BeautifulSoup(body, "html.parser").find_all(["a", "link"], href=True):
        href = a["href"].split("#", 1)[0]
        parts = urlsplit(href)
        if parts.netloc and parts.netloc != "testserver":
            continue
        path = parts.path
        if path.split("/")[1:2] in ([code] for code in LANGS) or path.startswith("/data/"):
            found.append(path + (f"?{parts.query}" if parts.query else ""))
    return found


def worth_following(url: str) -> bool:
    """Each page once, not each of its many queries: the question flow's steps and "change this
    answer" links are reached from the start pages below instead. An article's print and languages
    side by side show that article alone (the hidden ones' own are asked for): not each of them."""
    path, _sep, query = url.partition("?")
    if "/check/" in path and "/result/" not in path:
        return False  # the questions (their words are the flow's, not an article's)
    if "/article-" in path and path.endswith(("/print/", "/compare/")) and not query.startswith("editions="):
        return False
    return not query or query.startswith(("by=", "editions=", "q="))


def answer_all_not_sure(client, start: str) -> str:
    """The result page's address after answering every question "not sure" (or its first answer)."""
    response = client.get(start)
    response = client.get(soup(response).find("a", class_="button--start")["href"])
    for _ in range(60):
        form = soup(response).find("form", class_="question-form")
        if form is None:
            break
        fields = [(i["name"], i["value"]) for i in form.find_all("input", type="hidden")]
        name = form.find("input", attrs={"name": "step"})["value"]
        choices = [i["value"] for i in form.find_all("input", attrs={"name": name})]
        fields.append((name, "not_sure" if "not_sure" in choices else choices[0]))
        response = client.get(client.get(f"{form['action']}?{urlencode(fields)}")["Location"])
    assert response.status_code == 200
    return f"{response.request['PATH_INFO']}?{response.request['QUERY_STRING']}"


def start_pages(client, hidden: list[Article]) -> list[str]:
    pages = ["/sitemap.xml", "/robots.txt", "/data/v1/editions/"]
    editions = list(Edition.objects.values_list("slug", flat=True))
    for slug in editions:
        pages += [f"/data/v1/editions/{slug}.json", f"/data/v1/editions/{slug}/flow.json"]
    for lang in LANGS:
        pages += [f"/{lang}/", f"/{lang}/glossary/terms.json", f"/{lang}/changes/", f"/{lang}/changes/feed.atom"]
        pages.append(f"/{lang}/search/?{urlencode({'q': MARKER})}")  # the page says back only the prefix
        pages += [f"/{lang}/ai-law/draft-to-law/?by={slug}" for slug in editions]
        for slug in editions:
            base = f"/{lang}/ai-law/{slug}/"
            pages += [base, f"{base}print/", f"{base}glossary/", f"{base}glossary/terms.json"]
            pages.append(f"{base}official-changes/")
        for article in hidden:
            pages.append(f"/{lang}/search/?{urlencode({'q': f'article {article.number}'})}")
        for start in (f"/{lang}/check/", f"/{lang}/ai-law/draft-2025/check/"):
            result = answer_all_not_sure(client, start)
            pages += [result, result.replace("/result/?", "/result/print/?")]
    return pages


def walk(client, pages: list[str]) -> dict[str, object]:
    """Every public page reachable from `pages` through the site's links: {address: response}."""
    seen: dict[str, object] = {}
    queue = list(dict.fromkeys(pages))
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        assert len(seen) < MAX_PAGES, "the walk does not end"
        response = client.get(url)
        seen[url] = response
        if response.status_code == 200:
            queue += [link for link in public_links(response) if link not in seen and worth_following(link)]
    return seen


def leaks(responses: dict[str, object], marker: str) -> list[str]:
    return [url for url, response in responses.items() if marker in response.content.decode("utf-8").casefold()]


def own_pages(article: Article, lang: str) -> list[str]:
    with translation.override(lang):
        url = article.get_absolute_url()
    return [url, f"{url}print/", f"{url}compare/", f"{url}compare/?editions=draft-2025,law-230-viii"]


def test_an_unpublished_article_appears_on_no_public_page():
    hidden = []
    for slug, number, status, marker in HIDDEN:
        article = Article.objects.get(edition__slug=slug, number=number)
        mark(article, marker)
        hidden.append((article, status))
    client = Client()
    # While published, the markers are on its page, in the change log's feed and found by search:
    # the probe works.
    feed = client.get("/en/changes/feed.atom").content.decode()
    found = client.get("/en/search/", {"q": MARKER}).content.decode()
    for (article, _status), (*_x, marker) in zip(hidden, HIDDEN, strict=True):
        with translation.override("en"):
            url = article.get_absolute_url()
        assert marker in client.get(url).content.decode() and marker in feed
        assert f'href="{url}' in found and marker in found
    hide(hidden)
    articles = [article for article, _status in hidden]

    hidden_pages = [url for article in articles for lang in LANGS for url in own_pages(article, lang)]
    responses = walk(client, start_pages(client, articles) + hidden_pages)

    assert len(responses) > 300  # both editions' articles, in three languages, and more
    assert {responses[url].status_code for url in hidden_pages} == {404}
    leaked = [f"{marker} on {url}" for *_x, marker in HIDDEN for url in leaks(responses, marker)]
    assert not leaked, "\n".join(leaked)
    # Where a published article's counterpart is hidden, the page says so instead of its title.
    source = Article.objects.get(edition__slug="draft-2025", number="18")  # became the law's article 17
    for lang in LANGS:
        with translation.override(lang):
            said = translation.gettext("not available on this site")
            box = soup(client.get(source.get_absolute_url())).find("section", class_="what-changed")
            table = soup(client.get(reverse("draft_to_law"))).find("table", class_="concordance-table")
            side_by_side = soup(client.get(f"{source.get_absolute_url()}compare/?editions=draft-2025,law-230-viii"))
        assert said in visible_text(box)
        assert said in visible_text(side_by_side.find("table", class_="compare-table").find("thead"))
        # The law's 17 (from draft 18), its 27 twice (from draft 17 and 21), the draft's 20 (became 25).
        assert len(re.findall(re.escape(said), visible_text(table))) == 4
    # The search index holds nothing of them, kept in step or rebuilt.
    assert not SearchEntry.objects.filter(text__icontains=MARKER).exists()
    assert not SearchEntry.objects.filter(article__in=articles).exists()
    rebuild()
    assert not SearchEntry.objects.filter(text__icontains=MARKER).exists()


# --------------------------------------------------------------------------- the search index


def index_rows(article: Article) -> list[tuple]:
    fields = [f.attname for f in SearchEntry._meta.concrete_fields if f.name != "id"]
    return sorted(SearchEntry.objects.filter(article=article).values_list(*fields))


def test_an_article_taken_off_the_site_leaves_the_index_and_comes_back_when_published(editor, colleague):
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    published = index_rows(article)
    kinds = {row[1] for row in published}
    assert {"title", "summary", "note", "right", "official"} <= kinds, kinds
    assert actions.take_off_site(article, editor) == actions.ASKED  # a second editor confirms
    assert index_rows(article) == published
    assert actions.take_off_site(article, colleague) == actions.TAKEN_OFF
    assert index_rows(article) == []
    # Work on it while it is off the site is not indexed either, saved or rebuilt.
    mark(article, "qzunseendelta")
    assert index_rows(article) == []
    rebuild()
    assert index_rows(article) == [] and not SearchEntry.objects.filter(text__icontains=MARKER).exists()
    # Published again: it and its parts are back, as a rebuild makes them.
    actions.set_status(article, Status.PUBLISHED)
    kept_in_step = index_rows(article)
    assert {row[1] for row in kept_in_step} == kinds
    assert SearchEntry.objects.filter(article=article, text__icontains="qzunseendelta").count() > len(LANGS) * 4
    rebuild()
    assert index_rows(article) == kept_in_step


# --------------------------------------------------------------------------- a next version


TEXT_FIELD = re.compile(r"^(?:(?:paragraphs|rights_and_duties)-\d+-)?([a-z_]+)_(?:kk|ru|en)$")
TEXTS = {"plain_title", "summary", "for_you", "note", "text"}  # the official text is not in the form


def test_a_published_articles_next_version_appears_on_no_public_page(editor):
    """An editor's change of a published article waits for review as its next version (review.models
    .Draft): visitors keep reading the published one, everywhere."""
    marker = "qzunseennext"
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    client = signed_in(editor)
    change = f"/admin/law/article/{article.pk}/change/"
    data = form_fields(client.get(change), "article_form")
    changed = 0
    for name, value in list(data.items()):
        found = TEXT_FIELD.match(name)
        if found and found.group(1) in TEXTS:
            data[name] = f"{marker} {value}"
            changed += 1
    # the explanations of the article, its 11 paragraphs and its 8 rights and duties, in three languages
    # (the official text is read-only: only its importer writes it)
    assert changed > 60
    assert client.post(change, data).status_code == 302
    assert marker in json.dumps(Draft.of(article).data)

    visitor = Client()
    pages = start_pages(visitor, [])
    for lang in LANGS:
        for other in [article, *counterparts(article)]:
            pages += own_pages(other, lang)
    responses = {url: visitor.get(url) for url in dict.fromkeys(pages)}
    assert {responses[url].status_code for lang in LANGS for url in own_pages(article, lang)} == {200}
    assert leaks(responses, marker) == []
    assert not SearchEntry.objects.filter(text__icontains=marker).exists()


def counterparts(article: Article) -> list[Article]:
    rows = Correspondence.objects.of_article(article).prefetch_related("earlier_articles", "later_articles")
    return [a for row in rows for a in (*row.earlier_articles.all(), *row.later_articles.all()) if a.pk != article.pk]
