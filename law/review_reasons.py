"""Why an article's explanation needs review, kept as data and read in the reader's language.

An import of the official text records what it changed in the article (Article.review_reasons):
one entry per import and language, {"on": "2026-11-28", "lang": "ru", "title": true,
"changed": ["2", "3"], "added": ["4"], "removed": [], "gone": false}. Every editor reads it in
their own admin's language, with dates written the admin's way and languages named, not coded.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from editorial.numbering import number_key

MAX_LABELS = 12  # listed one by one; past them, "… (+N)"
MAX_REASONS = 10  # the latest imports' reasons are kept


def reason(day: datetime.date, lang: str, *, added=(), changed=(), removed=(), title=False, gone=False) -> dict:
    return {
        "on": day.isoformat(),
        "lang": lang,
        "title": bool(title),
        "changed": sorted(changed, key=number_key),
        "added": sorted(added, key=number_key),
        "removed": sorted(removed, key=number_key),
        "gone": bool(gone),
    }


def listed(labels) -> str:
    shown = ", ".join(labels[:MAX_LABELS])
    return f"{shown} … (+{len(labels) - MAX_LABELS})" if len(labels) > MAX_LABELS else shown


def describe_one(entry: dict) -> str:
    try:
        day = date_format(datetime.date.fromisoformat(entry.get("on", "")))
    except ValueError:
        day = entry.get("on", "")
    lang = entry.get("lang", "")
    try:
        language = get_language_info(lang)["name_translated"]
    except KeyError:
        language = lang
    parts = [day, _("official text (%(language)s)") % {"language": language}]
    if entry.get("gone"):
        parts.append(_("the article is no longer in it"))
    if entry.get("title"):
        parts.append(_("the article's title changed"))
    changed, added, removed = (list(entry.get(key) or []) for key in ("changed", "added", "removed"))
    if changed:
        words = ngettext("changed paragraph: %(labels)s", "changed paragraphs: %(labels)s", len(changed))
        parts.append(words % {"labels": listed(changed)})
    if added:
        words = ngettext("new paragraph: %(labels)s", "new paragraphs: %(labels)s", len(added))
        parts.append(words % {"labels": listed(added)})
    if removed:
        words = ngettext("removed paragraph: %(labels)s", "removed paragraphs: %(labels)s", len(removed))
        parts.append(words % {"labels": listed(removed)})
    return " · ".join(parts)


def describe(reasons) -> str:
    """Every recorded reason, in the active language, newest last."""
    return "; ".join(describe_one(entry) for entry in reasons or [] if isinstance(entry, dict))
