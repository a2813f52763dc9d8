"""Lines: what every reader (plain text, Word file, web page) gives the parser.

A reader only has to turn its format into text with one line per paragraph of the official text;
`text_lines` then cleans it the same way for every format: BOM, CRLF, non-breaking spaces, and the
control characters (NUL among them) that PostgreSQL refuses in text columns.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .layout import NBSP_AND_FRIENDS

# C0 controls except tab and line ends, DEL, and the Unicode line and paragraph separators.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SPACES = re.compile(f"[{NBSP_AND_FRIENDS}\u2028\u2029\t]")


class Line(NamedTuple):
    number: int  # 1-based line number in the file, for error messages
    text: str  # stripped, white space collapsed
    # A paragraph of the document, not a wrapped line of the one before: every line of a Word file
    # or a web page; in a plain text, a line after a blank one (or the first).
    starts_block: bool


def text_lines(text: str, *, every_line_a_block: bool = False) -> list[Line]:
    """Lines of a text; BOM, CRLF, non-breaking spaces and control characters handled. A plain
    text may wrap a paragraph over several lines; a reader whose lines are each a paragraph of
    the document (Word, HTML) says so with `every_line_a_block`."""
    text = CONTROL.sub("", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    rows = []
    after_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = " ".join(SPACES.sub(" ", raw).split())
        rows.append(Line(number, stripped, every_line_a_block or after_blank))
        after_blank = not stripped
    return rows
