"""Open data at /data/v1/: documents that match their schemas, hold what the pages show (published
articles only, a missing translation as null), and answer any origin in JSON, errors included."""

import json

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from checker.models import FlowDeclaration
from concordance.models import Correspondence
from editorial.languages import text_in
from law.models import Article, Paragraph, RightOrDuty, Status

from .conftest import LANGS, ROOT, soup, visible_text

pytestmark = pytest.mark.django_db

EDITIONS = ["law-230-viii", "draft-2025"]
SCHEMAS = ROOT / "opendata" / "schemas"
QUERIES = 14  # an edition's document, whatever its size


def get_json(client, url, **extra):
    response = client.get(url, **extra)
    assert response["Content-Type"] == "application/json; charset=utf-8", url
    return response, json.loads(response.content.decode("utf-8"))


def validate(document, name):
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, errors[:5]


def edition_json(client, slug):
    response, data = get_json(client, f"/data/v1/editions/{slug}.json")
    assert response.status_code == 200
    return data


# --------------------------------------------------------------------------- schemas


@pytest.mark.parametrize("name", ["editions", "edition", "flow"])
def test_the_schemas_are_valid_and_served_as_stored(client, name):
    stored = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(stored)
    assert stored["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    response, served = get_json(client, f"/data/v1/schema/{name}.json")
    assert response.status_code == 200
    assert served == stored


def test_the_list_of_editions_matches_its_schema(client):
    response, data = get_json(client, "/data/v1/editions/")
    validate(data, "editions")
    editions = {e["slug"]: e for e in data["editions"]}
    assert set(editions) == set(EDITIONS)
    law = editions["law-230-viii"]
    assert law["main"] and law["legal_status"] == "in_force" and law["number"] == "230-VIII"
    assert law["signed_on"] == "2025-11-17" and law["in_force_from"] == "2026-01-18"
    assert law["official_url"]["ru"] == "https://adilet.zan.kz/rus/docs/Z2500000230"
    assert editions["draft-2025"]["superseded_by"] == "law-230-viii"
    for edition in data["editions"]:
        assert edition["data_url"].endswith(f"/data/v1/editions/{edition['slug']}.json")
        assert client.get(edition["data_url"]).status_code == 200
        assert client.get(edition["flow_url"]).status_code == 200


@pytest.mark.parametrize("slug", EDITIONS)
def test_each_edition_and_its_flow_match_their_schemas(client, slug):
    data = edition_json(client, slug)
    validate(data, "edition")
    assert data["schema_version"] == "1.2"
    assert data["schema"].endswith("/data/v1/schema/edition.json")
    assert data["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert "not under this site's licence" in data["official_text_note"]
    assert data["edition"]["slug"] == slug
    response, flow = get_json(client, f"/data/v1/editions/{slug}/flow.json")
    assert response.status_code == 200
    validate(flow, "flow")
    declared = FlowDeclaration.objects.get(edition__slug=slug).flow()
    assert [q["name"] for q in flow["questions"]] == [q.name for q in declared.questions]
    assert flow["content_version"] == data["content_version"]


# --------------------------------------------------------------------------- the same facts as the pages


@pytest.mark.parametrize("slug, numbers", [("law-230-viii", ["1", "17", "18"]), ("draft-2025", ["12", "18"])])
def test_titles_and_summaries_are_what_the_article_pages_show(client, slug, numbers):
    articles = {a["number"]: a for a in edition_json(client, slug)["articles"]}
    for number in numbers:
        article = Article.objects.get(edition__slug=slug, number=number)
        entry = articles[number]
        for lang in LANGS:
            title = text_in(article, "plain_title", lang)
            assert entry["plain_title"][lang] == title
            assert entry["summary"][lang] == text_in(article, "summary", lang)
            assert entry["url"][lang].endswith(f"/{lang}/ai-law/{slug}/article-{number}/")
            page = soup(client.get(entry["url"][lang]))
            assert title in visible_text(page.find("h1"))
            shown = page.find(id="plain-language").find(class_="prose")
            assert visible_text(shown) == visible_text(
                BeautifulSoup(text_in(article, "summary_html", lang), "html.parser")
            )


@pytest.mark.parametrize("slug", EDITIONS)
def test_as_many_articles_as_the_table_of_contents(client, slug):
    toc = soup(client.get(f"/en/ai-law/{slug}/")).select(".toc-articles a")
    articles = edition_json(client, slug)["articles"]
    assert len(articles) == len(toc) == Article.objects.published().filter(edition__slug=slug).count()
    assert [a["number"] for a in articles] == [a["href"].split("article-")[1].rstrip("/") for a in toc]


def test_an_unpublished_article_is_left_out_everywhere(client):
    hidden = Article.objects.get(edition__slug="law-230-viii", number="17")
    Article.objects.filter(pk=hidden.pk).update(status=Status.DRAFT)
    data = edition_json(client, "law-230-viii")
    assert "17" not in [a["number"] for a in data["articles"]]
    toc = soup(client.get("/en/ai-law/law-230-viii/")).select(".toc-articles a")
    assert len(data["articles"]) == len(toc) == 30
    # Nor does its paragraphs' text, a term's reference to it or a concordance row naming it.
    assert hidden.plain_title_en not in json.dumps(data, ensure_ascii=False)
    assert all(term["article"] != "17" for term in data["glossary"])
    assert all("17" not in row["later_articles"] for row in data["concordance"])
    rows_naming_it = Correspondence.objects.filter(later_articles=hidden).count()
    assert rows_naming_it and len(data["concordance"]) == Correspondence.objects.count() - rows_naming_it
    # The draft's document leaves out the same rows.
    draft = edition_json(client, "draft-2025")
    assert len(draft["concordance"]) == len(data["concordance"])


def test_a_missing_translation_is_null_never_another_language(client):
    article = Article.objects.get(edition__slug="law-230-viii", number="18")
    article.summary_kk = ""
    article.save()
    entry = next(a for a in edition_json(client, "law-230-viii")["articles"] if a["number"] == "18")
    assert entry["summary"]["kk"] is None
    assert entry["summary"]["ru"] == article.summary_ru and entry["summary"]["en"] == article.summary_en
    assert entry["plain_title"]["kk"] == article.plain_title_kk


def test_text_is_utf8_not_escaped(client):
    response = client.get("/data/v1/editions/law-230-viii.json")
    body = response.content.decode("utf-8")
    assert "Жасанды интеллект" in body or "жасанды интеллект" in body
    assert "\\u04" not in body


def test_rights_and_duties_keep_their_paragraph_and_condition(client):
    articles = edition_json(client, "law-230-viii")["articles"]
    records = {r["key"]: r for a in articles for r in a["rights_and_duties"]}
    for item in Article.objects.get(edition__slug="law-230-viii", number="18").rights_and_duties.all():
        record = records[item.key]
        assert (record["role"], record["kind"], record["applies_if"]) == (item.role, item.kind, item.applies_if or None)
        assert record["paragraph"] == (item.paragraph.label if item.paragraph else None)
        assert record["text"]["en"] == text_in(item, "text", "en")


# --------------------------------------------------------------------------- HTTP


@pytest.mark.parametrize(
    "url", ["/data/v1/editions/", "/data/v1/editions/law-230-viii.json", "/data/v1/schema/flow.json"]
)
def test_any_origin_may_read_and_nothing_is_sent_to_a_language(client, url):
    response = client.get(url, HTTP_ORIGIN="https://example.org", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.head(url)["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(url, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_a_reader_with_the_current_copy_gets_304(client, encoding):
    url = "/data/v1/editions/draft-2025.json"
    response = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
    assert response["ETag"] == client.get(url, HTTP_ACCEPT_ENCODING=encoding)["ETag"]
    again = client.get(url, HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_get_405_in_json(client, method):
    response = getattr(client, method)("/data/v1/editions/law-230-viii.json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "error" in json.loads(response.content)
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "url",
    [
        "/data/v1/editions/no-such-law.json",
        "/data/v1/editions/no-such-law/flow.json",
        "/data/v1/schema/article.json",
        "/data/v1/nothing-here",
        "/data/v2/editions/",
    ],
)
def test_unknown_addresses_get_a_json_404(client, url):
    response, data = get_json(client, url)
    assert response.status_code == 404
    assert set(data) == {"error"}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_edition_without_a_flow_says_so_in_json(client):
    FlowDeclaration.objects.filter(edition__slug="draft-2025").delete()
    response, data = get_json(client, "/data/v1/editions/draft-2025/flow.json")
    assert response.status_code == 404 and "question flow" in data["error"]
    assert edition_json(client, "draft-2025")["edition"]["flow_url"] is None


def test_the_list_without_its_final_slash_is_sent_to_it(client):
    response = client.get("/data/v1/editions")
    assert response.status_code == 301
    assert response["Location"] == "/data/v1/editions/"


@pytest.mark.parametrize("slug", EDITIONS)
def test_an_edition_takes_a_fixed_number_of_queries(client, slug, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERIES):
        client.get(f"/data/v1/editions/{slug}.json")
    with django_assert_max_num_queries(6):
        client.get(f"/data/v1/editions/{slug}/flow.json")


def test_more_articles_take_no_more_queries(client, django_assert_max_num_queries):
    """Sixty more articles, each with paragraphs and a right: still the same queries."""
    law = Article.objects.filter(edition__slug="law-230-viii").select_related("edition", "chapter").first()
    added = Article.objects.bulk_create(
        Article(edition=law.edition, chapter=law.chapter, number=f"{900 + n}", position=900 + n, plain_title_en=f"A{n}")
        for n in range(60)
    )
    Paragraph.objects.bulk_create(
        Paragraph(article=a, label=str(p), position=p, official_text_en="Text.") for a in added for p in (1, 2)
    )
    RightOrDuty.objects.bulk_create(
        RightOrDuty(key=f"extra-{a.number}", edition=law.edition, article=a, role="user", kind="right", text_en="R.")
        for a in added
    )
    with django_assert_max_num_queries(QUERIES):
        response, data = get_json(client, "/data/v1/editions/law-230-viii.json")
    assert len(data["articles"]) == 31 + 60
    assert data["articles"][-1]["rights_and_duties"][0]["key"] == "extra-959"


def test_the_flow_says_which_answers_stand_alone(client):
    """'none of these' and 'not sure' cannot be combined with other answers (the site refuses it)."""
    flow = client.get("/data/v1/editions/draft-2025/flow.json").json()
    capabilities = next(q for q in flow["questions"] if q["name"] == "capabilities")
    assert capabilities["stands_alone"] == ["none", "not_sure"]
    assert all(q["stands_alone"] == [] for q in flow["questions"] if not q["multiple"])


def test_the_official_text_comes_with_its_source_and_the_note_that_it_is_the_states(client):
    """The law's Russian text ships with the site (content/official/): the open data carries it,
    paragraph by paragraph, with the file it was read from, its hash and the date of the text."""
    from official.shipped import manifests

    data = edition_json(client, "law-230-viii")
    assert "state's publications" in data["official_text_note"]
    (source,) = data["official_text_sources"]
    shipped = next(s for s in manifests() if s.edition == "law-230-viii" and s.lang == "ru")
    assert source["lang"] == "ru" and source["sha256"] == shipped.sha256
    assert (source["as_of"], source["as_of_basis"]) == ("2025-11-17", "signed")
    assert source["source_url"] == "https://adilet.zan.kz/rus/docs/Z2500000230"
    article = next(a for a in data["articles"] if a["number"] == "21")
    assert article["official_title"]["ru"] and article["official_title"]["kk"] is None
    texts = {p["label"]: p["official_text"]["ru"] for p in article["paragraphs"]}
    assert "маркировк" in texts["2"]
    assert edition_json(client, "draft-2025")["official_text_sources"] == []
