"""The note an import leaves on an article whose explanation must be checked again ("why it needs
review"): what changed in which language's official text, and where.

The note is stored, and every editor reads the same one, whatever language their admin is in. It is
written in the site's own language (settings.LANGUAGE_CODE: Kazakh), through the message catalogue,
and it carries what needs no translation as it is: the date, the language code and the paragraphs'
labels ("2026-11-28 · ресми мәтін (ru) · өзгерген тармақтар: 2, 3 · жаңа тармақ: 4").
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial.numbering import number_key

MAX_LABELS = 12  # listed one by one; past them, "… (+N)"


def listed(labels) -> str:
    labels = sorted(labels, key=number_key)
    shown = ", ".join(labels[:MAX_LABELS])
    return f"{shown} … (+{len(labels) - MAX_LABELS})" if len(labels) > MAX_LABELS else shown


def changed_note(day: datetime.date, lang: str, *, added=(), changed=(), removed=(), title=False) -> str:
    """Why an article needs review after an import of its official text in `lang`."""
    with translation.override(settings.LANGUAGE_CODE):
        parts = [day.isoformat(), _("official text (%(lang)s)") % {"lang": lang}]
        if title:
            parts.append(_("the article's title changed"))
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


def removed_note(day: datetime.date, lang: str) -> str:
    """Why an article needs review when the official text in `lang` no longer has it."""
    with translation.override(settings.LANGUAGE_CODE):
        return " · ".join(
            [day.isoformat(), _("official text (%(lang)s)") % {"lang": lang}, _("the article is no longer in it")]
        )
