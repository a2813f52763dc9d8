"""The open-data documents, built as plain dicts from the database in a fixed number of queries.

Only what the public sees goes in: published articles and what hangs on them (their paragraphs,
rights and duties; concordance rows naming only published articles; a glossary term's article when
it is published). Every translated text is an object {kk, ru, en}, Markdown as stored; a text
missing in a language is null, never another language's text (editorial.languages.text_in).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import override

from checker.models import FlowDeclaration, FlowText
from concordance.models import Correspondence
from editorial.addresses import absolute_url
from editorial.languages import LANGUAGE_CODES, text_in
from law.models import Article, Edition, GlossaryTerm, RightOrDuty, SiteState

# v1 stays stable: an additive change (a new field) bumps the minor number; anything that would
# break a reader of v1 gets a new address (/data/v2/).
# 1.1: a flow question's `stands_alone` values; 1.2: a paragraph's amendment, and where each
# language's official text comes from (`official_text_sources`).
SCHEMA_VERSION = "1.2"


def texts(obj, field: str) -> dict:
    """{kk, ru, en}: the field in each language, null where it is empty."""
    values = {lang: text_in(obj, field, lang) for lang in LANGUAGE_CODES}
    return {lang: value if value.strip() else None for lang, value in values.items()}


def lines(obj, field: str) -> dict:
    """{kk, ru, en}: the field's non-empty lines in each language, null where there are none."""
    values = {
        lang: [line.strip() for line in text_in(obj, field, lang).splitlines() if line.strip()]
        for lang in LANGUAGE_CODES
    }
    return {lang: found or None for lang, found in values.items()}


def page_urls(request, url_name: str, **kwargs) -> dict:
    """{kk, ru, en}: the absolute address of one public page in each language."""
    urls = {}
    for lang in LANGUAGE_CODES:
        with override(lang):
            urls[lang] = absolute_url(request, reverse(url_name, kwargs=kwargs or None))
    return urls


def data_url(request, view: str, **kwargs) -> str:
    return absolute_url(request, reverse(f"opendata:{view}", kwargs=kwargs or None))


def iso_date(value) -> str | None:
    return value.isoformat() if value else None


def envelope(request, schema: str) -> dict:
    """What every document starts with: its schema, the content's version, the licence."""
    return {
        "schema_version": SCHEMA_VERSION,
        "schema": data_url(request, "schema", name=schema),
        # When content the public can see last changed (any edition): it changes whenever anything
        # in the document does (law.signals bumps it on every such change).
        "content_version": SiteState.current().changed_at.isoformat(),
        "licence": {"name": settings.OPEN_DATA_LICENCE["name"], "url": settings.OPEN_DATA_LICENCE["url"]},
    }


def edition_metadata(request, edition: Edition, main_id: int | None, has_flow: bool) -> dict:
    slug = edition.slug
    return {
        "slug": slug,
        "kind": edition.kind,
        "legal_status": edition.legal_status,
        "main": edition.pk == main_id,
        "number": edition.number or None,
        "title": texts(edition, "title"),
        "short_title": texts(edition, "short_title"),
        "signed_on": iso_date(edition.signed_on),
        "published_on": iso_date(edition.published_on),
        "in_force_from": iso_date(edition.in_force_from),
        "superseded_by": edition.superseded_by.slug if edition.superseded_by_id else None,
        "official_url": texts(edition, "official_url"),
        "url": page_urls(request, "law:edition", edition=slug),
        "data_url": data_url(request, "edition", slug=slug),
        "flow_url": data_url(request, "flow", slug=slug) if has_flow else None,
    }


def main_edition_id() -> int | None:
    main = Edition.objects.main()
    return main.pk if main else None


def editions_document(request) -> dict:
    editions = Edition.objects.select_related("superseded_by").order_by("position", "slug")
    with_flow = set(FlowDeclaration.objects.values_list("edition_id", flat=True))
    main_id = main_edition_id()
    return {
        **envelope(request, "editions"),
        "editions": [edition_metadata(request, e, main_id, e.pk in with_flow) for e in editions],
    }


# --------------------------------------------------------------------------- one edition


def article_record(request, article: Article, chapter_key: str) -> dict:
    slug = article.edition_slug
    return {
        "number": article.number,
        "chapter": chapter_key,
        "official_title": texts(article, "official_title"),
        "plain_title": texts(article, "plain_title"),
        "summary": texts(article, "summary"),
        "for_you": texts(article, "for_you"),
        "url": page_urls(request, "law:article", edition=slug, number=article.number),
        "last_checked": iso_date(article.last_checked),
        "needs_review": bool(article.review_languages()),
        "paragraphs": [
            {
                "label": p.label,
                "official_text": texts(p, "official_text"),
                "note": texts(p, "note"),
                # A later law that amended the paragraph; official_text stays the text as signed.
                "amended_on": iso_date(p.amended_on),
                "amended_by": p.amended_by or None,
            }
            for p in article.paragraphs.all()
        ],
        "rights_and_duties": [
            {
                "key": r.key,
                "role": r.role,
                "kind": r.kind,
                "paragraph": r.paragraph.label if r.paragraph_id else None,
                "text": texts(r, "text"),
                "applies_if": r.applies_if or None,
            }
            for r in article.rights_and_duties.all()
        ],
    }


