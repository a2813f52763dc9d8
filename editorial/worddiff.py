"""Word-by-word differences between two texts, for editors: what changed in a source, in history,
or in a draft waiting for review.

Texts are compared as readers see them: line ends normalised (a browser sends CRLF, files hold LF).
"""

from __future__ import annotations

import difflib
import re

from django.utils.html import format_html, format_html_join

TOKEN = re.compile(r"\s+|[^\s]+")


def normalise(text: str | None) -> str:
    """The text as readers see it: CRLF and CR become LF, trailing spaces on lines go, no outer blank lines."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def same_text(a: str | None, b: str | None) -> bool:
    return normalise(a) == normalise(b)


def word_diff(old: str | None, new: str | None) -> list[tuple[str, str]]:
    """[(op, text)] with op "same", "removed" or "added"; white space rides with the words around it."""
    a, b = TOKEN.findall(normalise(old)), TOKEN.findall(normalise(new))
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("removed", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(("added", "".join(b[j1:j2])))
    return parts


def word_diff_html(old: str | None, new: str | None):
    """The difference as HTML: removed words in <del>, added words in <ins>, the rest as it is (escaped)."""
    tags = {"same": "{}", "removed": "<del>{}</del>", "added": "<ins>{}</ins>"}
    return format_html_join("", "{}", ((format_html(tags[op], text),) for op, text in word_diff(old, new)))
