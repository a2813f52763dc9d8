"""Lines of an official text → a ParsedLaw (articles and labelled paragraphs); no database.

Linear in the file: wrapped lines are gathered in lists and joined once, and repeated labels are
found with a set, so a file at the size limit parses in a fraction of a second.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from editorial.numbering import after_subparagraphs, number_key

from .errors import OfficialTextError
from .layout import (
    HEADINGS,
    INLINE_ARTICLE,
    MONTHS,
    NOTE_ENDS,
    NOTE_GOES_ON,
    NOTE_STARTS,
    PARAGRAPH,
    SIGNATURE_STARTS,
    SIGNED_ON,
    SITE_FOOTER,
    SUBPARAGRAPH,
    TOC_STARTS,
    UNOFFICIAL,
)
from .lines import Line, text_lines

# The columns these go into (law.models): longer values are an error, on every database.
MAX_NUMBER, MAX_LABEL, MAX_TITLE, MAX_CHAPTER_TITLE = 10, 20, 500, 300


@dataclass
class ParsedParagraph:
    label: str
    lines: list[list[str]]  # the paragraph's own lines (unnumbered items), each as its wrapped parts
    line: int

    @property
    def text(self) -> str:
        return "\n".join(" ".join(parts) for parts in self.lines)


@dataclass
class ParsedArticle:
    number: str
    title: str
    chapter: str
    line: int
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    labels: set[str] = field(default_factory=set, repr=False)


@dataclass
class ParsedLaw:
    lang: str
    chapters: dict[str, str] = field(default_factory=dict)  # number → title, in order
    articles: list[ParsedArticle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # notes that belong to the whole act
    dated: datetime.date | None = None  # the date in the act's own title: the day it was signed
    skipped: dict[str, int] = field(default_factory=dict)  # what was recognised and left out

    def all_notes(self) -> list[str]:
        return [*self.notes, *(note for article in self.articles for note in article.notes)]

    def cut_off(self) -> bool:
        """Whether the text seems cut short: the whole text of a law ends with its signature block
        (the President's name), and its last article with a full stop; a file cut in the middle of
        an article, or of its heading, has neither."""
        if not self.articles:
            return False
        if "signature" not in self.skipped:
            return True
        last = self.articles[-1]
        text = last.paragraphs[-1].text.rstrip() if last.paragraphs else last.title.rstrip()
        return not text.endswith((".", "»", '"', ")"))


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
    tail = [(n, line) for n, line, _block in rows if line and not SITE_FOOTER.match(line)][-6:]
    for index, (number, line) in enumerate(tail):
        rest = tail[index:]
        if SIGNATURE_STARTS.match(line) and all(len(t) <= 80 and not PARAGRAPH.match(t) for _n, t in rest):
            return number
    return None


def list_open(paragraph: ParsedParagraph) -> bool:
    """Whether the paragraph opened a list of its own ("…включает:") that its last line has not
    closed yet (a list's items end with ";" and its last one with ".")."""
    lines = [" ".join(parts) for parts in paragraph.lines]
    return any(line.endswith(":") for line in lines) and not lines[-1].endswith(".")


def signing_date(line: str, lang: str) -> datetime.date | None:
    """The date in the act's title line («Закон Республики Казахстан от 17 ноября 2025 года …»)."""
    for pattern in SIGNED_ON[lang]:
        for found in pattern.finditer(line):
            day, month, year = found.group("day"), found.group("month").casefold(), found.group("year")
            if month in MONTHS[lang]:
                try:
                    return datetime.date(int(year), MONTHS[lang].index(month) + 1, int(day))
                except ValueError:
                    continue
    return None


def continues_note(note: list[str], line: str) -> bool:
    """Whether a line goes on with the note being read (layout.NOTE_ENDS), rather than being law."""
    if heading_language(line) or PARAGRAPH.match(line) or SUBPARAGRAPH.match(line):
        return False
    return not NOTE_ENDS.search(note[-1]) or bool(NOTE_GOES_ON.match(line))


def too_long(line: int, what: str, value: str, maximum: int):
    if len(value) > maximum:
        raise OfficialTextError(
            line,
            _("%(what)s is %(length)s characters long; at most %(maximum)s fit: %(start)s…")
            % {"what": what, "length": len(value), "maximum": maximum, "start": value[:40]},
        )


def parse(text: str | list[Line], lang: str) -> ParsedLaw:
    """Parse one language's official text (a plain text, or lines from any reader); raise
    OfficialTextError on the first line that breaks it."""
    if lang not in HEADINGS:
        raise OfficialTextError(1, _("unknown language '%(lang)s' (use kk, ru or en)") % {"lang": lang})
    law = ParsedLaw(lang)
    patterns = HEADINGS[lang]
    rows = text_lines(text) if isinstance(text, str) else text
    signature_from = signature_start(rows)
    max_paragraphs = int(settings.OFFICIAL_TEXT_MAX_PARAGRAPHS)
    paragraph_count = 0
    chapter = ""
    article: ParsedArticle | None = None
    current: ParsedParagraph | None = None
    paragraph_number = "0"
    in_subparagraph = False  # the line before was a subparagraph's ("3)"), not a paragraph's ("3.", "3-1.")
    toc: set[str] | None = None  # headings listed in a table of contents, while inside it
    note: list[str] | None = None  # the parts of the note being read, joined at the end

    def skip(kind):
        law.skipped[kind] = law.skipped.get(kind, 0) + 1

    def add_paragraph(label: str, text: str, line: int) -> ParsedParagraph:
        nonlocal paragraph_count
        if label in article.labels:
            raise OfficialTextError(
                line,
                _("paragraph %(label)s appears twice in article %(number)s")
                % {"label": label, "number": article.number},
            )
        too_long(line, _("the paragraph's label"), label, MAX_LABEL)
        paragraph_count += 1
        if paragraph_count > max_paragraphs:
            raise OfficialTextError(
                line, _("more than %(limit)s paragraphs: far more than the law has") % {"limit": max_paragraphs}
            )
        article.labels.add(label)
        paragraph = ParsedParagraph(label, [[text.strip()]], line)
        article.paragraphs.append(paragraph)
        return paragraph

    notes: list[list[str]] = []  # every note's parts, in order, with where it belongs
    owners: list[list[str]] = []

    for number, line, starts_block in rows:
        if line and SITE_FOOTER.match(line):
            skip("site footer")
            continue
        if signature_from is not None and number >= signature_from:
            if line:
                skip("signature")
            continue
        if not line:
            # A blank line ends a note, unless the note so far is only its heading («Примечание
            # ИЗПИ!»): then what it says comes after the blank line.
            if note is not None and not (len(note) == 1 and NOTE_STARTS.fullmatch(note[0].strip())):
                note = None
            continue
        if UNOFFICIAL.match(line):
            skip("unofficial-translation line")
            continue
        if TOC_STARTS.match(line):
            toc = set()
            skip("table of contents")
            continue
        if NOTE_STARTS.match(line):
            note = [line]
            notes.append(note)
            owners.append(article.notes if article else law.notes)
            continue
        if note is not None and continues_note(note, line):
            note.append(line)
            continue
        note = None
        other = heading_language(line)
        if other and other != lang:
            raise OfficialTextError(
                number,
                _("this heading is in '%(other)s', but the import is for '%(lang)s': %(start)s")
                % {"other": other, "lang": lang, "start": line[:60]},
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
                too_long(number, _("the chapter's number"), chapter, MAX_NUMBER)
                law.chapters[chapter] = chapter_match.group("title").strip()
                too_long(number, _("the chapter's title"), law.chapters[chapter], MAX_CHAPTER_TITLE)
                article, current = None, None
                continue
            if article_match:
                found = article_match.group("number")
                too_long(number, _("the article's number"), found, MAX_NUMBER)
                if law.articles and number_key(found) <= number_key(law.articles[-1].number):
                    raise OfficialTextError(
                        number,
                        _("article %(found)s comes after article %(previous)s: out of order")
                        % {"found": found, "previous": law.articles[-1].number},
                    )
                article = ParsedArticle(found, article_match.group("title").strip(), chapter, number)
                too_long(number, _("the article's title"), article.title, MAX_TITLE)
                law.articles.append(article)
                current, paragraph_number, in_subparagraph = None, "0", False
                continue
            paragraph_match = PARAGRAPH.match(part)
            subparagraph_match = SUBPARAGRAPH.match(part)
            if article is None:
                if not law.articles and not law.chapters and not paragraph_match and not subparagraph_match:
                    skip("title or preamble")  # the act's own title and preamble come before article 1
                    law.dated = law.dated or signing_date(part, lang)
                    continue
                raise OfficialTextError(number, _("text outside any article: %(start)s") % {"start": part[:60]})
            if paragraph_match:
                paragraph_number, in_subparagraph = paragraph_match.group("number"), False
                current = add_paragraph(paragraph_number, paragraph_match.group("text"), number)
            elif subparagraph_match:
                label = f"{paragraph_number}-{subparagraph_match.group('number')}"
                current, in_subparagraph = add_paragraph(label, subparagraph_match.group("text"), number), True
            elif current is None:
                # Text directly under the article heading, before any numbered paragraph.
                current = add_paragraph("0", part, number)
            elif not starts_block:
                current.lines[-1].append(part)  # a wrapped line of the same line of the text
            elif in_subparagraph and not list_open(current):
                # The paragraph goes on after its subparagraphs (Article 17(1)): its closing part.
                current, in_subparagraph = add_paragraph(after_subparagraphs(paragraph_number), part, number), False
            else:
                current.lines.append([part])  # an unnumbered item or part on its own line (Article 27(1))
    for parts, owner in zip(notes, owners, strict=True):
        owner.append(" ".join(parts))
    if not law.articles:
        raise OfficialTextError(1, _("no article headings found: is this the official text, and the right language?"))
    return law
