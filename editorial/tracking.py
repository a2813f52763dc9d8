"""Which translations are out of date: per record, per group of fields and per language.

Each save records, for every language whose text in a group changed (compared as readers see it,
so CRLF from a browser and LF from a file are the same text):

- `digest`: the digest of the group's texts in that language, and `at`: when it changed;
- `based_on`: the digests of the other languages' texts at that moment (what the writer had beside
  them);
- `catch_up`: whether the language was out of date when it was written. Such an edit brings a
  translation up to date; it is not news the other languages must follow.

A language is out of date ("stale") when another language has changed since it was written and that
change was a new edit, not a catch-up. So after a Russian edit, Kazakh and English are out of date;
when the Kazakh translator catches up, Kazakh is up to date and Russian is not flagged in turn (the
flags do not ping-pong), while English stays out of date until someone updates it.

Entries written before `based_on` existed fall back to comparing times: a language is out of date
when a new edit in another language came more than SAME_EDIT_SECONDS after its own.
"""

from __future__ import annotations

import datetime
import hashlib

from .languages import LANGUAGE_CODES, text_in
from .worddiff import normalise

# Two languages changed within this many seconds of each other count as changed together (the
# fallback for entries without `based_on`).
SAME_EDIT_SECONDS = 60

MISSING, STALE, OK = "missing", "stale", "ok"


def digest(*texts: str) -> str:
    return hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]


def group_texts(values: dict, fields, lang: str) -> list[str]:
    """The group's texts in one language, normalised, from a mapping of field names to values."""
    return [normalise(values.get(f"{name}_{lang}")).strip() for name in fields]


def texts_digest(texts: list[str]) -> str:
    return digest(*texts)


def record_values(record, fields) -> dict:
    return {f"{name}_{lang}": text_in(record, name, lang) for name in fields for lang in LANGUAGE_CODES}


def stale_sources(entries: dict, digests: dict, present: dict, lang: str) -> list[str]:
    """The languages whose newer text makes `lang` out of date (empty when it is up to date)."""
    mine = entries.get(lang) or {}
    based_on = mine.get("based_on")
    found = []
    for other in LANGUAGE_CODES:
        if other == lang or not present.get(other):
            continue
        theirs = entries.get(other) or {}
        if theirs.get("catch_up"):
            continue
        if based_on is not None and other in based_on:
            if based_on[other] != digests[other]:
                found.append(other)
        elif mine.get("at") and theirs.get("at"):
            gap = datetime.datetime.fromisoformat(theirs["at"]) - datetime.datetime.fromisoformat(mine["at"])
            if gap.total_seconds() > SAME_EDIT_SECONDS:
                found.append(other)
    return found


def state(entries: dict, digests: dict, present: dict, lang: str) -> str:
    if not present.get(lang):
        return MISSING
    return STALE if stale_sources(entries, digests, present, lang) else OK


def updated_entries(entries: dict, values: dict, fields, now: str) -> dict:
    """The group's entries after a save with these values: only languages whose text changed move."""
    texts = {lang: group_texts(values, fields, lang) for lang in LANGUAGE_CODES}
    new = {lang: texts_digest(texts[lang]) for lang in LANGUAGE_CODES}
    old = {lang: (entries.get(lang) or {}).get("digest") for lang in LANGUAGE_CODES}
    # Was each language out of date before this save (judged against the texts as they were)?
    empty = texts_digest([""] * len(fields))
    old_present = {lang: old[lang] not in (None, empty) for lang in LANGUAGE_CODES}
    result = dict(entries)
    for lang in LANGUAGE_CODES:
        if old[lang] == new[lang]:
            continue
        was_stale = old_present[lang] and bool(stale_sources(entries, old, old_present, lang))
        result[lang] = {
            "digest": new[lang],
            "at": now if any(texts[lang]) or entries.get(lang) else None,
            "based_on": {other: new[other] for other in LANGUAGE_CODES if other != lang},
            "catch_up": was_stale,
        }
    return result
