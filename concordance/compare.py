"""An article beside its counterparts in another edition (`compare/?editions=<a>,<b>`), in the
visitor's language: the two explanations, and the official texts where loaded, one column per
edition, aligned by the concordance (the rows that name the article)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.languages import text_in
from law.models import Article, Edition
from law.presentation import article_title

from .models import Correspondence

MAX_EDITIONS_LENGTH = 200


@dataclass
class Side:
    edition: Edition
    articles: list[Article] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # numbers of counterparts this visitor may not read


def parse_editions(raw: str, current: Edition) -> tuple[Edition | None, str]:
    """The other edition named in `editions=<a>,<b>` (one of them the article's own), or a message."""
    slugs = list(dict.fromkeys(s.strip() for s in raw[:MAX_EDITIONS_LENGTH].split(",") if s.strip()))
    others = [s for s in slugs if s != current.slug]
    if len(slugs) != 2 or len(others) != 1:
        return None, _("Name two editions: this article's own and one other.")
    other = Edition.objects.filter(slug=others[0]).first()
    if other is None:
        return None, _("There is no edition “%(slug)s” on this site.") % {"slug": others[0][:60]}
    return other, ""


def sides(article: Article, other: Edition, visible) -> tuple[list[Side], list[str]]:
    """Both editions' columns, the earlier edition first, and the notes on what changed."""
    rows = list(
        Correspondence.objects.of_article(article)
        .filter(
            earlier_edition__in=[article.edition_id, other.pk],
            later_edition__in=[article.edition_id, other.pk],
        )
        .prefetch_related("earlier_articles", "later_articles")
    )
    own = Side(article.edition, [article])
    theirs = Side(other)
    wanted = set()
    for row in rows:
        counterpart = row.later_articles if row.earlier_edition_id == article.edition_id else row.earlier_articles
        wanted |= {a.pk for a in counterpart.all()}
    theirs.articles = list(visible.filter(pk__in=wanted).prefetch_related("paragraphs").order_by("position"))
    # An unpublished counterpart is named by its number, as not available: not as "no counterpart".
    shown = {a.pk for a in theirs.articles}
    theirs.hidden = list(
        Article.objects.filter(pk__in=wanted - shown).order_by("position").values_list("number", flat=True)
    )
    notes = [text_in(row, "note", get_language()) for row in rows]
    ordered = sorted([own, theirs], key=lambda s: s.edition.position)
    return ordered, [n for n in notes if n]


def cell(articles: list[Article], part: str) -> list[dict]:
    """One part of each article of a column: its title, summary, meaning for you, notes or official text."""
    blocks = []
    for article in articles:
        paragraphs = list(article.paragraphs.all())
        html, notes, text = "", [], ""
        if part in ("summary", "for_you"):
            html = getattr(article, f"{part}_html")
        elif part == "notes":
            notes = [{"paragraph": p, "html": p.note_html} for p in paragraphs if p.note_html]
        else:
            text = "\n\n".join(f"{p.label}. {p.official_text}" for p in paragraphs if p.official_text)
        blocks.append({"article": article, "title": article_title(article), "html": html, "notes": notes, "text": text})
    return blocks


PARTS = ("summary", "for_you", "notes", "official")


def part_heading(part: str) -> str:
    return {
        "summary": _("In short"),
        "for_you": _("What this means for you"),
        "notes": _("Notes on the paragraphs"),
        "official": _("Official text"),
    }[part]


def table(columns: list[Side]) -> list[dict]:
    rows = []
    for part in PARTS:
        cells = [cell(side.articles, part) for side in columns]
        if all(not (b["html"] or b["notes"] or b["text"]) for blocks in cells for b in blocks):
            continue
        rows.append({"part": part, "heading": part_heading(part), "cells": cells})
    return rows
