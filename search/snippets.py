"""Snippets of a search result: a passage cut around its first match, the matched words marked.

Matching here follows the index's rules (folding.py, stemming.py): a query word finds a word that
starts with it (an abbreviation, or a short Latin word: only itself, folding.is_whole), or a word with
the same stem in the passage's language. A match is marked as the whole word it is in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .folding import WHOLE_WORD_BELOW, WORD_RE, fold, is_whole
from .stemming import stem

SNIPPET_LENGTH = 220


@dataclass
class Part:
    text: str
    mark: bool = False


def matches(text: str, words: list[str], lang: str) -> Iterator[tuple[int, int]]:
    """Where the words of `text` that a query word finds are, in order: whole words, each (start, end).

    A query word finds a word that starts with it (an abbreviation, or a short Latin word: only
    itself, folding.is_whole), or a word with the same stem in `lang` (stemming.py): the rules of the index.
    """
    whole = tuple(word for word in words if is_whole(word))
    beginnings = tuple(word for word in words if not is_whole(word))
    stems = {stem(word, lang) for word in words if len(word) >= WHOLE_WORD_BELOW}
    for token in WORD_RE.finditer(fold(text)):
        found = token.group()
        if (
            found in whole
            or found.startswith(beginnings)
            or (len(found) >= WHOLE_WORD_BELOW and stem(found, lang) in stems)
        ):
            yield token.span()


def matched_words(text: str, words: list[str], lang: str) -> list[tuple[int, int]]:
    return list(matches(text, words, lang))


def highlight(text: str, words: list[str], lang: str) -> list[Part]:
    """`text` cut into parts, the words a query word finds marked (folded matching)."""
    parts: list[Part] = []
    done = 0
    for start, end in matched_words(text, words, lang):
        if start > done:
            parts.append(Part(text[done:start]))
        if parts and parts[-1].mark and start == done:
            parts[-1].text += text[start:end]
        else:
            parts.append(Part(text[start:end], True))
        done = end
    if done < len(text):
        parts.append(Part(text[done:]))
    return parts


def excerpt(text: str, words: list[str], lang: str, length: int = SNIPPET_LENGTH) -> list[Part]:
    """About `length` characters of `text` around its first match, cut at spaces, highlighted."""
    if len(text) <= length:
        return highlight(text, words, lang)
    first = next((start for start, _end in matches(text, words, lang)), 0)
    start = max(0, first - length // 3)
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    if start > 0:
        space = text.find(" ", start, first) if first > start else -1
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(first, start), end)
        end = space if space > start else end
    parts = highlight(text[start:end], words, lang)
    if start > 0:
        parts.insert(0, Part("… "))
    if end < len(text):
        parts.append(Part(" …"))
    return parts
