"""Restoring a version from history (django-reversion) brings back text, and keeps the rest in step.

django-reversion restores a record by saving its stored copy "raw": no signal handler does its work
on a raw save (the search index, the page cache, glossary links), the copy carries the HTML rendered
when it was stored, and the fields left out of stored versions (`version`, `language_changes`, see
law.history) come back empty. Reversion 6.4 sends no signal of its own around a restore, so
`keep_restores_in_step()` wraps `Version.revert` and `Revision.revert` (once, when the app starts):

- before each stored copy is saved, it takes the record's present `language_changes` (the record of
  when each language last changed) and its present publishing `status`: a restore brings back text,
  not a publishing decision;
- after the whole restore, every restored record is saved once more the ordinary way, as if an
  editor had typed the restored text: its Markdown is rendered with today's glossary, the languages
  whose text changed are marked as changed now, its version grows, and the search index, the page
  cache and the glossary links follow through their usual signal handlers. A restore of many
  records (a whole load of content/) does that as one bulk change (law.changes).

A revision can hold far more than one record: a load of content/ saves the whole site in one. The
admin's restore page restores one record, so it restores within `restoring_only(version)`: the
record and its parts (an article's paragraphs, rights and duties), never the rest of the revision.

The admin's revision page restores inside a transaction it rolls back to show the form (with the
signal handlers muted); the same steps run there, so the form shows the version the save will check.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from reversion.models import Revision, Version

from editorial.compat.reversion_internals import part_relations as relations_of_parts
from editorial.compat.reversion_internals import safe_revert, stored_object, version_model

from .changes import bulk_change

# Fields that keep their present value when an older version is restored; so do the official text's
# columns (`imported_fields`): only the importer writes them.
KEPT_ON_RESTORE = ("status", "language_changes")
# From this many records on, a restore catches up once at its end (a bulk change), not per record.
BULK_FROM = 60

# The records restored by the restore under way: [(model, pk, database)], or None outside one.
_restored: ContextVar[list | None] = ContextVar("law_restored_records", default=None)
# The version whose record alone (with its parts) a revision's restore brings back, if set.
_only: ContextVar[Version | None] = ContextVar("law_restore_only", default=None)


def keep_present_state(version: Version) -> None:
    """Give the stored copy the record's present status and language-change record before it is saved."""
    copy = stored_object(version)
    model = type(copy)
    names = [name for name in KEPT_ON_RESTORE if any(f.name == name for f in model._meta.concrete_fields)]
    names += sorted(model.imported_columns()) if hasattr(model, "imported_columns") else []
    if not names or copy.pk is None:
        return
    present = model._default_manager.using(version.db).filter(pk=copy.pk).values(*names).first()
    for name, value in (present or {}).items():
        setattr(copy, name, value)


def save_again(records) -> None:
    """Save each restored record the ordinary way (each once, in the order they were restored)."""
    records = list(dict.fromkeys(records))
    with bulk_change() if len(records) >= BULK_FROM else transaction.atomic():
        for model, pk, db in records:
            record = model._default_manager.using(db).filter(pk=pk).first()
            if record is not None:  # deleted again by the same restore: nothing to keep in step
                record.save(using=db)


@contextmanager
def restoring():
    """One restore: the records it saves raw are saved again, the ordinary way, at its end."""
    if _restored.get() is not None:
        yield  # part of a larger restore (a version within its revision): that one saves again
        return
    records: list = []
    token = _restored.set(records)
    try:
        with transaction.atomic():
            yield
            _restored.reset(token)
            token = None
            save_again(records)
    finally:
        if token is not None:
            _restored.reset(token)


# --------------------------------------------------------------------------- one record of a revision


def part_relations(model) -> list[tuple[type, str]]:
    """(part model, the column of its key to the record) for each kind of part kept with the record's versions."""
    return [(part_model, key.attname) for part_model, key in relations_of_parts(model)]


def record_versions(version: Version) -> list[Version]:
    """The version and, from its revision, the versions of the record's parts."""
    chosen = [version]
    for part_model, key in part_relations(version_model(version)):
        type_id = ContentType.objects.db_manager(version._state.db).get_for_model(part_model).pk
        for part in version.revision.version_set.filter(content_type_id=type_id, db=version.db):
            if str(part.field_dict.get(key)) == str(version.object_id):
                chosen.append(part)
    return chosen


def revert_record(version: Version, delete: bool = False) -> None:
    """Restore one record and its parts as `version` holds them; with `delete`, parts it did not
    have are deleted. The rest of the version's revision is left alone."""
    chosen = record_versions(version)
    with restoring():
        if delete:
            kept = {(part.content_type_id, str(part.object_id)) for part in chosen}
            for part_model, key in part_relations(version_model(version)):
                type_id = ContentType.objects.get_for_model(part_model).pk
                present = part_model._default_manager.using(version.db).filter(**{key: version.object_id})
                extra = [p.pk for p in present if (type_id, str(p.pk)) not in kept]
                part_model._default_manager.using(version.db).filter(pk__in=extra).delete()
        safe_revert(chosen)  # reversion's own order: what fails for a missing record is tried again


@contextmanager
def restoring_only(version: Version):
    """Within this block, a restore of the version's revision restores only its record and parts."""
    token = _only.set(version)
    try:
        yield
    finally:
        _only.reset(token)


# --------------------------------------------------------------------------- reversion's restores


def wrap_version_revert(revert):
    @functools.wraps(revert)
    def revert_and_keep_in_step(self):
        with restoring():
            keep_present_state(self)
            revert(self)
            _restored.get().append((version_model(self), stored_object(self).pk, self.db))

    revert_and_keep_in_step.keeps_restores_in_step = True
    return revert_and_keep_in_step


def wrap_revision_revert(revert):
    @functools.wraps(revert)
    def revert_and_keep_in_step(self, delete=False):
        only = _only.get()
        if only is not None and only.revision_id == self.pk:
            revert_record(only, delete=delete)
            return
        with restoring():
            revert(self, delete=delete)

    revert_and_keep_in_step.keeps_restores_in_step = True
    return revert_and_keep_in_step


def keep_restores_in_step() -> None:
    """Wrap reversion's restores (law.apps calls this once; a second call changes nothing)."""
    if not getattr(Version.revert, "keeps_restores_in_step", False):
        Version.revert = wrap_version_revert(Version.revert)
    if not getattr(Revision.revert, "keeps_restores_in_step", False):
        Revision.revert = wrap_revision_revert(Revision.revert)
