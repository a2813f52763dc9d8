"""Reading the official text of a law, as published in plain text on Adilet, into articles and
paragraphs with labels that are the same in every language ("3", subparagraph "3-2").

The layout it understands is described in shared/law-facts.md: chapter and article headings in
kk, ru or en; paragraphs "1. ", subparagraphs "1) "; the database's own notes, tables of contents,
the "Unofficial translation" line and the signature block, which are not law and are kept apart.

`parse` never touches the database. `plan` compares a parsed text with what is stored and says
what would change. `apply` writes it in one transaction and marks explanations for review where
the official text they explain has changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from editorial.languages import LANGUAGE_CODES
from editorial.numbering import number_key

NBSP_AND_FRIENDS = "\u00a0\u2007\u202f\ufeff"

HEADINGS = {
    "kk": {
        "chapter": re.compile(r"^(?P<number>\d+(?:-\d+)?)-тарау\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^(?P<number>\d+(?:-\d+)*)-бап\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
    "ru": {
        "chapter": re.compile(r"^Глава\s+(?P<number>\d+(?:-\d+)?)\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^Статья\s+(?P<number>\d+(?:-\d+)*)\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
    "en": {
        "chapter": re.compile(r"^Chapter\s+(?P<number>\d+(?:-\d+)?)\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^Article\s+(?P<number>\d+(?:-\d+)*)\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
}
# A chapter heading and the next article heading on one line (as some compare views print them).
INLINE_ARTICLE = {
    "kk": re.compile(r"\s(?=\d+(?:-\d+)*-бап\.)"),
    "ru": re.compile(r"\s(?=Статья\s+\d+(?:-\d+)*\.)"),
    "en": re.compile(r"\s(?=Article\s+\d+(?:-\d+)*\.)"),
}
PARAGRAPH = re.compile(r"^(?P<number>\d+(?:-\d+)?)\.\s+(?P<text>\S.*)$")
SUBPARAGRAPH = re.compile(r"^(?P<number>\d+(?:-\d+)?)\)\s*(?P<text>\S.*)$")

# The database's editorial notes and notices: kept, shown apart, never taken for law.
NOTE_STARTS = re.compile(
    r"^(Примечание\s+(ИЗПИ|РЦПИ)!|Сноска\.|ЗҚАИ-ның\s+ескертпесі!|Ескерту\.|Footnote\.|"
    r"Вниманию\s+пользователей!|Қолданушылар\s+назарына!|Note\s+of\s+the\s+RCLI!|Note!)",
    re.IGNORECASE,
)
TOC_STARTS = re.compile(r"^(ОГЛАВЛЕНИЕ|МАЗМҰНЫ|TABLE\s+OF\s+CONTENTS|CONTENTS)\s*$", re.IGNORECASE)
UNOFFICIAL = re.compile(r"^(Unofficial\s+translation|Неофициальный\s+перевод|Ресми\s+емес\s+аударма)\.?\s*$", re.I)
SIGNATURE_STARTS = re.compile(
    r"^(Президент(і)?\b|Қазақстан\s+Республикасының\s*$|(The\s+)?President\b)",
    re.IGNORECASE,
)


class OfficialTextError(Exception):
    """A file that cannot be imported: the first problem, with its line."""

    def __init__(self, line: int, reason: str):
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}")


@dataclass
class ParsedParagraph:
    label: str
    text: str
    line: int


@dataclass
class ParsedArticle:
    number: str
    title: str
    chapter: str
    line: int
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ParsedLaw:
    lang: str
    chapters: dict[str, str] = field(default_factory=dict)  # number → title, in order
    articles: list[ParsedArticle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # notes that belong to the whole act
    skipped: dict[str, int] = field(default_factory=dict)  # what was recognised and left out


def normalise_lines(text: str) -> list[tuple[int, str, bool]]:
    """(line number, stripped text, was indented) for every line; BOM, CRLF and NBSP handled."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    rows = []
    for number, raw in enumerate(text.split("\n"), start=1):
        for char in NBSP_AND_FRIENDS:
            raw = raw.replace(char, " ")
        stripped = raw.strip()
        rows.append((number, " ".join(stripped.split()), raw[:1].isspace()))
    return rows


