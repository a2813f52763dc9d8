"""Folding text for search, and reading a visitor's query.

`fold` is the one function that makes text comparable; it is used both when the index is built and
when a query is read. It lower-cases, and turns the Kazakh letters into the letters people type
when their keyboard lacks them (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), and ё into е, so that
"кукык" finds "құқық" and "ребенок" finds "ребёнок". Every character folds to exactly one
character: a position in the folded text is the same position in the original, which is how
snippets are highlighted.

Matching is by words, not by strings: a query word finds the words that start with it ("систем"
finds "система", "кукык" finds "құқықтары"), never a piece from inside a word ("ИИ" does not find
"информации", "ai" does not find "explain"). A word shorter than WHOLE_WORD_BELOW letters ("ИИ",
"AI", "ЖИ", "7") is an abbreviation or a number and finds only itself as a whole word, so "ЖИ"
does not find "жинағы" either; so is a Latin word of up to WHOLE_LATIN_UP_TO letters ("app" does not
find "apply"); abbreviations take their endings after a hyphen ("ЖИ-ге",
"ИИ-системы"), which splits words, so those are still found. The index stores each text as
`index_form` (its folded words between spaces), which a plain `LIKE '% word%'` can match on
SQLite and PostgreSQL alike. A word also finds its other forms by their stem (stemming.py), and a
match is highlighted as the whole word it is in (query.matched_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LETTER_FOLDS = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"}
)
MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
WHOLE_WORD_BELOW = 3
# A word in Latin letters this short ("app", "law") is whole too: English words are short, and
# "app" must not find "apply" or "approves". Cyrillic words of three letters still begin longer
# ones («суд» finds «суда»), as Kazakh and Russian add endings.
WHOLE_LATIN_UP_TO = 3
# Letters and digits. Underscore counts as a word character in regular expressions, not in people's
# words (nor may it reach a LIKE as a wildcard).
WORD_RE = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case and fold `text`, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower-case to two characters (İ → i̇): keep those as they are.
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(LETTER_FOLDS)


def index_form(text: str) -> str:
    """`text` as the index stores it for matching: its folded words, each after a space, and one
    space at the end (" Құқық, data!" → " кукык data ")."""
    return " " + "".join(word + " " for word in WORD_RE.findall(fold(text)))


def is_whole(word: str) -> bool:
    """A query word that finds only itself: an abbreviation or number, or a short Latin word."""
    return len(word) < WHOLE_WORD_BELOW or (len(word) <= WHOLE_LATIN_UP_TO and word.isascii() and word.isalpha())


def needle(word: str) -> str:
    """What `index_form` text contains when a query word (folded) matches one of its words."""
    return f" {word} " if is_whole(word) else f" {word}"


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
    words = list(dict.fromkeys(WORD_RE.findall(fold(text))))
    return Query(text, words[:MAX_WORDS], shortened, len(words) > MAX_WORDS)