def published_articles(edition: Edition) -> list[Article]:
    rights = RightOrDuty.objects.select_related("paragraph").order_by("position", "pk")
    articles = list(
        Article.objects.published()
        .filter(edition=edition)
        .order_by("position", "pk")
        .prefetch_related("paragraphs", Prefetch("rights_and_duties", queryset=rights))
    )
    for article in articles:
        article.edition_slug = edition.slug  # no query for each article's edition
    return articles


def glossary(edition: Edition) -> list[dict]:
    terms = GlossaryTerm.objects.filter(edition=edition).select_related("article").order_by("position", "slug")
    return [
        {
            "slug": term.slug,
            "name": texts(term, "name"),
            "definition": texts(term, "definition"),
            "also_called": lines(term, "also_called"),
            # The article that defines the term, when the public can read it.
            "article": term.article.number if term.article and term.article.is_published else None,
        }
        for term in terms
    ]


def numbers(articles) -> list[str]:
    return [a.number for a in sorted(articles, key=lambda a: a.position)]


def concordance(edition: Edition) -> list[dict]:
    """The rows of every concordance this edition is in; a row that names an unpublished article
    (on either side) is left out whole, so that no row reads as "new" or "dropped" when it is not."""
    rows = (
        Correspondence.objects.filter(Q(earlier_edition=edition) | Q(later_edition=edition))
        .select_related("earlier_edition", "later_edition")
        .prefetch_related("earlier_articles", "later_articles")
    )
    entries = []
    for row in rows:
        earlier, later = list(row.earlier_articles.all()), list(row.later_articles.all())
        if not all(a.is_published for a in earlier + later):
            continue
        entries.append(
            {
                "key": row.key,
                "earlier_edition": row.earlier_edition.slug,
                "later_edition": row.later_edition.slug,
                "earlier_articles": numbers(earlier),
                "later_articles": numbers(later),
                "note": texts(row, "note"),
            }
        )
    return entries


def official_text_sources(edition: Edition) -> list[dict]:
    """Where the official text in each language comes from: its latest version (official.versions)."""
    from official.models import OfficialTextVersion

    newest = {}  # one query: the versions newest first, the first of each language kept
    for version in OfficialTextVersion.objects.filter(edition=edition, hidden=False).order_by("-imported_at", "-id"):
        newest.setdefault(version.lang, version)
    found = []
    for lang in LANGUAGE_CODES:
        version = newest.get(lang)
        if version is not None:
            found.append(
                {
                    "lang": lang,
                    "as_of": version.as_of.isoformat(),
                    "as_of_basis": version.as_of_basis,
                    "source_url": version.source_url or None,
                    "file": version.source_name or None,
                    "sha256": version.source_sha256 or None,
                }
            )
    return found


def edition_document(request, edition: Edition) -> dict:
    articles = published_articles(edition)
    used = {a.chapter_id for a in articles}
    chapters = [c for c in edition.chapters.all() if c.pk in used]  # as the contents page: none empty
    keys = {c.pk: c.key for c in chapters}
    has_flow = FlowDeclaration.objects.filter(edition=edition).exists()
    return {
        **envelope(request, "edition"),
        "official_text_note": settings.OPEN_DATA_OFFICIAL_TEXT_NOTE,
        "official_text_sources": official_text_sources(edition),
        "edition": edition_metadata(request, edition, main_edition_id(), has_flow),
        "chapters": [
            {"key": c.key, "number": c.number or None, "official": c.is_official, "title": texts(c, "title")}
            for c in chapters
        ],
        "articles": [article_record(request, a, keys[a.chapter_id]) for a in articles],
        "glossary": glossary(edition),
        "concordance": concordance(edition),
    }


# --------------------------------------------------------------------------- the question flow


def flow_document(request, edition: Edition) -> dict | None:
    """The edition's question flow (structure and words), or None when it has none."""
    declared = FlowDeclaration.objects.filter(edition=edition).first()
    if declared is None:
        return None
    flow = declared.flow()
    main = edition.pk == main_edition_id()
    start = (
        page_urls(request, "checker:start")
        if main
        else page_urls(request, "checker:edition_start", edition=edition.slug)
    )
    fines = flow.fines
    words = FlowText.objects.filter(edition=edition).order_by("key")
    return {
        **envelope(request, "flow"),
        "edition": edition.slug,
        "url": start,
        "questions": [
            {
                "name": q.name,
                "values": list(q.values),
                "multiple": q.multiple,
                "exclusive": q.exclusive or None,
                "stands_alone": [v for v in q.values if q.stands_alone(v)],
                "asked_if": list(q.asked_if),
                "role": q.role or None,
                "explained": q.explained,
            }
            for q in flow.questions
        ],
        "consequence": flow.consequence or None,
        "offences": [{"key": o.key, "role": o.role, "applies_if": o.applies_if or None} for o in flow.offences],
        "fines": {
            "question": fines.question,
            "unit_value": fines.unit_value,
            "unit_year": fines.unit_year,
            "rows": [{"value": v, "first": fines.first[v], "repeated": fines.repeated[v]} for v in fines.first],
        }
        if fines
        else None,
        "deadlines": list(flow.deadlines),
        "words": {item.key: texts(item, "text") for item in words},
    }
