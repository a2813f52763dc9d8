"""The rules of review, apart from any page: who may publish what, and what each step records.

- A record the public does not see yet (a draft) is edited in place; the last editor is recorded.
- A record the public sees is never changed by an ordinary save: the save becomes its next version
  (`Draft.data`), and visitors keep the published one until that version is published.
- Publishing needs a second editor: whoever changed the record or its next version last may not
  publish it (settings.REVIEW_NEEDS_SECOND_EDITOR turns this off for a one-person team). Changes
  made outside the admin (a load of content/, an import) name no editor, so anyone may publish them.
- A reviewer may return the work with a comment, which its author sees on the record and in "my work".
"""

from __future__ import annotations

import reversion
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Draft

PUBLISHED = "published"
DRAFT = "draft"


def is_live(obj) -> bool:
    """Whether the public sees the record now (its publishing status is "published")."""
    return obj is not None and obj.pk is not None and getattr(obj, "status", PUBLISHED) == PUBLISHED


def note_change(obj, user) -> None:
    """An editor changed a record that is not live: they are its last editor."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.changed_by = user
        draft.save()


def save_next_version(obj, user, data: dict) -> Draft:
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.data = data
        draft.version += 1
        draft.changed_by = user
        draft.save()
    return draft


def publish_refusal(obj, user) -> str | None:
    """Why this user may not publish the record now (None: they may)."""
    if not getattr(settings, "REVIEW_NEEDS_SECOND_EDITOR", True):
        return None
    draft = Draft.of(obj)
    if draft is not None and draft.changed_by_id is not None and draft.changed_by_id == user.pk:
        return _("You made the last change to “%(record)s”, so another editor must review and publish it.") % {
            "record": obj
        }
    return None


def send_to_review(obj, user) -> None:
    with transaction.atomic():
        draft = Draft.for_update(obj)
        if draft.changed_by_id is None and not is_live(obj):
            draft.changed_by = user
        draft.state = Draft.State.IN_REVIEW
        draft.sent_by = user
        draft.save()


def return_with_comment(obj, user, comment: str) -> None:
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.state = Draft.State.RETURNED
        draft.reviewed_by = user
        draft.comment = comment
        draft.save()


def set_status(obj, status: str, user, comment: str) -> None:
    """Change the publishing status alone, as its own entry in the record's history."""
    with transaction.atomic(), reversion.create_revision():
        obj.status = status
        obj.save(update_fields=["status"])
        reversion.set_user(user)
        reversion.set_comment(comment)


def published(obj) -> None:
    """The record was published: nothing waits any more. The row stays, so that its version number
    only grows (a form left open on an earlier next version is refused, not taken for a new one)."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.data = None
        draft.version += 1
        draft.state = Draft.State.EDITING
        draft.changed_by = draft.sent_by = draft.reviewed_by = None
        draft.comment = ""
        draft.save()


def discard(obj) -> None:
    """The next version is dropped; the published record is unchanged."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.data = None
        draft.version += 1
        if is_live(obj):
            draft.state = Draft.State.EDITING
            draft.changed_by = draft.sent_by = draft.reviewed_by = None
            draft.comment = ""
        draft.save()


def draft_version(obj) -> int:
    draft = Draft.of(obj)
    return draft.version if draft is not None else 0


def has_next_version(obj) -> bool:
    draft = Draft.of(obj)
    return draft is not None and bool(draft.data)
