"""Folding text for search, and reading a visitor's query.

`fold` is the one function that makes text comparable; it is used both when the index is built and
when a query is read. It lower-cases, and turns the Kazakh letters into the letters people type
when their keyboard lacks them (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), and ё into е, so that
"кукык" finds "құқық" and "ребенок" finds "ребёнок". Every character folds to exactly one
character: a position in the folded text is the same position in the original, which is how
snippets are highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LETTER_FOLDS = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"}
)
MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case and fold `text`, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower-case to two characters (İ → i̇): keep those as they are.
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(LETTER_FOLDS)


@dataclass
class Query:
    """A visitor's query, made safe to run: at most MAX_QUERY_LENGTH characters, MAX_WORDS words."""

    text: str = ""  # what the visitor typed, trimmed (shown back in the search box)
    words: list[str] = field(default_factory=list)  # folded, distinct
    shortened: bool = False  # the text was longer than MAX_QUERY_LENGTH
    too_many_words: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def has_no_words(self) -> bool:
        """Typed something, but only punctuation or symbols."""
        return bool(self.text) and not self.words


def parse_query(raw: str | None) -> Query:
    # Control characters (a NUL from a crafted link) are no part of any word, nor worth echoing.
    text = " ".join("".join(c if c.isprintable() else " " for c in raw or "").split())
    shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    # Underscore counts as a word character in regular expressions, not in people's words.
    words = list(dict.fromkeys(w for w in WORD_RE.findall(fold(text).replace("_", " "))))
    return Query(text, words[:MAX_WORDS], shortened, len(words) > MAX_WORDS)
