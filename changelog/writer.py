"""Writes the public change log when a change is saved: one row per saved change and article.

A saved change is a django-reversion revision: an editor's save, a publishing (review.actions), a
load of content/, a restore. When one is committed (reversion's `post_revision_commit`), each
version in it is compared with the version of the same record just before it, and what changed in
what the public reads of an article becomes a `ChangeLogEntry`:

- an article's title, "In short" or "What this means for you", in the languages whose text
  changed, compared with the article's last published version (so work done while it was off the
  site shows, if at all, as one change when it is published again); only while it is published;
- a right or duty (its words, or its kind, role or condition: then every language) or a note on a
  paragraph, while the article was published before and after the change; a right or duty added
  to a published article counts too.

The first version of a record is where the log starts: the first load is not a change. Entries are
written once and never recomputed, so history growing cannot make them vanish or appear. The
history kept before the rows existed is written the same way, revision by revision, once
(migration changelog 0003, `backfill`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from editorial.languages import LANGUAGE_CODES
from editorial.publishing import Status

logger = logging.getLogger(__name__)

ARTICLE = ("law", "article")
ARTICLE_FIELDS = ("plain_title", "summary", "for_you")
# Parts of an article: (what, the translated field readers see, fields the same in every language)
PARTS = {
    ("law", "rightorduty"): ("rights", "text", ("kind", "role", "applies_if")),
    ("law", "paragraph"): ("notes", "note", ()),
}
LABELS = {
    "plain_title": _("title"),
    "summary": _("in short"),
    "for_you": _("what this means for you"),
    "rights": _("rights and duties"),
    "notes": _("notes on paragraphs"),
}


@dataclass
class Models:
    """The models the writer reads and writes: the app's own, or a migration's historical ones."""

    version: type
    content_type: type
    entry: type

    @classmethod
    def current(cls) -> Models:
        from django.contrib.contenttypes.models import ContentType
        from reversion.models import Version

        from .models import ChangeLogEntry

        return cls(Version, ContentType, ChangeLogEntry)

    def type_id(self, key: tuple[str, str]) -> int | None:
        found = self.content_type.objects.filter(app_label=key[0], model=key[1]).values_list("pk", flat=True)
        return found.first()


def decoded(data: str) -> dict | None:
    try:
        return json.loads(data)[0]["fields"]
    except (ValueError, LookupError, TypeError):
        return None


def languages_changed(old: dict, new: dict, name: str) -> set[str]:
    return {lang for lang in LANGUAGE_CODES if (old.get(f"{name}_{lang}") or "") != (new.get(f"{name}_{lang}") or "")}


def is_published(fields: dict | None) -> bool:
    return bool(fields) and fields.get("status") == Status.PUBLISHED


class Revisions:
    """The versions of one revision and, for each record, its version just before."""

    def __init__(self, models: Models, revision_id: int):
        self.models = models
        rows = models.version.objects.filter(revision_id=revision_id).values_list(
            "pk", "content_type_id", "object_id", "serialized_data"
        )
        self.first_pk = None
        self.now: dict[int, dict[str, dict]] = {}
        for pk, type_id, object_id, data in rows:
            self.first_pk = pk if self.first_pk is None else min(self.first_pk, pk)
            fields = decoded(data)
            if fields is None:
                logger.warning("change log: version %s of revision %s unreadable", pk, revision_id)
                continue
            self.now.setdefault(type_id, {})[object_id] = fields

    def before(self, type_id: int, object_ids) -> dict[str, dict]:
        """Each record's latest version before this revision."""
        ids = [str(i) for i in object_ids]
        if not ids or self.first_pk is None:
            return {}
        earlier = self.models.version.objects.filter(content_type_id=type_id, object_id__in=ids, pk__lt=self.first_pk)
        latest = earlier.values("object_id").annotate(last=Max("pk")).values_list("last", flat=True)
        rows = self.models.version.objects.filter(pk__in=list(latest)).values_list("object_id", "serialized_data")
        return {object_id: fields for object_id, data in rows if (fields := decoded(data)) is not None}

    def last_published_before(self, type_id: int, object_id: str) -> dict | None:
        rows = (
            self.models.version.objects.filter(content_type_id=type_id, object_id=object_id, pk__lt=self.first_pk)
            .order_by("-pk")
            .values_list("serialized_data", flat=True)
        )
        for data in rows.iterator():
            fields = decoded(data)
            if is_published(fields):
                return fields
        return None


def changes_in(models: Models, revision_id: int) -> dict[str, dict[str, set[str]]]:
    """{article id: {what: languages}} for one revision."""
    revision = Revisions(models, revision_id)
    article_type = models.type_id(ARTICLE)
    part_types = {models.type_id(key): value for key, value in PARTS.items()}
    articles_now = revision.now.get(article_type, {})
    part_articles = {
        str(fields.get("article")) for type_id in part_types for fields in revision.now.get(type_id, {}).values()
    }
    articles_before = revision.before(article_type, set(articles_now) | part_articles)
    found: dict[str, dict[str, set[str]]] = {}

    def note(article_id, what, langs):
        if langs:
            found.setdefault(str(article_id), {}).setdefault(what, set()).update(langs)

    for article_id, fields in articles_now.items():
        if not is_published(fields):
            continue
        last = articles_before.get(article_id)
        if not is_published(last):
            last = revision.last_published_before(article_type, article_id) if last is not None else None
        if last is not None:
            for name in ARTICLE_FIELDS:
                note(article_id, name, languages_changed(last, fields, name))
    for type_id, (what, words, same_in_all) in part_types.items():
        parts_now = revision.now.get(type_id, {})
        parts_before = revision.before(type_id, parts_now)
        for part_id, fields in parts_now.items():
            article_id = str(fields.get("article"))
            before = articles_before.get(article_id)
            after = articles_now.get(article_id, before)
            if not (is_published(before) and is_published(after)):
                continue  # logged only while the public could read the article, before and after
            previous = parts_before.get(part_id)
            if previous is None:
                if what == "rights":  # a right or duty added to a published article
                    note(article_id, what, set(LANGUAGE_CODES))
                continue
            langs = languages_changed(previous, fields, words)
            if any(previous.get(name) != fields.get(name) for name in same_in_all):
                langs = set(LANGUAGE_CODES)
            note(article_id, what, langs)
    return found


def log_revision(revision_id: int, models: Models | None = None) -> int:
    """Write the entries of one revision (again: nothing new). Returns how many it found."""
    models = models or Models.current()
    found = changes_in(models, revision_id)
    article_model = models.entry._meta.get_field("article").related_model
    existing = set(article_model._default_manager.filter(pk__in=[int(a) for a in found]).values_list("pk", flat=True))
    found = {a: changed for a, changed in found.items() if int(a) in existing}  # not an article deleted since
    rows = [
        models.entry(
            revision_id=revision_id,
            article_id=int(article_id),
            changed={what: sorted(langs) for what, langs in changed.items()},
        )
        for article_id, changed in found.items()
    ]
    models.entry.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def backfill(models: Models, revision_model) -> int:
    """Write the entries of every revision kept, oldest first."""
    return sum(log_revision(pk, models) for pk in revision_model.objects.order_by("pk").values_list("pk", flat=True))


def on_revision_commit(sender, revision, versions, **kwargs):
    """reversion's post_revision_commit: the entries of the change just saved."""
    log_revision(revision.pk)
