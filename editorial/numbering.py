"""How the law numbers things: articles ('7', inserted '7-1') and paragraph labels ('3', '3-2').

A label is the same in every language; it keys paragraphs, anchors (#p-3-2), rights and duties,
the side-by-side view and the importer.

Some paragraphs go on after their subparagraphs, unnumbered: Article 17(1) of Law No. 230-VIII lists
three risk levels, then says who classifies and under which rules. That closing part is still
paragraph 1 (a lawyer cites it as "part two of paragraph 1"), shown after the subparagraphs: its
label is the paragraph's with "-after" ('1-after'), it sorts after '1-3' and before '2', and it is
cited and shown as paragraph 1.
"""

import re

NUMBER_RE = re.compile(r"^\d+(?:-\d+)*$")
AFTER = "after"
LABEL_RE = re.compile(rf"^\d{{1,4}}(?:-\d{{1,4}}){{0,3}}(?:-{AFTER})?$")
# Sorts after any subparagraph (labels hold at most four digits per part).
AFTER_KEY = 10**5


def number_key(number: str) -> tuple[int, ...]:
    """'7-1' → (7, 1): inserted articles and subparagraphs sort after their parent; '1-after'
    sorts after every subparagraph of paragraph 1."""
    return tuple(AFTER_KEY if part == AFTER else int(part) for part in number.split("-"))


def after_subparagraphs(label: str) -> str:
    """'1' → '1-after': the label of a paragraph's part that follows its subparagraphs."""
    return f"{label}-{AFTER}"


def continued(label: str) -> str | None:
    """'1-after' → '1'; None for any other label."""
    suffix = f"-{AFTER}"
    return label[: -len(suffix)] if label.endswith(suffix) else None


def is_subparagraph(label: str) -> bool:
    return "-" in (continued(label) or label)


def paragraph_display_label(label: str) -> str:
    """'3' → '3.', '3-2' → '2)': the way official texts number paragraphs and subparagraphs; a
    paragraph's part after its subparagraphs is unnumbered, as in the law."""
    if continued(label) is not None:
        return ""
    if "-" in label:
        return f"{label.rsplit('-', 1)[1]})"
    if label == "0":
        return ""  # text under the article heading before any numbered paragraph
    return f"{label}."
