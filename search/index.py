"""Building the search index from the law's records, and keeping it in step with them.

A save of an article, paragraph, right or duty, glossary term, page or flow text refreshes its entries
(two queries: delete, insert). A bulk change (a load, an import: see law.changes) skips that and
rebuilds the whole index once at its end. Deleting a record deletes its entries by cascade.

Only what the public reads is indexed: an article that is not published (a draft, or one taken off
the site) has no entries, nor do its paragraphs, rights and duties; nor does such a page, or a
text that has no page of its own (the home page's). A save of an article indexes it
and its parts again, so that publishing it brings them in and taking it off the site takes them out.

Explanations are indexed from their rendered HTML, as plain text, so that Markdown marks and link
addresses are not matched or shown in snippets.
"""

from __future__ import annotations

import re

from django.db import connections
from django.db.models.signals import post_save

from checker.models import FlowDeclaration, FlowText
from editorial.languages import LANGUAGE_CODES as LANGS
from editorial.languages import text_in
from editorial.text import html_to_text
from law.changes import content_changed, in_bulk_change
from law.models import Article, GlossaryTerm, Page, Paragraph, RightOrDuty
from law.models.pages import PAGE_URLS

from .folding import index_form
from .models import Kind, SearchEntry
from .stemming import stem_form

BATCH = 500


def entry(lang, kind, text, heading_words="", **source) -> SearchEntry | None:
    """An entry for `text`; `heading_words` (a page section's heading, shown as the snippet's label)
    are matched with it but not shown in it."""
    text = " ".join(text.split())
    if not text:
        return None
    matched = f"{heading_words} {text}" if heading_words else text
    return SearchEntry(
        lang=lang,
        kind=kind,
        text=text,
        folded_text=index_form(matched),
        stemmed_text=stem_form(matched, lang),
        **source,
    )


def article_entries(article: Article) -> list[SearchEntry]:
    """Title, summary and 'what this means for you', in each language."""
    found = []
    for lang in LANGS:
        titles = [text_in(article, "plain_title", lang).strip(), text_in(article, "official_title", lang).strip()]
        title = " — ".join(dict.fromkeys(t for t in titles if t))
        found += [
            entry(lang, Kind.TITLE, title, article=article),
            entry(lang, Kind.SUMMARY, html_to_text(text_in(article, "summary_html", lang)), article=article),
            entry(
                lang, Kind.FOR_YOU, html_to_text(text_in(article, "for_you_html", lang)), article=article, position=1
            ),
        ]
    return [e for e in found if e]


def paragraph_entries(paragraph: Paragraph) -> list[SearchEntry]:
    """The official text and the plain-language note of a paragraph, in each language."""
    source = {
        "article_id": paragraph.article_id,
        "paragraph": paragraph,
        "label": paragraph.label,
        "position": 10 + paragraph.position,
    }
    found = []
    for lang in LANGS:
        found.append(entry(lang, Kind.OFFICIAL, text_in(paragraph, "official_text", lang), **source))
        found.append(entry(lang, Kind.NOTE, html_to_text(text_in(paragraph, "note_html", lang)), **source))
    return [e for e in found if e]


def right_entries(item: RightOrDuty, label: str) -> list[SearchEntry]:
    source = {"article_id": item.article_id, "right": item, "label": label, "position": 10 + item.position}
    return [e for lang in LANGS if (e := entry(lang, Kind.RIGHT, text_in(item, "text", lang), **source))]


def term_entries(term: GlossaryTerm) -> list[SearchEntry]:
    """A term's name and its definition, in each language: a match in the name ranks higher."""
    found = []
    for lang in LANGS:
        name = text_in(term, "name", lang).strip()
        if name:
            source = {"term": term, "position": term.position}
            found.append(entry(lang, Kind.GLOSSARY, name, **source))
            found.append(entry(lang, Kind.ALSO_CALLED, ", ".join(term.also_called_in(lang)), **source))
            found.append(entry(lang, Kind.DEFINITION, html_to_text(text_in(term, "definition_html", lang)), **source))
    return [e for e in found if e]


def question_entries(declaration: FlowDeclaration) -> list[SearchEntry]:
    """Each question of an edition's flow, in each language: its title, hint, answers and their hints."""
    texts = {item.key: item for item in FlowText.objects.filter(edition_id=declaration.edition_id)}
    found = []
    for position, question in enumerate(declaration.flow().questions):
        base = f"questions.{question.name}"
        keys = [f"{base}.title", f"{base}.hint"]
        keys += [f"{base}.{part}.{value}" for value in question.values for part in ("options", "option_hints")]
        for lang in LANGS:
            title = text_in(texts[keys[0]], "text", lang).strip() if keys[0] in texts else ""
            if not title:
                continue  # not written in this language: nothing to find it by
            parts = [html_to_text(text_in(texts[key], "text_html", lang)) for key in keys if key in texts]
            source = {"flow_edition_id": declaration.edition_id, "label": question.name, "position": position}
            found.append(entry(lang, Kind.QUESTION, " ".join(parts), heading=title[:300], **source))
    return [e for e in found if e]


SECTION_RE = re.compile(r"(?=<h2[\s>])")
HEADING_RE = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)


