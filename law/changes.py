"""Bulk changes to the content: a load or an import saves hundreds of records at once.

Work that follows a single save (re-linking glossary terms, refreshing the search index) would be
repeated for every record of a bulk change, and done against a half-written database. Inside
`bulk_change()` that per-record work is skipped; at its end the registered follow-ups run once (the
glossary links, registered by law.apps) and then `content_changed` is sent once, for other apps
(the search index) to catch up in one go.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent after a bulk change has been written (still inside its transaction).
content_changed = Signal()
# Sent after the site's content version grew (law.signals), for caches that memo it (lawsite.caching).
site_version_changed = Signal()

_in_bulk = ContextVar("law_bulk_change", default=False)
_follow_ups: list = []


def register_follow_up(work) -> None:
    """Work to run once at the end of every bulk change, before `content_changed` is sent."""
    if work not in _follow_ups:
        _follow_ups.append(work)


def in_bulk_change() -> bool:
    return _in_bulk.get()


@contextmanager
def bulk_change():
    if in_bulk_change():
        yield  # nested: the outermost bulk change does the follow-up work once
        return
    token = _in_bulk.set(True)
    try:
        yield
    finally:
        _in_bulk.reset(token)
    # Only reached when the block succeeded: a failed load is rolled back and needs no follow-up.
    for work in _follow_ups:
        work()
    content_changed.send(sender=bulk_change)
