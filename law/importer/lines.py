"""Reading a file into lines: one reader per format (plain text here), all giving the same `Line`s.

A reader for another format (a Word file, a saved web page) only has to give the same lines: the
parser, the plan and the apply steps stay as they are.
"""

from __future__ import annotations

from typing import NamedTuple

from .layout import NBSP_AND_FRIENDS


class Line(NamedTuple):
    number: int  # 1-based line number in the file, for error messages
    text: str  # stripped, white space collapsed
    indented: bool


def text_lines(text: str) -> list[Line]:
    """Lines of a plain-text file; BOM, CRLF and non-breaking spaces handled."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    rows = []
    for number, raw in enumerate(text.split("\n"), start=1):
        for char in NBSP_AND_FRIENDS:
            raw = raw.replace(char, " ")
        stripped = raw.strip()
        rows.append(Line(number, " ".join(stripped.split()), raw[:1].isspace()))
    return rows
