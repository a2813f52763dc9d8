"""What public pages are made from, kept per content version in each process (issue #41).

Most of what a public page reads changes only when content changes: the edition in force, an
article page's rendered parts, the question flow's inputs. Read and rendered for every request, they
cost most of a page's time. So each process keeps them for as long as the content version
(law.SiteState, bumped by every change the public can see) and the day stay the same. The version
is read at most once a second, as the page cache reads it, and at once after this process changed content
(law.changes.site_version_changed). Nothing here is keyed by a visitor's raw input: keys are made
of content (editions, articles, records, words, languages). What grows with the content alone is
kept in the "content" region; the parts of flow results, whose combinations grow with the answers
visitors give (a role's section, an answer given), in the "answers" region. Each region is an LRU of
at most LIMITS entries: a visitor who tries many answers pushes out other answers' parts, never an
article page or the flow's inputs.

settings.CONTENT_MEMO turns it off (the tests do, but for their own tests of it): then every request
reads the database, as before.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from .changes import site_version_changed
from .models import Edition, SiteState

VERSION_TTL_SECONDS = 1.0
LIMITS = {"content": 5000, "answers": 3000}
_memo: dict = {"state": None, "read_at": 0.0, "entries": {}}  # region -> OrderedDict of entries


def enabled() -> bool:
    return getattr(settings, "CONTENT_MEMO", True)


def forget(**kwargs) -> None:
    _memo.update(state=None, entries={})


site_version_changed.connect(forget, dispatch_uid="law-memo-forget")


def content_state():
    """(version, changed at, today) of the content, read at most once a second."""
    now = time.monotonic()
    if _memo["state"] is None or now - _memo["read_at"] > VERSION_TTL_SECONDS:
        state = SiteState.current()
        # A new day starts afresh too: what is in force, and so what a page says, can change with it.
        current = (state.version, state.changed_at, timezone.localdate())
        if current != _memo["state"]:
            _memo["entries"] = {}  # another version: nothing kept is good any more
        _memo.update(state=current, read_at=now)
    return _memo["state"]


def remembered(key, make, region: str = "content"):
    """`make()`, kept for this content version when the memo is on. What it returns is shared by
    every later request of this process: treat it as read-only."""
    if not enabled():
        return make()
    try:
        content_state()
    except DatabaseError:  # no version to key by: made afresh, as without the memo
        return make()
    entries = _memo["entries"].setdefault(region, OrderedDict())
    if key in entries:
        entries.move_to_end(key)
        return entries[key]
    value = entries[key] = make()
    while len(entries) > LIMITS[region]:
        entries.popitem(last=False)  # the least recently used
    return value


def kept_keys() -> list:
    """Every key kept now, in every region (for tests and for a look from the shell)."""
    return [key for entries in _memo["entries"].values() for key in entries]


def main_edition() -> Edition | None:
    """The law in force today (Edition.objects.main), the same object for every page of a version."""
    today = timezone.localdate()
    return remembered(("main-edition", today), lambda: Edition.objects.in_force(today).first())
