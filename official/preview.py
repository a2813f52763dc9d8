"""What an editor sees before confirming an import (the admin's preview), in the editor's language:
counts at the top, what would be removed or replaced set apart as a warning, signs that the file is
part of the law or another edition, and each change with its words (a word-by-word difference for a
changed text).

Nothing here touches the database: it describes an importer.Plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from editorial.languages import LANGUAGE_NAMES
from editorial.worddiff import word_diff_html

from .importer import Change, Plan

WHATS = ("article", "paragraph", "chapter", "notes")
KINDS = ("added", "changed", "removed")


def change_label(change: Change) -> str:
    """ "Article added", "Paragraph changed", "Chapter title replaced"… (one literal each, for the catalogue)."""
    labels = {
        ("added", "article"): pgettext("official text import", "Article added"),
        ("changed", "article"): pgettext("official text import", "Article title changed"),
        ("removed", "article"): pgettext("official text import", "Article removed"),
        ("added", "paragraph"): pgettext("official text import", "Paragraph added"),
        ("changed", "paragraph"): pgettext("official text import", "Paragraph changed"),
        ("removed", "paragraph"): pgettext("official text import", "Paragraph removed"),
        ("added", "chapter"): pgettext("official text import", "Chapter added"),
        ("changed", "chapter"): pgettext("official text import", "Chapter title replaced"),
        ("removed", "chapter"): pgettext("official text import", "Chapter removed"),
        ("added", "notes"): pgettext("official text import", "Notes added"),
        ("changed", "notes"): pgettext("official text import", "Notes changed"),
        ("removed", "notes"): pgettext("official text import", "Notes removed"),
    }
    return labels.get((change.kind, change.what), f"{change.kind} {change.what}")


def where(change: Change) -> str:
    if change.what == "chapter":
        return _("chapter %(number)s") % {"number": change.label}
    if change.what == "notes":
        if change.article:
            return _("the legal database's notes on article %(number)s (not part of the law)") % {
                "number": change.article
            }
        return _("the legal database's notes on the law (not part of the law)")
    if change.what == "paragraph":
        return _("article %(number)s, paragraph %(label)s") % {"number": change.article, "label": change.label}
    return _("article %(number)s") % {"number": change.article}


@dataclass
class Row:
    change: Change
    label: str
    where: str

    @property
    def diff(self):
        """A changed text, word by word: removed words in <del>, added ones in <ins>."""
        return word_diff_html(self.change.before, self.change.after)


@dataclass
class Count:
    what: str
    name: str
    added: int
    changed: int
    removed: int


def counts(import_plan: Plan) -> list[Count]:
    names = {
        "article": pgettext("official text import", "Articles"),
        "paragraph": pgettext("official text import", "Paragraphs"),
        "chapter": pgettext("official text import", "Chapters"),
        "notes": pgettext("official text import", "Notes of the legal database"),
    }
    return [Count(what, names[what], *(import_plan.count(kind, what) for kind in KINDS)) for what in WHATS]


def totals(import_plan: Plan) -> str:
    """ "5 added, 2 changed, 3 removed": every change, the notes included."""
    added, changed, removed = (sum(1 for c in import_plan.changes if c.kind == kind) for kind in KINDS)
    return _("%(added)s added, %(changed)s changed, %(removed)s removed") % {
        "added": added,
        "changed": changed,
        "removed": removed,
    }


def mismatch_reasons(import_plan: Plan) -> list[str]:
    reasons = []
    for mismatch in import_plan.mismatches():
        numbers = {"count": mismatch.count, "total": mismatch.total}
        if mismatch.what == "article-removed":
            reasons.append(_("Articles stored in this language: %(total)s; not in the file: %(count)s.") % numbers)
        elif mismatch.what == "cut-off":
            reasons.append(
                _(
                    "The file seems cut off: it does not end with the law's signature block, or its last "
                    "article stops in the middle of a sentence."
                )
            )
        elif mismatch.what == "chapter-title":
            reasons.append(_("Chapter titles compared: %(total)s; different in the file: %(count)s.") % numbers)
        else:
            reasons.append(_("Article titles compared: %(total)s; different in the file: %(count)s.") % numbers)
    return reasons


@dataclass
class Removals:
    articles: list[Row]
    paragraphs: list[Row]
    chapters: list[Row]

    def __bool__(self):
        return bool(self.articles or self.paragraphs or self.chapters)

    @property
    def articles_heading(self) -> str:
        count = len(self.articles)
        return ngettext(
            "%(count)s article will be removed from the official text:",
            "%(count)s articles will be removed from the official text:",
            count,
        ) % {"count": count}

    @property
    def paragraphs_heading(self) -> str:
        count = len(self.paragraphs)
        return ngettext(
            "%(count)s paragraph will be removed from the official text:",
            "%(count)s paragraphs will be removed from the official text:",
            count,
        ) % {"count": count}

    @property
    def chapters_heading(self) -> str:
        count = len(self.chapters)
        return ngettext(
            "%(count)s chapter title will be replaced:", "%(count)s chapter titles will be replaced:", count
        ) % {"count": count}

    @property
    def understood(self) -> list[str]:
        """What the box an editor ticks to confirm them says, sentence by sentence."""
        sentences = []
        listed = []
        if self.articles:
            count = len(self.articles)
            listed.append(ngettext("%(count)s article", "%(count)s articles", count) % {"count": count})
        if self.paragraphs:
            count = len(self.paragraphs)
            listed.append(ngettext("%(count)s paragraph", "%(count)s paragraphs", count) % {"count": count})
        if listed:
            sentences.append(
                _("I understand that these will be removed from the official text: %(list)s.")
                % {"list": ", ".join(listed)}
            )
        if self.chapters:
            count = len(self.chapters)
            sentences.append(
                ngettext(
                    "I understand that %(count)s chapter title will be replaced.",
                    "I understand that %(count)s chapter titles will be replaced.",
                    count,
                )
                % {"count": count}
            )
        return sentences


@dataclass
class Preview:
    plan: Plan
    rows: list[Row]
    counts: list[Count]
    totals: str
    removals: Removals
    mismatch: list[str]
    headline: str

    @property
    def needs_tick(self) -> bool:
        """Confirming takes a ticked box when the import removes or replaces text, or when the file
        does not look like this edition's whole text (the admin checks the same on confirmation)."""
        return bool(self.removals or self.mismatch)

    @property
    def understood(self) -> str:
        sentences = self.removals.understood
        if self.mismatch:
            sentences.append(_("I have checked that this file is the whole text of this edition."))
        return " ".join(sentences)


def describe(import_plan: Plan) -> Preview:
    rows = [Row(change, change_label(change), where(change)) for change in import_plan.changes]
    removed = {id(change) for change in import_plan.removals}
    removal_rows = [row for row in rows if id(row.change) in removed]
    count = len(import_plan.law.articles)
    lang = import_plan.law.lang
    return Preview(
        plan=import_plan,
        rows=rows,
        counts=counts(import_plan),
        totals=totals(import_plan),
        removals=Removals(
            articles=[row for row in removal_rows if row.change.what == "article"],
            paragraphs=[row for row in removal_rows if row.change.what == "paragraph"],
            chapters=[row for row in removal_rows if row.change.what == "chapter"],
        ),
        mismatch=mismatch_reasons(import_plan),
        headline=ngettext(
            "The file has %(count)s article (language: %(language)s).",
            "The file has %(count)s articles (language: %(language)s).",
            count,
        )
        % {"count": count, "language": LANGUAGE_NAMES.get(lang, lang)},
    )
