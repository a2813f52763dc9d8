"""The steps of review, apart from any page: who may take each one, and what each does and records.

- A record the public does not see yet (a draft) is edited in place; the last editor is recorded.
- A record the public sees is never changed by an ordinary save: the save becomes its next version
  (`Draft.data`, model data: review.snapshot), and visitors keep the published one until that
  version is published.
- Publishing needs a second editor: whoever changed the record or its next version last may not
  publish it (settings.REVIEW_NEEDS_SECOND_EDITOR turns this off for a one-person team). Changes
  made outside the admin (a load of content/, an import) name no editor, so anyone may publish them.
- A reviewer may return the work with a comment, which its author sees on the record and in "my work".

Each action takes the record and the editor, runs in one transaction, writes what it did to the
record's history (django-reversion), and raises `Refused` with a message for the editor when the
rules do not allow it. The admin's pages and list actions call these; so can a script or a test.
"""

from __future__ import annotations

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from editorial.models import StaleEdit
from editorial.publishing import Status

from . import carry_over, snapshot
from .models import Draft, PastNextVersion


class Refused(Exception):
    """The rules of review do not allow this step now; the message says why, to the editor."""


def is_live(obj) -> bool:
    """Whether the public sees the record now: its publishing status is "published", or it has none
    (a chapter, a glossary term, the flow's words: the public sees them as soon as they exist)."""
    return obj is not None and obj.pk is not None and getattr(obj, "status", Status.PUBLISHED) == Status.PUBLISHED


def has_publishing_status(model) -> bool:
    """Whether the kind of record can be a draft or taken off the site (articles, pages), or is always
    live once it exists (its changes are still reviewed, as next versions)."""
    return any(field.name == "status" for field in model._meta.concrete_fields)


def second_editor_needed() -> bool:
    return getattr(settings, "REVIEW_NEEDS_SECOND_EDITOR", True)


def draft_version(obj) -> int:
    draft = Draft.of(obj)
    return draft.version if draft is not None else 0


def next_version(obj) -> dict | None:
    """The record's next version (model data), if one waits."""
    draft = Draft.of(obj)
    return draft.data if draft is not None and snapshot.is_snapshot(draft.data) else None


def has_next_version(obj) -> bool:
    return next_version(obj) is not None


def why_stale(obj) -> str | None:
    """What changed on the published record since its next version was saved (None: nothing, or no next version)."""
    data = next_version(obj)
    return snapshot.why_stale(type(obj), obj.pk, data) if data is not None else None


def same_editor(changed_by_id, user) -> bool:
    """The rule of the second editor: whoever made a change may not also approve it (publish a
    record, confirm an import of the official text they uploaded) while
    settings.REVIEW_NEEDS_SECOND_EDITOR is on. A change that names no editor binds no one."""
    if not second_editor_needed():
        return False
    return changed_by_id is not None and changed_by_id == user.pk


def publish_refusal(obj, user) -> str | None:
    """Why this user may not publish the record now (None: they may)."""
    draft = Draft.of(obj)
    if draft is not None and same_editor(draft.changed_by_id, user):
        return _("You made the last change to “%(record)s”, so another editor must review and publish it.") % {
            "record": obj
        }
    return None


def restore_refusal(obj, user) -> str | None:
    """Why this user may not restore an earlier version of the live record now: a restore becomes its
    next version, and would replace the one another editor is working on (None: they may)."""
    draft = Draft.of(obj)
    if draft is None or not snapshot.is_snapshot(draft.data):
        return None
    if draft.changed_by_id is None or draft.changed_by_id == user.pk:
        return None
    return _(
        "“%(record)s” was not restored: %(author)s saved a next version of it on %(time)s, and a restore "
        "would replace it. Open the record to publish or discard that next version first, or agree with "
        "%(author)s."
    ) % {"record": obj, "author": draft.changed_by, "time": date_format(localtime(draft.changed_at), "DATETIME_FORMAT")}


# --------------------------------------------------------------------------- editing