def heading_language(line: str) -> str | None:
    for lang, patterns in HEADINGS.items():
        if patterns["article"].match(line) or patterns["chapter"].match(line):
            return lang
    return None


def split_inline_headings(lang: str, line: str) -> list[str]:
    if HEADINGS[lang]["chapter"].match(line):
        parts = INLINE_ARTICLE[lang].split(line, maxsplit=1)
        return [p.strip() for p in parts if p.strip()]
    return [line]


def signature_start(rows) -> int | None:
    """Line where the closing signature block begins: short lines at the very end, one of them
    naming the President (e.g. 'Президент / Республики Казахстан / К. ТОКАЕВ')."""
    tail = [(n, line) for n, line, _indented in rows if line][-6:]
    for index, (number, line) in enumerate(tail):
        rest = tail[index:]
        if SIGNATURE_STARTS.match(line) and all(len(t) <= 80 and not PARAGRAPH.match(t) for _n, t in rest):
            return number
    return None


def parse(text: str, lang: str) -> ParsedLaw:
    """Parse one language's official text; raise OfficialTextError on the first line that breaks it."""
    if lang not in HEADINGS:
        raise OfficialTextError(1, f"unknown language '{lang}' (use kk, ru or en)")
    law = ParsedLaw(lang)
    patterns = HEADINGS[lang]
    rows = normalise_lines(text)
    signature_from = signature_start(rows)
    chapter = ""
    article: ParsedArticle | None = None
    current: ParsedParagraph | None = None
    paragraph_number = "0"
    toc: set[str] | None = None  # headings listed in a table of contents, while inside it
    note_open = False

    def skip(kind):
        law.skipped[kind] = law.skipped.get(kind, 0) + 1

    def notes():
        return article.notes if article else law.notes

    for number, line, _indented in rows:
        if signature_from is not None and number >= signature_from:
            if line:
                skip("signature")
            continue
        if not line:
            note_open = False
            continue
        if UNOFFICIAL.match(line):
            skip("unofficial-translation line")
            continue
        if TOC_STARTS.match(line):
            toc = set()
            skip("table of contents")
            continue
        if NOTE_STARTS.match(line):
            notes().append(line)
            note_open = True
            continue
        if note_open and not heading_language(line) and not PARAGRAPH.match(line) and not SUBPARAGRAPH.match(line):
            notes()[-1] = f"{notes()[-1]} {line}"
            continue
        note_open = False
        other = heading_language(line)
        if other and other != lang:
            raise OfficialTextError(
                number, f"this heading is in '{other}', but the import is for '{lang}': {line[:60]}"
            )
        for part in split_inline_headings(lang, line):
            chapter_match = patterns["chapter"].match(part)
            article_match = patterns["article"].match(part)
            if toc is not None:
                # A table of contents lists the headings; the body starts where one comes again.
                if (chapter_match or article_match) and part not in toc:
                    toc.add(part)
                    skip("table of contents")
                    continue
                if not (chapter_match or article_match):
                    skip("table of contents")
                    continue
                toc = None
            if chapter_match and not article_match:
                chapter = chapter_match.group("number")
                law.chapters[chapter] = chapter_match.group("title").strip()
                article, current = None, None
                continue
            if article_match:
                found = article_match.group("number")
                if law.articles and number_key(found) <= number_key(law.articles[-1].number):
                    raise OfficialTextError(
                        number, f"article {found} comes after article {law.articles[-1].number}: out of order"
                    )
                article = ParsedArticle(found, article_match.group("title").strip(), chapter, number)
                law.articles.append(article)
                current, paragraph_number = None, "0"
                continue
            paragraph_match = PARAGRAPH.match(part)
            subparagraph_match = SUBPARAGRAPH.match(part)
            if article is None:
                if not law.articles and not law.chapters and not paragraph_match and not subparagraph_match:
                    skip("title or preamble")  # the act's own title and preamble come before article 1
                    continue
                raise OfficialTextError(number, f"text outside any article: {part[:60]}")
            if paragraph_match:
                paragraph_number = paragraph_match.group("number")
                current = add_paragraph(article, paragraph_number, paragraph_match.group("text"), number)
            elif subparagraph_match:
                label = f"{paragraph_number}-{subparagraph_match.group('number')}"
                current = add_paragraph(article, label, subparagraph_match.group("text"), number)
            elif current is None:
                # Text directly under the article heading, before any numbered paragraph.
                current = add_paragraph(article, "0", part, number)
            else:
                current.text = f"{current.text} {part}"  # a wrapped line of the same paragraph
    if not law.articles:
        raise OfficialTextError(1, "no article headings found: is this the official text, and the right language?")
    return law


