"""Measures of plain language, shared by the content tests and the editors' translation status page.

A sentence ends at '.', '!' or '?' followed by a space or the end of the text, or at the end of a
line, list item or heading; a word is a run of letters or digits (hyphenated words count once).
Abbreviations like "No." and "e.g." and numbers like "3.2" do not end a sentence.
"""

import re

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"[*_`>#|]+")
LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+", re.MULTILINE)
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Short forms that end with a dot but not a sentence, in the three languages.
ABBREVIATIONS = re.compile(
    r"\b(?:No|Nos|Art|Arts|para|paras|e\.g|i\.e|etc|vs|cf|ст|п|пп|т\.е|т\.д|т\.п|др|г|гг|жж|ж|б|т\.б|бап)\.",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+|\n+")


def markdown_to_text(markdown_text: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", markdown_text or "")
    text = LIST_MARK.sub("", text)
    text = MARKDOWN_MARKS.sub("", text)
    return text


def sentences(markdown_text: str) -> list[str]:
    text = markdown_to_text(markdown_text)
    text = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    text = re.sub(r"(\d)\.(\d)", "\\1\u2024\\2", text)
    parts = (part.strip() for part in SENTENCE_END.split(text))
    return [part for part in parts if WORD.search(part)]


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def average_sentence_length(*texts: str) -> float:
    """Average words per sentence over all the texts; 0.0 when there is no text."""
    found = [s for text in texts for s in sentences(text)]
    if not found:
        return 0.0
    return sum(len(words(s)) for s in found) / len(found)


PLAIN_LANGUAGE_BAR = 15.0
