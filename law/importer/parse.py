"""Lines of an official text → a ParsedLaw (articles and labelled paragraphs); no database."""

from __future__ import annotations

from dataclasses import dataclass, field

from editorial.numbering import number_key

from .layout import (
    HEADINGS,
    INLINE_ARTICLE,
    NOTE_STARTS,
    PARAGRAPH,
    SIGNATURE_STARTS,
    SUBPARAGRAPH,
    TOC_STARTS,
    UNOFFICIAL,
)
from .lines import Line, text_lines


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


def parse(text: str | list[Line], lang: str) -> ParsedLaw:
    """Parse one language's official text (a plain text, or lines from any reader); raise
    OfficialTextError on the first line that breaks it."""
    if lang not in HEADINGS:
        raise OfficialTextError(1, f"unknown language '{lang}' (use kk, ru or en)")
    law = ParsedLaw(lang)
    patterns = HEADINGS[lang]
    rows = text_lines(text) if isinstance(text, str) else text
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
