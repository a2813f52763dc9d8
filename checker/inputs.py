"""The question flow's inputs for an edition, made once per content version and language.

A flow result is made from the edition's declared flow (questions, rules), the flow's words in the
page's language, and the published rights and duties with their articles and paragraphs. Read from
the database for every result, they cost most of its time (hundreds of model instances with every
translated column); they change only when content changes. So each process keeps them, keyed by the
edition and the language, for as long as the content version (law.SiteState, bumped by every change
the public can see) stays the same: it is read at most once a second, as the page cache reads it,
and at once after this process changed content (law.changes.site_version_changed).

settings.CHECKER_INPUTS_MEMO turns it off (the tests do, but for their own tests of it): then every
request reads the database, as before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from law.changes import site_version_changed
from law.models import RightOrDuty, SiteState

VERSION_TTL_SECONDS = 1.0
_memo: dict = {"state": None, "read_at": 0.0, "entries": {}}


@dataclass
class Inputs:
    records: list  # published rights and duties, in the law's order, with article and paragraph
    by_key: dict


def enabled() -> bool:
    return getattr(settings, "CHECKER_INPUTS_MEMO", True)


def forget(**kwargs) -> None:
    _memo.update(state=None, entries={})


site_version_changed.connect(forget, dispatch_uid="checker-inputs-forget")


def content_state():
    now = time.monotonic()
    if _memo["state"] is None or now - _memo["read_at"] > VERSION_TTL_SECONDS:
        state = SiteState.current()
        current = (state.version, state.changed_at)
        if current != _memo["state"]:
            _memo["entries"] = {}  # another version: nothing kept is good any more
        _memo.update(state=current, read_at=now)
    return _memo["state"]


def remembered(key, make):
    """`make()`, kept for this content version when the memo is on."""
    if not enabled():
        return make()
    content_state()
    entries = _memo["entries"]
    if key not in entries:
        entries[key] = make()
    return entries[key]


def read_records(edition) -> Inputs:
    records = list(
        RightOrDuty.objects.published()
        .filter(edition=edition)
        .select_related("article__edition", "paragraph")
        .order_by("article__position", "position")
    )
    return Inputs(records, {r.key: r for r in records})


def records_of(edition) -> Inputs:
    """The published rights and duties of the edition (the same for every language)."""
    return remembered(("records", edition.pk), lambda: read_records(edition))


def words_of(edition, make):
    """The flow's words of the edition in the active language (checker.views.Words)."""
    return remembered(("words", edition.pk, get_language()), lambda: make(edition))


def flow_of(edition, make):
    """The edition's declared flow, or None."""
    return remembered(("flow", edition.pk), lambda: make(edition))
