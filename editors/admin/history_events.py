"""What a stored version's comment says, in the reader's language.

A version's comment names the event that saved it ("Loaded from content/", "Official text imported
(ru)", "Published the next version."). It is stored as the English message and translated when
shown; comments stored before, in the language of whoever saved them, are recognised by their
translations too. The admin's own change messages ("Changed In short [kk]", frozen in the saver's
language and listing fields whose line ends alone differed) are not events: the history shows what
really changed instead, worked out from the stored versions.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils import translation
from django.utils.translation import get_language_info, gettext_noop
from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES

EVENTS = (
    gettext_noop("Loaded from content/"),
    gettext_noop("Published the next version."),
    gettext_noop("Published"),
    gettext_noop("Taken off the site"),
    gettext_noop("Checked against the official text"),
)
IMPORTED = re.compile(r"^Official text imported \((?P<lang>[a-z]{2})\)$")


def imported_comment(lang: str) -> str:
    """The comment an import of the official text stores (shown by `event`)."""
    return f"Official text imported ({lang})"


@cache
def known_comments() -> dict[str, str]:
    """Every form an event's comment may be stored in (English or a translation) → its message."""
    found = {}
    for message in EVENTS:
        found[message] = message
        for lang in LANGUAGE_CODES:
            with translation.override(lang):
                found[_(message)] = message
    return found


def event(comment: str) -> str | None:
    """The comment as an event in the reader's language; None when it names no known event."""
    comment = (comment or "").strip()
    imported = IMPORTED.match(comment)
    if imported:
        language = get_language_info(imported["lang"])["name_translated"]
        return _("Official text imported (%(language)s)") % {"language": language}
    message = known_comments().get(comment)
    return _(message) if message else None
