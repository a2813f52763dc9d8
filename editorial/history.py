"""Which records keep a history of versions (django-reversion), so any earlier text can be restored.

`version` and `language_changes` are bookkeeping, not content: they are left out of the stored
versions, so that restoring an old text still counts as a new edit.
"""

import reversion

BOOKKEEPING = ("version", "language_changes")


def keep_history(model, follow=(), bookkeeping=True) -> None:
    """Record versions of `model` (each app calls this for its own models when it starts)."""
    if not reversion.is_registered(model):
        reversion.register(model, exclude=BOOKKEEPING if bookkeeping else (), follow=follow)
