"""Widening a query with the law's own words: the words people type are not always the law's.

A visitor types «маркировка», "deepfake" or «жеке деректер»; the law says «маркировать»,
"synthetic results" and «дербес деректер». Two lists say which words mean which:

- the glossary: each term's "also called" names lead to the term's own name (of every edition);
- the everyday words for search (EverydayWord, content/search-words/): words people type, each
  leading to the law's words it means, kept by editors in kk, ru and en.

A query is read as groups (`Group`), one per word, or one per phrase of a list ("opt out",
«3 рабочих дня»): a passage matches a group when it has the words the visitor typed, or all the
words of one of the law's phrases the group leads to. Every group must match, as every word must
without synonyms. A passage found only through the law's words ranks a little lower than one with
the visitor's own (query.WIDENED).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editorial.languages import LANGUAGE_CODES as LANGS
from editorial.languages import text_in

from .folding import WHOLE_WORD_BELOW, WORD_RE, fold
from .stemming import stem

Phrase = tuple[str, ...]  # folded words


@dataclass
class Group:
    """One word or phrase of the query, and the law's phrases it also finds."""

    typed: Phrase
    widened: list[Phrase] = field(default_factory=list)

    @property
    def phrases(self) -> list[Phrase]:
        return [self.typed, *self.widened]

    @property
    def words(self) -> list[str]:
        """Every word a match of this group may show (for highlighting)."""
        return list(dict.fromkeys(word for phrase in self.phrases for word in phrase))


@dataclass
class Lead:
    """A phrase people type, in one language, and the phrases of the law it leads to."""

    lang: str
    typed: Phrase
    finds: list[Phrase]


def phrase(text: str) -> Phrase:
    return tuple(WORD_RE.findall(fold(text)))


PARENTHESES_RE = re.compile(r"\(([^)]*)\)")


def term_names(name: str) -> list[str]:
    """A glossary term's name and, apart, what it gives in parentheses: "monthly calculation index
    (MCI)" is "monthly calculation index" and "MCI"."""
    inside = PARENTHESES_RE.findall(name)
    return [n for n in (PARENTHESES_RE.sub(" ", name).strip(), *inside) if n.strip()]


def leads() -> list[Lead]:
    """Every lead of the glossaries and of the everyday words (two queries)."""
    from law.models import EverydayWord, GlossaryTerm

    found = []
    for term in GlossaryTerm.objects.exclude(**{f"also_called_{code}": "" for code in LANGS}).only(
        *[f"{name}_{code}" for name in ("name", "also_called") for code in LANGS]
    ):
        for lang in LANGS:
            names = [phrase(n) for n in term_names(text_in(term, "name", lang))]
            for typed in term.also_called_in(lang):
                found.append(Lead(lang, phrase(typed), [n for n in names if n]))
    for word in EverydayWord.objects.all():
        for lang in LANGS:
            finds = [phrase(line) for line in word.lines("finds", lang)]
            for typed in word.lines("typed", lang):
                found.append(Lead(lang, phrase(typed), [f for f in finds if f]))
    return [lead for lead in found if lead.typed and lead.finds]


def same_word(query_word: str, listed: str, lang: str) -> bool:
    """A word of the query is a word of a list when it is that word, or a form of it in the list's
    language («маркировку» is «маркировка»)."""
    if query_word == listed:
        return True
    return min(len(query_word), len(listed)) >= WHOLE_WORD_BELOW + 2 and stem(query_word, lang) == stem(listed, lang)


def starts_at(words: list[str], start: int, lead: Lead) -> bool:
    typed = lead.typed
    return len(words) - start >= len(typed) and all(
        same_word(words[start + i], typed[i], lead.lang) for i in range(len(typed))
    )


def groups(words: list[str], known: list[Lead]) -> list[Group]:
    """The query's words as groups: the longest phrase of a list at each place, else the word alone."""
    found = []
    start = 0
    while start < len(words):
        matching = [lead for lead in known if starts_at(words, start, lead)]
        length = max((len(lead.typed) for lead in matching), default=1)
        typed = tuple(words[start : start + length])
        widened = []
        for lead in matching:
            if len(lead.typed) == length:
                widened += [p for p in lead.finds if p != typed and p not in widened]
        found.append(Group(typed, widened))
        start += length
    return found
