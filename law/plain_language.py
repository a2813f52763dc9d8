"""Measures of plain language, shared by the content tests and the editors' translation status page.

What counts as a sentence (the prose a reader has to hold in mind at once):

- Text is read as Markdown blocks. Lines of one paragraph are joined (a line break inside a paragraph
  is a space to the reader), and a paragraph is split into sentences at '.', '!', '?' or '…' followed
  by a space. Abbreviations like "No.", "e.g.", "ст." and numbers like "3.2" do not end a sentence.
- Headings and table rows are not sentences.
- A list item usually finishes the sentence that leads into the list ("The principles are:" /
  "- legality;"). Such fragments are not sentences, and neither is the lead-in ending with ':' just
  before a list: counting "legality;" as a one-word sentence made lists look plainer than they read.
  Inside a list item, a sentence counts only when it is a full one: it starts with a capital letter
  and ends with '.', '!', '?' or '…' ("- The owner keeps the records." or the second sentence of
  "- high risk: a failure may cause harm. Or it may …").
- A word is a run of letters or digits (hyphenated words count once).

`PLAIN_LANGUAGE_BAR` gives, per language, the most words a sentence should have. The content tests
hold each article's average to it, and editors see every sentence over it (`long_sentences`).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# The most words a sentence should have, per language (a sentence over it is shown to editors).
# English: 20, the usual plain-language ceiling for one sentence (GOV.UK and the Plain English
# Campaign advise sentences of 15 to 20 words on average, rarely more than 25).
# Russian and Kazakh say the same thing in fewer words: Russian has no articles and uses case endings
# where English uses prepositions; Kazakh is agglutinative, so suffixes carry what English writes as
# separate words. How many fewer is measured on our own parallel texts (every article of content/,
# 2026-11-29): Russian uses 0.88 and Kazakh 0.83 of the English words in total (0.86 and 0.78 per
# sentence). So the bars are 20 × 0.88 ≈ 18 and 20 × 0.83 ≈ 16: one standard of plainness, counted in
# each language's words. With them, each language has about as many sentences over the bar (en 42,
# ru 37, kk 57 of about 1,000 each); a guessed kk bar of 13 would flag 166 Kazakh sentences that say
# no more than the English ones. Measure again (words per sentence of each language over content/)
# when the texts change much.
PLAIN_LANGUAGE_BAR: dict[str, int] = {"kk": 16, "ru": 18, "en": 20}

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"[*_`>#|]+")
HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
TABLE_ROW = re.compile(r"^\s*\|")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^(\s*)(?:[-+*]|\d+[.)])\s+")
QUOTE_MARK = re.compile(r"^\s{0,3}>\s?")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
LETTER = re.compile(r"[^\W\d_]")
# Short forms that end with a dot but not a sentence, in the three languages (compared in lower case).
ABBREVIATIONS = frozenset(
    [
        "no.",
        "nos.",
        "art.",
        "arts.",
        "para.",
        "paras.",
        "e.g.",
        "i.e.",
        "etc.",
        "vs.",
        "cf.",
        "ст.",
        "см.",
        "п.",
        "пп.",
        "т.е.",
        "т.д.",
        "т.п.",
        "др.",
        "г.",
        "гг.",
        "жж.",
        "ж.",
        "б.",
        "т.б.",
        "бап.",
    ]
)
SHORT_FORM = re.compile(r"(?<![^\W_])(?:[^\W\d_]{1,5}\.)+")  # "Art.", "e.g.", "т.е.": candidates only
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+")
FULL_STOP = re.compile(r"[.!?…][\"»”)]*$")
HIDDEN_DOT = "\u2024"  # stands in for a dot that does not end a sentence, while splitting


class LongSentence(NamedTuple):
    text: str
    words: int


class Block(NamedTuple):
    kind: str  # "prose", "item" (a list item) or "lead-in" (prose just before a list)
    text: str


def markdown_to_text(markdown_text: str) -> str:
    """Inline Markdown reduced to its words: links to their text, emphasis and quote marks dropped."""
    text = MARKDOWN_LINK.sub(r"\1", markdown_text or "")
    return MARKDOWN_MARKS.sub("", text)


def blocks(markdown_text: str) -> list[Block]:
    """The text's paragraphs and list items, each with its lines joined; headings, tables and code left out."""
    found: list[list] = []  # [kind, lines]
    current = None
    in_code = False
    for raw in (markdown_text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if FENCE.match(raw):
            in_code, current = not in_code, None
            continue
        line = QUOTE_MARK.sub("", raw)
        if in_code or not line.strip() or HEADING.match(line) or TABLE_ROW.match(line):
            current = None
            continue
        item = LIST_ITEM.match(line)
        if item:
            current = ["item", [line[item.end() :]]]
            found.append(current)
        elif current is not None:
            current[1].append(line)  # a wrapped line, or an item's continuation
        else:
            current = ["prose", [line]]
            found.append(current)
    result = []
    for position, (kind, lines) in enumerate(found):
        text = " ".join(part.strip() for part in lines)
        followed_by_list = position + 1 < len(found) and found[position + 1][0] == "item"
        if kind == "prose" and followed_by_list:
            kind = "lead-in"
        result.append(Block(kind, text))
    return result


def split_sentences(text: str) -> list[str]:
    """One block of plain text split at sentence ends (abbreviations and decimal numbers kept whole)."""
    text = SHORT_FORM.sub(hide_abbreviation_dots, text)
    text = re.sub(r"(\d)\.(\d)", "\\1" + HIDDEN_DOT + "\\2", text)
    parts = (part.strip().replace(HIDDEN_DOT, ".") for part in SENTENCE_END.split(text))
    return [part for part in parts if WORD.search(part)]


def hide_abbreviation_dots(match) -> str:
    found = match.group(0)
    return found.replace(".", HIDDEN_DOT) if found.lower() in ABBREVIATIONS else found


def is_full_sentence(sentence: str) -> bool:
    letter = LETTER.search(sentence)
    return bool(letter and letter.group(0).isupper() and FULL_STOP.search(sentence))


def sentences(markdown_text: str) -> list[str]:
    """The prose sentences of a Markdown text (see the module's description of what counts)."""
    return list(cached_sentences(markdown_text or ""))


@functools.lru_cache(maxsize=4096)
def cached_sentences(markdown_text: str) -> tuple[str, ...]:
    """Texts change seldom and the status page measures all of an edition's on every view."""
    found = []
    for block in blocks(markdown_text):
        parts = split_sentences(markdown_to_text(block.text))
        if block.kind == "item":
            parts = [part for part in parts if is_full_sentence(part)]
        elif block.kind == "lead-in" and parts and parts[-1].endswith(":"):
            parts = parts[:-1]
        found += parts
    return tuple(found)


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def average_sentence_length(*texts: str) -> float:
    """Average words per sentence over all the texts; 0.0 when there is no text."""
    found = [s for text in texts for s in sentences(text)]
    if not found:
        return 0.0
    return sum(len(words(s)) for s in found) / len(found)


def long_sentences(text: str, bar: float) -> list[LongSentence]:
    """The sentences of a Markdown text with more than `bar` words, each with its word count, in order."""
    counted = (LongSentence(sentence, len(words(sentence))) for sentence in sentences(text))
    return [sentence for sentence in counted if sentence.words > bar]
