"""Compare a parsed text with what is stored: the changes an import would make (its preview)."""

from __future__ import annotations

from dataclasses import dataclass

from .parse import ParsedLaw


@dataclass
class Change:
    kind: str  # "added", "changed", "removed"
    what: str  # "article", "paragraph", "chapter", "notes" (the legal database's notes: not law)
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
    for number, title in law.chapters.items():
        chapter = stored_chapters.get(number)
        if chapter is None:
            changes.append(Change("added", "chapter", "", number, after=title))
        elif getattr(chapter, f"title_{lang}") != title:
            changes.append(Change("changed", "chapter", "", number, getattr(chapter, f"title_{lang}"), title))
    incoming = {a.number for a in law.articles}
    act_notes, stored_notes = "\n\n".join(law.notes), getattr(edition, f"official_notes_{lang}") or ""
    if stored_notes != act_notes:
        notes_changes.append(Change("changed", "notes", "", "", stored_notes, act_notes))
    for parsed in law.articles:
        article = stored.get(parsed.number)
        notes = "\n\n".join(parsed.notes)
        stored_notes = getattr(article, f"official_notes_{lang}", "") or "" if article else ""
        if article is not None and stored_notes != notes:
            notes_changes.append(Change("changed", "notes", parsed.number, "", stored_notes, notes))
        if article is None or not has_text(article, lang):
            changes.append(Change("added", "article", parsed.number, after=parsed.title))
        elif (getattr(article, f"official_title_{lang}") or "") != parsed.title:
            title = getattr(article, f"official_title_{lang}") or ""
            changes.append(Change("changed", "article", parsed.number, before=title, after=parsed.title))
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
    return Plan(edition, law, changes + notes_changes)


def has_text(article, lang: str) -> bool:
    """The article is in the stored official text of this language: a title or any paragraph (an
    article "excluded" by an amendment keeps its heading and loses its paragraphs)."""
    return bool(getattr(article, f"official_title_{lang}")) or any(
        getattr(p, f"official_text_{lang}") for p in article.paragraphs.all()
    )
