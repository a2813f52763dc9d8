"""How the law numbers things: articles ('7', inserted '7-1') and paragraph labels ('3', '3-2').

A label is the same in every language; it keys paragraphs, anchors (#p-3-2), rights and duties,
the side-by-side view and the importer.
"""

import re

NUMBER_RE = re.compile(r"^\d+(?:-\d+)*$")


def number_key(number: str) -> tuple[int, ...]:
    """'7-1' → (7, 1): inserted articles and subparagraphs sort after their parent."""
    return tuple(int(part) for part in number.split("-"))


def paragraph_display_label(label: str) -> str:
    """'3' → '3.', '3-2' → '2)': the way official texts number paragraphs and subparagraphs."""
    if "-" in label:
        return f"{label.rsplit('-', 1)[1]})"
    if label == "0":
        return ""  # text under the article heading before any numbered paragraph
    return f"{label}."