def page_sections(body_html: str) -> list[tuple[str, str]]:
    """A page's body cut at its second-level headings: (heading, the section's text) each, the
    text before the first heading with an empty heading."""
    sections = []
    for chunk in SECTION_RE.split(body_html or ""):
        heading = HEADING_RE.match(chunk)
        if heading is None:
            sections.append(("", html_to_text(chunk)))
        else:  # the heading is the snippet's label; a match in it still finds the section
            sections.append((html_to_text(heading.group(1)).strip(), html_to_text(chunk[heading.end() :])))
    return sections


def page_entries(page: Page) -> list[SearchEntry]:
    """A page with an address of its own, while it is published: its title and each of its sections."""
    if not page.is_published or page.slug not in PAGE_URLS:
        return []
    found = []
    for lang in LANGS:
        title = text_in(page, "title", lang).strip()
        if not title:
            continue  # not written in this language
        found.append(entry(lang, Kind.TITLE, title, page=page))
        for position, (heading, text) in enumerate(page_sections(text_in(page, "body_html", lang)), start=1):
            found.append(
                entry(lang, Kind.PAGE, text, heading_words=heading, page=page, heading=heading[:300], position=position)
            )
    return [e for e in found if e]


# --------------------------------------------------------------------------- keeping in step


def is_published(article_id) -> bool:
    return Article.objects.published().filter(pk=article_id).exists()


def whole_article_entries(article: Article) -> list[SearchEntry]:
    """The article's entries and its paragraphs', rights' and duties'."""
    found = article_entries(article)
    labels = {}
    for paragraph in Paragraph.objects.filter(article=article):
        labels[paragraph.pk] = paragraph.label
        found += paragraph_entries(paragraph)
    for item in RightOrDuty.objects.filter(article=article):
        found += right_entries(item, labels.get(item.paragraph_id, ""))
    return found


def refresh_article(article: Article) -> None:
    """The article and its parts again: all of them while it is published, none once it is not."""
    SearchEntry.objects.filter(article=article).delete()
    if article.is_published:
        SearchEntry.objects.bulk_create(whole_article_entries(article), batch_size=BATCH)


def refresh_paragraph(paragraph: Paragraph) -> None:
    SearchEntry.objects.filter(paragraph=paragraph).delete()
    if is_published(paragraph.article_id):
        SearchEntry.objects.bulk_create(paragraph_entries(paragraph))
    # Rights and duties link to their paragraph by its label, which may just have changed.
    SearchEntry.objects.filter(right__paragraph=paragraph).exclude(label=paragraph.label).update(label=paragraph.label)


def refresh_right(item: RightOrDuty) -> None:
    SearchEntry.objects.filter(right=item).delete()
    if not is_published(item.article_id):
        return
    label = Paragraph.objects.filter(pk=item.paragraph_id).values_list("label", flat=True).first() or ""
    SearchEntry.objects.bulk_create(right_entries(item, label))


def refresh_term(term: GlossaryTerm) -> None:
    SearchEntry.objects.filter(term=term).delete()
    SearchEntry.objects.bulk_create(term_entries(term))


def refresh_page(page: Page) -> None:
    SearchEntry.objects.filter(page=page).delete()
    SearchEntry.objects.bulk_create(page_entries(page))


def refresh_flow_text(item: FlowText) -> None:
    """A word of a flow changed: its edition's questions are indexed again (a few dozen rows)."""
    SearchEntry.objects.filter(flow_edition_id=item.edition_id).delete()
    declaration = FlowDeclaration.objects.filter(edition_id=item.edition_id).first()
    if declaration is not None:
        SearchEntry.objects.bulk_create(question_entries(declaration))


def rebuild() -> int:
    """Index every record the public reads again (after a load or an import); returns the number of
    entries."""
    entries = []
    published = Article.objects.published()
    for article in published:
        entries += article_entries(article)
    for paragraph in Paragraph.objects.filter(article__in=published):
        entries += paragraph_entries(paragraph)
    labels = dict(Paragraph.objects.values_list("pk", "label"))
    for item in RightOrDuty.objects.published():
        entries += right_entries(item, labels.get(item.paragraph_id, ""))
    for term in GlossaryTerm.objects.all():
        entries += term_entries(term)
    for declaration in FlowDeclaration.objects.all():
        entries += question_entries(declaration)
    for page in Page.objects.published():
        entries += page_entries(page)
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


REFRESHERS = {
    Article: refresh_article,
    Paragraph: refresh_paragraph,
    RightOrDuty: refresh_right,
    GlossaryTerm: refresh_term,
    FlowText: refresh_flow_text,
    Page: refresh_page,
}


def on_save(sender, instance, raw=False, **kwargs):
    if raw or in_bulk_change():
        return  # fixtures load raw rows; bulk changes rebuild once at their end
    REFRESHERS[sender](instance)


def build_if_empty(using="default", **kwargs):
    """post_migrate: index a database that had content before the index existed."""
    connection = connections[using]
    table = SearchEntry._meta.db_table
    if table not in connection.introspection.table_names():
        return  # migrated back to before the index
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, table)}
    if not {field.column for field in SearchEntry._meta.concrete_fields} <= columns:
        return  # migrated back to an older index: the code of that time builds it
    if not SearchEntry.objects.using(using).exists() and Article.objects.using(using).exists():
        rebuild()


def on_content_changed(sender, **kwargs):
    rebuild()


def connect_signals():
    for model in REFRESHERS:
        post_save.connect(on_save, sender=model, dispatch_uid=f"search_index_{model.__name__}")
    content_changed.connect(on_content_changed, dispatch_uid="search_index_rebuild")
