"""What public pages are made from, kept per content version (law/memo.py, issue #41).

An article page's parts are rendered once per content version and language: a page then makes no
query and builds no record. Without the memo (the first view after a change) it makes a small,
constant number of queries, whatever the article's length. A change the public can see is on the
next page at once; an editor who is signed in never gets kept parts.
"""

import random

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from law import memo as content_memo
from law.models import Article, Edition, SiteState

from .counting import built_instances

pytestmark = pytest.mark.django_db

LONG = "/en/ai-law/law-230-viii/article-1/"  # fifteen subparagraphs, each with a note
SHORT = "/en/ai-law/law-230-viii/article-31/"
# Without the memo: the edition, the article, its paragraphs, its rights and duties, the previous
# and next articles, the official text's versions, the concordance with the articles it names.
COLD_QUERIES = 11


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries]


def test_a_kept_article_page_makes_no_query_and_builds_no_record(memo, monkeypatch):
    client = Client()
    first = client.get(LONG).content.decode()
    built = built_instances(monkeypatch)
    queries = queries_of(client, LONG)
    assert queries == []  # no edition, article, paragraph, text; not even the content version again
    assert built["n"] == 0
    assert client.get(LONG).content.decode() == first


def test_without_the_memo_an_article_page_makes_a_constant_number_of_queries(settings):
    settings.CONTENT_MEMO = False
    client = Client()
    client.get(SHORT)  # the session, translations and the like, once
    long_page, short_page = queries_of(client, LONG), queries_of(client, SHORT)
    assert len(long_page) == len(short_page) <= COLD_QUERIES, long_page
    # No whole-table load: every read of articles, paragraphs or rights is narrowed down.
    for sql in long_page:
        if sql.startswith("SELECT") and ' FROM "law_article"' in sql:
            assert "WHERE" in sql, sql


def test_a_change_the_public_sees_is_on_the_article_page_at_once(memo, django_capture_on_commit_callbacks):
    client = Client()
    assert "Reworded just now" not in client.get(SHORT).content.decode()
    article = Article.objects.get(edition__slug="law-230-viii", number=31)
    with django_capture_on_commit_callbacks(execute=True):  # the save's commit bumps the content version
        article.plain_title_en = "Reworded just now"
        article.save()
    assert "Reworded just now" in client.get(SHORT).content.decode()


def test_a_signed_in_editor_gets_the_page_made_afresh(memo, editor):
    from .admin_forms import signed_in as client_of

    visitor, signed_in = Client(), client_of(editor)
    visitor.get(SHORT)
    # A change written without a new content version (as no editor's save is): the kept parts of
    # the public page stay, the editor sees the database.
    Article.objects.filter(edition__slug="law-230-viii", number=31).update(plain_title_en="Seen by the editor")
    assert "Seen by the editor" not in visitor.get(SHORT).content.decode()
    assert "Seen by the editor" in signed_in.get(SHORT).content.decode()
    SiteState.objects.filter(pk=1).update(version=SiteState.current().version + 1)
    content_memo.forget()  # as another process would, a second later
    assert "Seen by the editor" in visitor.get(SHORT).content.decode()


def test_each_language_has_its_own_parts(memo):
    client = Client()
    english = client.get(SHORT).content.decode()
    kazakh = client.get(SHORT.replace("/en/", "/kk/")).content.decode()
    assert "Article 31" in english and "Article 31" not in kazakh
    assert "31-бап" in kazakh


def test_the_kept_menu_marks_the_section_of_each_page(memo):
    client = Client()
    check = client.get("/en/check/").content.decode()
    glossary = client.get("/en/glossary/").content.decode()
    assert '<a href="/en/check/" aria-current="true">' in check
    assert '<a href="/en/check/">' in glossary
    assert '<a href="/en/glossary/" aria-current="true">' in glossary


def test_a_missing_article_is_a_404_and_is_not_kept(memo):
    client = Client()
    assert client.get("/en/ai-law/law-230-viii/article-99/").status_code == 404
    assert not any(key[0] == "article-page" for key in content_memo.kept_keys())


def test_without_a_content_version_pages_are_made_afresh(memo, monkeypatch):
    def unreachable(cls):
        raise DatabaseError("the version cannot be read")

    made = []
    monkeypatch.setattr(SiteState, "current", classmethod(unreachable))
    for _ in range(2):
        content_memo.remembered("anything", lambda: made.append(1))
    assert len(made) == 2
    main = Edition.objects.in_force().first()
    assert content_memo.main_edition() == main


def test_each_region_is_bounded_and_answers_never_push_out_content(memo, monkeypatch):
    monkeypatch.setattr(content_memo, "LIMITS", {"content": 3, "answers": 3})
    for n in range(3):
        content_memo.remembered(("article", n), lambda n=n: n)
    content_memo.remembered(("article", 0), lambda: "made again")  # used again: the most recent now
    for n in range(50):  # a visitor trying answer after answer
        content_memo.remembered(("answer", n), lambda n=n: n, region="answers")
    content_memo.remembered(("article", 3), lambda: 3)
    kept = content_memo.kept_keys()
    assert [key for key in kept if key[0] == "answer"] == [("answer", 47), ("answer", 48), ("answer", 49)]
    # The least recently used article went; the one used again stayed, with its first value.
    assert [key for key in kept if key[0] == "article"] == [("article", 2), ("article", 0), ("article", 3)]
    assert content_memo.remembered(("article", 0), lambda: "made again") == 0


def test_a_new_day_starts_afresh(memo, monkeypatch):
    import datetime

    from django.utils import timezone

    made = []
    content_memo.remembered("today's", lambda: made.append(1))
    content_memo.remembered("today's", lambda: made.append(1))
    assert len(made) == 1
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(content_memo.timezone, "localdate", lambda: tomorrow)
    content_memo._memo["read_at"] -= 2 * content_memo.VERSION_TTL_SECONDS  # time to read the version again
    content_memo.remembered("today's", lambda: made.append(1))
    assert len(made) == 2


def answer_sets(count: int, seed: int = 41) -> list[str]:
    """Results of the law in force's flow for `count` sets of answers, each answer picked at random."""
    from urllib.parse import urlencode

    from checker.models import FlowDeclaration

    flow = FlowDeclaration.objects.get(edition=Edition.objects.main()).flow()
    rng, found = random.Random(seed), []
    while len(found) < count:
        values = {}
        while (question := flow.next_question(values)) is not None:
            values[question.name] = rng.choice(list(question.values))
        url = f"/{rng.choice(('kk', 'ru', 'en'))}/check/result/?{urlencode(values)}"
        if url not in found:
            found.append(url)
    return found


def test_kept_parts_make_the_same_pages_as_rendering_afresh(memo, settings):
    """Every part is kept under a key naming all it shows: pages made of kept parts, shared between
    many results and articles, are the pages made afresh, byte for byte."""
    urls = [*answer_sets(24), LONG, SHORT, SHORT.replace("/en/", "/kk/"), "/ru/ai-law/draft-2025/article-3/", "/en/"]
    settings.CONTENT_MEMO = False
    fresh = {url: Client().get(url).content.decode() for url in urls}
    settings.CONTENT_MEMO = True
    client = Client()
    for url in urls:
        client.get(url)  # every part kept, from whichever page made it first
    for url in reversed(urls):
        assert client.get(url).content.decode() == fresh[url], url
    kinds = {key[0] for key in content_memo.kept_keys()}
    assert {"article-page", "flow-part", "kept", "main-edition"} <= kinds
