"""Importing the official text of a law, as published in plain text on Adilet, into articles and
paragraphs with labels that are the same in every language ("3", subparagraph "3-2").

The layout it understands is described in shared/law-facts.md: chapter and article headings in
kk, ru or en; paragraphs "1. ", subparagraphs "1) "; the database's own notes, tables of contents,
the "Unofficial translation" line and the signature block, which are not law and are kept apart.

`parse` never touches the database. `plan` compares a parsed text with what is stored and says
what would change. `apply` writes it in one transaction and marks explanations for review where
the official text they explain has changed.

Modules: `layout` (the headings and notes per language), `lines` (a file → lines: one reader per
format), `parse` (lines → ParsedLaw), `plan` (what would change), `apply` (write it).
"""

from .apply import apply
from .lines import Line, text_lines
from .parse import OfficialTextError, ParsedArticle, ParsedLaw, ParsedParagraph, parse
from .plan import Change, Plan, plan

__all__ = [
    "Change",
    "Line",
    "OfficialTextError",
    "ParsedArticle",
    "ParsedLaw",
    "ParsedParagraph",
    "Plan",
    "apply",
    "parse",
    "plan",
    "text_lines",
]
