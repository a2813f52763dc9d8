"""Compare a parsed text with what is stored: the changes an import would make (its preview)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .parse import ParsedLaw


@dataclass
class Change:
    kind: str  # "added", "changed", "removed"
    what: str  # "article", "paragraph", "chapter", "notes" (the legal database's notes: not law)
    article: str
    label: str = ""
    before: str = ""
    after: str = ""

    def __post_init__(self):
        # A text column never written holds NULL (a language added after the record): no text.
        self.before, self.after = self.before or "", self.after or ""


@dataclass
class Compared:
    """What the file was compared against, for telling a wrong file from an amendment: stored
    articles with text in the file's language, and titles stored in it for chapters and articles
    that the file has too (with how many of those differ in more than letter case)."""

    stored_articles: int = 0
    chapter_titles: int = 0
    chapter_titles_differ: int = 0
    article_titles: int = 0
    article_titles_differ: int = 0


@dataclass
class Mismatch:
    """One sign that the file is not this edition's whole text: `count` of `total` differ."""

    what: str  # "article-removed", "chapter-title", "article-title" or "cut-off" (no signature, or mid-sentence)
    count: int
    total: int


@dataclass
class Plan:
    edition: object
    law: ParsedLaw
    changes: list[Change]
    compared: Compared = field(default_factory=Compared)

    def count(self, kind, what):
        return sum(1 for c in self.changes if c.kind == kind and c.what == what)

    @property
    def removals(self) -> list[Change]:
        """What the import takes away from the site's official text: articles and paragraphs
        removed, chapter titles replaced (the editor confirms these one by one)."""
        return [
            c
            for c in self.changes
            if (c.kind == "removed" and c.what in ("article", "paragraph"))
            or (c.kind == "changed" and c.what == "chapter")
        ]

    def mismatches(self) -> list[Mismatch]:
        """Signs that the file is part of the law or another edition's text: most stored articles
        missing from it, or most titles it shares with the stored text different."""
        compared = self.compared
        found = [
            Mismatch("article-removed", self.count("removed", "article"), compared.stored_articles),
            Mismatch("chapter-title", compared.chapter_titles_differ, compared.chapter_titles),
            Mismatch("article-title", compared.article_titles_differ, compared.article_titles),
        ]
        # Half or more: an amendment removes an article or renames a chapter now and then, never half.
        found = [m for m in found if m.count and m.count * 2 >= m.total]
        if self.law.cut_off():
            found.append(Mismatch("cut-off", 1, 1))
        return found

    @property
    def fingerprint(self) -> str:
        """The same for the same changes: a confirmation is for what its preview showed."""
        digest = hashlib.sha256()
        for c in self.changes:
            digest.update("\x1f".join((c.kind, c.what, c.article, c.label, c.before, c.after)).encode())
            digest.update(b"\x1e")
        return digest.hexdigest()[:32]

    def describe(self) -> list[str]:
        """Lines for a command's output: a summary, then each change."""
        lines = [
            f"{count} {what if what == 'notes' else what + '(s)'} {kind}"
            for (kind, what), count in self.summary.items()
            if count
        ]
        for change in self.changes:
            where = f"article {change.article}" if change.article else "the act"
            if change.what == "paragraph":
                where += f" paragraph {change.label}"
            elif change.what == "chapter":
                where = f"chapter {change.label}"
            elif change.what == "notes":
                where = f"the notes on {where}"
            lines.append(f"  {change.kind:8} {where}")
        for mismatch in self.mismatches():
            lines.append(
                f"Warning: this file looks like part of the law or another edition "
                f"({mismatch.count} of {mismatch.total}: {mismatch.what})."
            )
        return lines or ["No changes: the stored text is the same."]

    @property
    def summary(self):
        return {
            (kind, what): self.count(kind, what)
            for kind in ("added", "changed", "removed")
            for what in ("chapter", "article", "paragraph", "notes")
        }


def plan(edition, law: ParsedLaw) -> Plan:
    """What an import would change in this edition, for this language, compared with what is stored."""
    from law.models import Article

    lang = law.lang
    stored = {
        a.number: a for a in Article.objects.filter(edition=edition).prefetch_related("paragraphs").select_related()
    }
    stored_chapters = {c.number: c for c in edition.chapters.all() if c.number}
    changes: list[Change] = []
    notes_changes: list[Change] = []  # the database's notes, listed after the law's own text
    compared = Compared(stored_articles=sum(1 for a in stored.values() if has_text(a, lang)))
    for number, title in law.chapters.items():
        chapter = stored_chapters.get(number)
        stored_title = getattr(chapter, f"title_{lang}") or "" if chapter else ""
        if chapter is None:
            changes.append(Change("added", "chapter", "", number, after=title))
        elif not same_title(stored_title, title):
            # Only a change of words: the site writes "Общие положения" where the law has capitals.
            changes.append(Change("changed", "chapter", "", number, stored_title, title))
        if stored_title:
            compared.chapter_titles += 1
            compared.chapter_titles_differ += not same_title(stored_title, title)
    incoming = {a.number for a in law.articles}
    notes_change(notes_changes, "", getattr(edition, f"official_notes_{lang}") or "", "\n\n".join(law.notes))
    for parsed in law.articles:
        article = stored.get(parsed.number)
        stored_notes = getattr(article, f"official_notes_{lang}", "") or "" if article else ""
        notes_change(notes_changes, parsed.number, stored_notes, "\n\n".join(parsed.notes))
        title = getattr(article, f"official_title_{lang}") or "" if article else ""
        if article is None or not has_text(article, lang):
            changes.append(Change("added", "article", parsed.number, after=parsed.title))
        elif title != parsed.title:
            changes.append(Change("changed", "article", parsed.number, before=title, after=parsed.title))
        if title and has_text(article, lang):
            compared.article_titles += 1
            compared.article_titles_differ += not same_title(title, parsed.title)
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
        if number not in incoming and has_text(article, lang):
            changes.append(Change("removed", "article", number, before=getattr(article, f"official_title_{lang}")))
    return Plan(edition, law, changes + notes_changes, compared)


def notes_change(changes: list[Change], article: str, before: str, after: str) -> None:
    """The legal database's notes on the act ("") or an article: added, changed or removed. They are
    listed too, so that an editor sees what is kept apart from the law's text."""
    if before != after:
        kind = "added" if not before else "removed" if not after else "changed"
        changes.append(Change(kind, "notes", article, "", before, after))


def same_title(a: str, b: str) -> bool:
    """The same title, whatever its letter case and spacing ("ОБЩИЕ ПОЛОЖЕНИЯ", "Общие положения")."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def has_text(article, lang: str) -> bool:
    """The article is in the stored official text of this language: a title or any paragraph (an
    article "excluded" by an amendment keeps its heading and loses its paragraphs)."""
    return bool(getattr(article, f"official_title_{lang}")) or any(
        getattr(p, f"official_text_{lang}") for p in article.paragraphs.all()
    )
