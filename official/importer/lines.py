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
    indented: bool


def text_lines(text: str) -> list[Line]:
    """Lines of a text; BOM, CRLF, non-breaking spaces and control characters handled."""
    text = CONTROL.sub("", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    rows = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = SPACES.sub(" ", raw)
        rows.append(Line(number, " ".join(raw.split()), raw[:1].isspace()))
    return rows