def add_paragraph(article: ParsedArticle, label: str, text: str, line: int) -> ParsedParagraph:
    if any(p.label == label for p in article.paragraphs):
        raise OfficialTextError(line, f"paragraph {label} appears twice in article {article.number}")
    paragraph = ParsedParagraph(label, text.strip(), line)
    article.paragraphs.append(paragraph)
    return paragraph


# --------------------------------------------------------------------------- comparing and writing


@dataclass
class Change:
    kind: str  # "added", "changed", "removed"
    what: str  # "article", "paragraph", "chapter"
    article: str
    label: str = ""
    before: str = ""
    after: str = ""


@dataclass
class Plan:
    edition: object
    law: ParsedLaw
    changes: list[Change]

    def count(self, kind, what):
        return sum(1 for c in self.changes if c.kind == kind and c.what == what)

    @property
    def summary(self):
        return {
            (kind, what): self.count(kind, what)
            for kind in ("added", "changed", "removed")
            for what in ("chapter", "article", "paragraph")
        }


def plan(edition, law: ParsedLaw) -> Plan:
    """What an import would change in this edition, for this language, compared with what is stored."""
    from .models import Article

    lang = law.lang
    stored = {
        a.number: a for a in Article.objects.filter(edition=edition).prefetch_related("paragraphs").select_related()
    }
    stored_chapters = {c.number: c for c in edition.chapters.all() if c.number}
    changes: list[Change] = []
    for number, title in law.chapters.items():
        chapter = stored_chapters.get(number)
        if chapter is None:
            changes.append(Change("added", "chapter", "", number, after=title))
        elif getattr(chapter, f"title_{lang}") != title:
            changes.append(Change("changed", "chapter", "", number, getattr(chapter, f"title_{lang}"), title))
    incoming = {a.number for a in law.articles}
    for parsed in law.articles:
        article = stored.get(parsed.number)
        if article is None or not any(getattr(p, f"official_text_{lang}") for p in article.paragraphs.all()):
            changes.append(Change("added", "article", parsed.number, after=parsed.title))
        old_paragraphs = (
            {p.label: getattr(p, f"official_text_{lang}") for p in article.paragraphs.all()} if article else {}
        )
        new_labels = set()
        for paragraph in parsed.paragraphs:
            new_labels.add(paragraph.label)
            before = old_paragraphs.get(paragraph.label, "")
            if not before:
                changes.append(Change("added", "paragraph", parsed.number, paragraph.label, after=paragraph.text))
            elif before != paragraph.text:
                changes.append(Change("changed", "paragraph", parsed.number, paragraph.label, before, paragraph.text))
        for label, before in old_paragraphs.items():
            if before and label not in new_labels:
                changes.append(Change("removed", "paragraph", parsed.number, label, before=before))
    for number, article in stored.items():
        if number not in incoming and any(getattr(p, f"official_text_{lang}") for p in article.paragraphs.all()):
            changes.append(Change("removed", "article", number, before=getattr(article, f"official_title_{lang}")))
    return Plan(edition, law, changes)