def note_change(obj, user) -> None:
    """An editor changed a record that is not live: they are its last editor."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.changed_by = user
        draft.save()


def save_next_version(obj, user, data: dict, replaces: bool = False) -> Draft:
    """Keep `data` (review.snapshot) as the published record's next version. The next version it
    takes the place of is kept in history (PastNextVersion) when another editor saved it, or when
    `replaces` says this is not an edit of it (a restore from history, a reopened version)."""
    if not snapshot.is_snapshot(data):
        raise ValueError("a next version is stored as model data (review.snapshot)")
    with transaction.atomic():
        draft = Draft.for_update(obj)
        if snapshot.is_snapshot(draft.data) and (replaces or draft.changed_by_id != user.pk):
            keep_past(obj, draft, PastNextVersion.Ending.REPLACED, user)
        if replaces or not snapshot.is_snapshot(draft.data) or draft.base is None:
            draft.base = carry_over.whole(type(obj)._default_manager.get(pk=obj.pk))
        draft.data = data
        draft.version += 1
        draft.changed_by = user
        draft.save()
    return draft


def change_fields(obj, user, **values) -> Draft:
    """Set some of a live record's own fields in its next version (made from the live record when
    none waits): a list action's change is reviewed like a form's."""
    data = next_version(obj) or snapshot.of_record(obj)
    return save_next_version(obj, user, snapshot.with_values(obj, data, values))


# --------------------------------------------------------------------------- review


def stale_refusal(obj) -> str | None:
    """Why the record's next version cannot go on as it is: the published record changed since."""
    if not is_live(obj) or not why_stale(obj):
        return None
    return _(
        "“%(record)s”: its next version is out of step with the published text, which changed after it "
        "was saved (an import of the official text, or another editor). Apply your changes to the current "
        "published text first, on the review page."
    ) % {"record": obj}


def can_carry_over(obj) -> bool:
    draft = Draft.of(obj)
    return draft is not None and snapshot.is_snapshot(draft.data) and draft.base is not None


def apply_to_published(obj, user) -> Draft:
    """Carry a stale next version over onto the published record as it is now (review.carry_over):
    the fields it changed keep its words, the rest take today's published values. Refused on a real
    conflict (both sides changed one field), naming where."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        if not snapshot.is_snapshot(draft.data):
            raise Refused(_("There is no next version to apply."))
        if draft.base is None:
            raise Refused(
                _(
                    "This next version was saved before the site kept what it was written against: copy your "
                    "changes by hand, discard it and make them again."
                )
            )
        live = type(obj)._default_manager.get(pk=obj.pk)
        try:
            merged = carry_over.carried_over(live, draft.data, draft.base)
        except carry_over.Conflict as conflict:
            raise Refused(
                _(
                    "Your changes and the published text changed the same field differently (%(where)s). "
                    "Copy your changes by hand, discard the next version and make them again."
                )
                % {"where": ", ".join(conflict.places)}
            ) from conflict
        keep_past(obj, draft, PastNextVersion.Ending.REPLACED, user)
        draft.data = merged
        draft.base = carry_over.whole(live)
        draft.version += 1
        draft.changed_by = user
        draft.save()
        return draft


def send_to_review(obj, user) -> None:
    refusal = stale_refusal(obj)
    if refusal:
        raise Refused(refusal)
    with transaction.atomic():
        draft = Draft.for_update(obj)
        if draft.changed_by_id is None and not is_live(obj):
            draft.changed_by = user
        draft.state = Draft.State.IN_REVIEW
        draft.sent_by = user
        draft.save()


def return_with_comment(obj, user, comment: str) -> None:
    comment = (comment or "").strip()
    if not comment:
        raise Refused(_("Write what should change before you return the work."))
    with transaction.atomic():
        draft = Draft.for_update(obj)
        draft.state = Draft.State.RETURNED
        draft.reviewed_by = user
        draft.comment = comment
        draft.save()
        if snapshot.is_snapshot(draft.data):
            keep_past(obj, draft, PastNextVersion.Ending.RETURNED, user, comment)


def discard(obj, user=None) -> None:
    """The next version is dropped; the published record is unchanged."""
    with transaction.atomic():
        draft = Draft.for_update(obj)
        if not snapshot.is_snapshot(draft.data):
            raise Refused(_("There is no next version to discard."))
        keep_past(obj, draft, PastNextVersion.Ending.DISCARDED, user)
        draft.data = None
        draft.version += 1
        if is_live(obj):
            clear(draft)
        draft.save()


def keep_past(obj, draft: Draft, ending: str, user, comment: str = "") -> PastNextVersion:
    """Keep a copy of the draft's next version in the record's history, saying what became of it."""
    return PastNextVersion.objects.create(
        content_type=draft.content_type,
        object_id=str(obj.pk),
        data=draft.data,
        author_id=draft.changed_by_id,
        saved_at=draft.changed_at,
        ending=ending,
        ended_by=user,
        comment=comment,
    )


def reopen(obj, user, past: PastNextVersion) -> Draft:
    """Make a next version that was not published the record's next version again, fitted to what is
    published now. Refused when another editor's next version waits (it would be replaced)."""
    if past.object_id != str(obj.pk) or past.content_type_id != ContentType.objects.get_for_model(obj).pk:
        raise Refused(_("This next version belongs to another record."))
    if not is_live(obj):
        raise Refused(_("“%(record)s” is not published: edit it directly.") % {"record": obj})
    refusal = restore_refusal(obj, user)
    if refusal:
        raise Refused(refusal)
    return save_next_version(obj, user, snapshot.rebased(type(obj), obj.pk, past.data), replaces=True)


