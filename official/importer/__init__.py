"""Importing the official text of a law, as Adilet publishes it (a Word file, a web page, or plain
text), into articles and paragraphs with labels that are the same in every language ("3",
subparagraph "3-2").

The layout it understands is described in shared/law-facts.md: chapter and article headings in
kk, ru or en; paragraphs "1. ", subparagraphs "1) "; the database's own notes, tables of contents,
the "Unofficial translation" line and the signature block, which are not law and are kept apart.

`read` turns a file's bytes into lines, whatever its format. `parse` never touches the database.
`plan` compares a parsed text with what is stored and says what would change. `apply` writes it
in one transaction and marks explanations for review where the official text they explain has
changed.

Modules: `layout` (the headings and notes per language, Adilet's page), `readers` (a file → lines:
one reader per format), `lines` (the cleaning every reader shares), `parse` (lines → ParsedLaw),
`plan` (what would change, and what looks like a wrong file), `apply` (write it and record the
version, see official.versions; new articles start as drafts), `review` (the note it leaves on an
article to review), `errors` (the one error, with its line). The admin's preview of a plan is
official.preview.
"""

from .apply import Source, apply
from .errors import OfficialTextError
from .lines import Line, text_lines
from .parse import ParsedArticle, ParsedLaw, ParsedParagraph, parse
from .plan import Change, Plan, plan
from .readers import Document, read

__all__ = [
    "Change",
    "Document",
    "Line",
    "OfficialTextError",
    "ParsedArticle",
    "ParsedLaw",
    "ParsedParagraph",
    "Plan",
    "Source",
    "apply",
    "parse",
    "plan",
    "read",
    "text_lines",
]