@transaction.atomic
def apply(import_plan: Plan) -> Plan:
    """Write the parsed text into the edition (one transaction) and flag explanations to review."""
    import reversion

    from .changes import bulk_change
    from .models import Article, Chapter, Paragraph

    edition, law = import_plan.edition, import_plan.law
    lang = law.lang
    changed_paragraphs = {
        (c.article, c.label) for c in import_plan.changes if c.what == "paragraph" and c.kind in ("changed", "removed")
    }
    today = timezone.localdate().isoformat()
    with reversion.create_revision(), bulk_change():
        reversion.set_comment(f"Official text imported ({lang})")
        chapters = {c.number: c for c in edition.chapters.all() if c.number}
        last_position = max((c.position for c in edition.chapters.all()), default=-1)
        for number, title in law.chapters.items():
            chapter = chapters.get(number)
            if chapter is None:
                last_position += 1
                chapter = Chapter(edition=edition, key=number, number=number, is_official=True, position=last_position)
            setattr(chapter, f"title_{lang}", title)
            chapter.save()
            chapters[number] = chapter
        stored = {a.number: a for a in Article.objects.filter(edition=edition)}
        numbers = sorted({*stored, *(a.number for a in law.articles)}, key=number_key)
        for parsed in law.articles:
            article = stored.get(parsed.number)
            chapter = chapters.get(parsed.chapter) or fallback_chapter(edition, chapters)
            if article is None:
                article = Article(edition=edition, number=parsed.number, chapter=chapter)
            article.position = numbers.index(parsed.number)
            setattr(article, f"official_title_{lang}", parsed.title)
            setattr(article, f"official_notes_{lang}", "\n\n".join(parsed.notes))
            reviewed = [label for number, label in changed_paragraphs if number == parsed.number]
            if reviewed:
                article.needs_review = True
                labels = ", ".join(sorted(reviewed, key=number_key))
                article.review_note = f"{today}: official text ({lang}) changed in paragraph(s) {labels}"
            article.save()
            existing = {p.label: p for p in article.paragraphs.all()}
            labels = [p.label for p in parsed.paragraphs]
            all_labels = sorted({*existing, *labels}, key=number_key)
            for paragraph in parsed.paragraphs:
                row = existing.get(paragraph.label) or Paragraph(article=article, label=paragraph.label)
                row.position = all_labels.index(paragraph.label)
                setattr(row, f"official_text_{lang}", paragraph.text)
                if (parsed.number, paragraph.label) in changed_paragraphs and any(
                    getattr(row, f"note_{code}") for code in LANGUAGE_CODES
                ):
                    row.note_needs_review = True
                row.save()
            for label, row in existing.items():
                if label not in labels and getattr(row, f"official_text_{lang}"):
                    setattr(row, f"official_text_{lang}", "")
                    row.note_needs_review = row.note_needs_review or any(
                        getattr(row, f"note_{code}") for code in LANGUAGE_CODES
                    )
                    row.save()
        for number, article in stored.items():
            if number not in {a.number for a in law.articles}:
                for row in article.paragraphs.all():
                    if getattr(row, f"official_text_{lang}"):
                        setattr(row, f"official_text_{lang}", "")
                        row.save()
        setattr(edition, f"official_notes_{lang}", "\n\n".join(law.notes))
        edition.save()
    return import_plan


def fallback_chapter(edition, chapters):
    """Articles before any chapter heading go into a chapter of their own ('0')."""
    from .models import Chapter

    if "0" not in chapters:
        chapters["0"], _ = Chapter.objects.get_or_create(
            edition=edition, key="0", defaults={"number": "", "is_official": False, "position": 0}
        )
    return chapters["0"]