# --------------------------------------------------------------------------- publishing


def publish(obj, user) -> None:
    """Publish the record: its next version if one waits, else the draft record itself."""
    refusal = publish_refusal(obj, user)
    if refusal:
        raise Refused(refusal)
    data = next_version(obj)
    live = is_live(obj)
    if data is not None and not live:
        raise Refused(
            _("“%(record)s” has a next version from when it was published: discard it before publishing.")
            % {"record": obj}
        )
    try:
        with transaction.atomic(), reversion.create_revision():
            if data is not None:
                snapshot.apply(obj, data)
                reversion.set_comment(gettext_noop("Published the next version."))  # shown translated
            elif not live:
                set_status(obj, Status.PUBLISHED)
                reversion.set_comment(gettext_noop("Published"))
            reversion.set_user(user)
            published(obj)
    except (snapshot.Stale, StaleEdit) as stale:
        raise Refused(
            _(
                "“%(record)s” was not published: its next version no longer fits the published record, "
                "which changed since (an import, or another editor). Open it to see what to fix."
            )
            % {"record": obj}
        ) from stale
    obj.refresh_from_db()


TAKEN_OFF, ASKED, NOT_LIVE = "taken-off", "asked", "not-live"


def take_off_site(obj, user) -> str:
    """Back to draft (hidden from the public). With a second editor needed, the first editor's step
    only asks (ASKED); another editor's step takes it off (TAKEN_OFF). NOT_LIVE: it was not on the site."""
    if not has_publishing_status(type(obj)):
        raise Refused(
            _("“%(record)s” cannot be taken off the site: it is part of the law's structure.") % {"record": obj}
        )
    if has_next_version(obj):
        raise Refused(_("“%(record)s” has a next version waiting: publish or discard it first.") % {"record": obj})
    if not is_live(obj):
        return NOT_LIVE
    with transaction.atomic():
        draft = Draft.for_update(obj)
        asked_by = draft.take_off_asked_by_id
        if second_editor_needed() and (asked_by is None or asked_by == user.pk):
            draft.take_off_asked_by = user
            draft.take_off_asked_at = timezone.now()
            draft.state = Draft.State.IN_REVIEW
            draft.sent_by = user
            draft.save()
            return ASKED
        with reversion.create_revision():
            set_status(obj, Status.DRAFT)
            reversion.set_user(user)
            reversion.set_comment(gettext_noop("Taken off the site"))
        clear(draft)
        draft.save()
    return TAKEN_OFF


def set_status(obj, status: str) -> None:
    """Change the publishing status alone (inside the caller's revision)."""
    obj.status = status
    obj.save(update_fields=["status"])


def published(obj) -> None:
    """The record was published: nothing waits any more. The row stays, so that its version number
    only grows (a form left open on an earlier next version is refused, not taken for a new one)."""
    draft = Draft.for_update(obj)
    draft.data = None
    draft.version += 1
    clear(draft)
    draft.save()


def clear(draft) -> None:
    draft.state = Draft.State.EDITING
    draft.changed_by = draft.sent_by = draft.reviewed_by = draft.take_off_asked_by = None
    draft.take_off_asked_at = None
    draft.comment = ""
