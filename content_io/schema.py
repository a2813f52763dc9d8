"""The shape of every content file: which fields a table may hold, their types and choices."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    name: str
    kind: type | tuple = str  # str, bool, int, list, dict, datetime.date
    required: bool = False
    choices: tuple = ()
    markdown: bool = False


def default_for(f: Field):
    if f.kind is str:
        return ""
    if f.kind is bool:
        return False
    if f.kind is int:
        return 0
    if f.kind is list:
        return []
    if f.kind is dict:
        return {}
    return None


def type_name(kind) -> str:
    names = {str: "text", bool: "true or false", int: "a whole number", list: "a list", dict: "a table"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, "a date") for k in kind)
    return names.get(kind, "a date (YYYY-MM-DD)")


STATUS_CHOICES = ("draft", "review", "published")
DATE = (datetime.date,)

ACT_META = [Field("position", int)]
ACT_LANG = [Field("title", str)]

EDITION_META = [
    Field("kind", str, required=True, choices=("draft", "law")),
    Field("legal_status", str, required=True, choices=("draft", "in_force", "superseded")),
    Field("number", str),
    Field("signed_on", DATE),
    Field("published_on", DATE),
    Field("in_force_from", DATE),
    Field("superseded_by", str),
    Field("position", int),
    Field("chapters", list),
]
CHAPTER_META = [
    Field("key", str, required=True),
    Field("number", str),
    Field("official", bool),
]
EDITION_LANG = [
    Field("title", str),
    Field("short_title", str),
    Field("official_url", str),
    Field("official_download_url", str),
    Field("description", str, markdown=True),
    Field("chapters", dict),
]

ARTICLE_META = [
    Field("chapter", str, required=True),
    Field("status", str, choices=STATUS_CHOICES),
    Field("last_checked", DATE),
    # true: every language's explanation waits for a check; or the languages that do, ["kk", "en"]
    Field("needs_review", (bool, list), choices=("kk", "ru", "en")),
    Field("review_note", str),
    Field("review_reasons", list),  # what imports changed: [{on, lang, title, changed, added, removed, gone}]
    Field("paragraphs", list),
    Field("notes_need_review", list),
    Field("amendments", list),
    Field("rights_and_duties", list),
]
# A later law that amended a paragraph: the site shows the text as signed and says so beside it.
AMENDMENT_META = [
    Field("paragraph", str, required=True),
    Field("law", str, required=True),
    Field("on", DATE, required=True),
]
RIGHT_OR_DUTY_META = [
    Field("key", str, required=True),
    Field(
        "role",
        str,
        required=True,
        choices=(
            "user",
            "decided_about",
            "owner",
            "owner_possessor",
            "developer",
            "data_library_owner",
            "data_library_holder",
            "data_library_producer",
        ),
    ),
    Field("kind", str, required=True, choices=("right", "duty", "prohibition", "rule")),
    Field("paragraph", str),
    Field("applies_if", str),
]
ARTICLE_LANG = [
    Field("plain_title", str),
    Field("summary", str, markdown=True),
    Field("for_you", str, markdown=True),
    Field("paragraphs", dict),
    Field("rights_and_duties", dict),
]
PARAGRAPH_LANG = [Field("note", str, markdown=True)]

GLOSSARY_META = [Field("terms", list)]
TERM_META = [Field("slug", str, required=True), Field("article", str)]
GLOSSARY_LANG = [Field("terms", dict)]
TERM_LANG = [Field("name", str), Field("definition", str, markdown=True), Field("also_called", list)]

PAGE_META = [Field("status", str, choices=STATUS_CHOICES), Field("last_checked", DATE)]
PAGE_LANG = [Field("title", str), Field("body", str, markdown=True)]
