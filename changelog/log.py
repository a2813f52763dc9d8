"""The entries of the public change log, made from the versions django-reversion keeps.

An entry is a saved change (a revision) that changed what the public reads of an article: its
title, "In short", "What this means for you", a right or duty (its words, or its kind, role or
condition), or a note on a paragraph; a right or duty added to a published article counts too.
Each entry says when (in the site's time zone), which edition and article, and what changed, in
which languages. Only what reached the public is logged: the article was published in that
revision, and an article's words are compared with its last published version, so work done while
it was unpublished shows, if at all, as one change when it is published again. The first version
of a text is where the log starts. An editor can hide a trivial change (HiddenChange).

Versions are read from their stored JSON (a version whose data no longer loads is skipped), and
the entries are kept in the cache under the latest version's number and the hidden changes.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from editorial.languages import LANGUAGE_CODES
from law.models import Article, Paragraph, RightOrDuty, Status

from .models import HiddenChange

logger = logging.getLogger(__name__)

EARLIER = timedelta(microseconds=1)
LOOKBACK = 3000  # versions of each kind read at most: the log shows recent changes, not all history
ARTICLE_FIELDS = ("plain_title", "summary", "for_you")
PART_WORDS = {RightOrDuty: "text", Paragraph: "note"}
PART_SAME_IN_EVERY_LANGUAGE = {RightOrDuty: ("kind", "role", "applies_if"), Paragraph: ()}
PART_NAMES = {RightOrDuty: "rights", Paragraph: "notes"}
LABELS = {
    "plain_title": _("title"),
    "summary": _("in short"),
    "for_you": _("what this means for you"),
    "rights": _("rights and duties"),
    "notes": _("notes on paragraphs"),
}


@dataclass
class Entry:
    revision_id: int
    when: datetime
    article: Article
    changed: dict = field(default_factory=dict)  # what (a key of LABELS) -> set of language codes

    def summary(self) -> str:
        """One line: what changed and in which languages, in the reader's language."""
        names = dict(settings.LANGUAGES)
        parts = []
        for what in LABELS:
            if what in self.changed:
                languages = ", ".join(names[code] for code in LANGUAGE_CODES if code in self.changed[what])
                parts.append(f"{LABELS[what]} ({languages})")
        return "; ".join(parts)


@dataclass(frozen=True)
class Stored:
    """One version as the log needs it: its object, revision, time, and fields."""

    object_id: str
    revision_id: int
    when: datetime
    fields: dict


def stored_versions(model) -> list[Stored]:
    """The latest versions of a model, newest first, read from their stored JSON."""
    content_type = ContentType.objects.get_for_model(model)
    rows = (
        Version.objects.filter(content_type=content_type)
        .order_by("-revision__date_created", "-pk")
        .values_list("object_id", "revision_id", "revision__date_created", "serialized_data")[:LOOKBACK]
    )
    versions = []
    for object_id, revision_id, when, data in rows:
        try:
            fields = json.loads(data)[0]["fields"]
        except (ValueError, LookupError, TypeError):
            logger.warning("change log: version of %s %s in revision %s unreadable", model, object_id, revision_id)
            continue
        versions.append(Stored(object_id, revision_id, when, fields))
    return versions


def by_object(versions: list[Stored]) -> dict[str, list[Stored]]:
    """{object id: its versions, oldest first}."""
    histories = defaultdict(list)
    for version in reversed(versions):
        histories[version.object_id].append(version)
    return histories


def languages_changed(old: dict, new: dict, name: str) -> set[str]:
    return {lang for lang in LANGUAGE_CODES if (old.get(f"{name}_{lang}") or "") != (new.get(f"{name}_{lang}") or "")}


class Published:
    """When each article was published, from its versions: was it published at a given moment?"""

    def __init__(self, article_histories: dict[str, list[Stored]]):
        self.times = {key: [v.when for v in history] for key, history in article_histories.items()}
        self.states = {key: [v.fields.get("status") for v in history] for key, history in article_histories.items()}

    def at(self, article_id: str, when: datetime) -> bool:
        times = self.times.get(article_id, [])
        index = bisect_right(times, when) - 1
        return index >= 0 and self.states[article_id][index] == Status.PUBLISHED


def compute() -> list[dict]:
    """Every entry in the window, newest first, as plain data (kept in the cache)."""
    hidden = set(HiddenChange.objects.values_list("revision_id", flat=True))
    found: dict[tuple[int, str], dict] = {}

    def note(version: Stored, article_id: str, what: str, langs: set[str]):
        key = (version.revision_id, article_id)
        entry = found.setdefault(
            key, {"revision_id": version.revision_id, "when": version.when, "article_id": article_id, "changed": {}}
        )
        entry["changed"].setdefault(what, set()).update(langs)

    article_histories = by_object(stored_versions(Article))
    published = Published(article_histories)
    for article_id, history in article_histories.items():
        last_published = None
        for version in history:
            if version.fields.get("status") != Status.PUBLISHED:
                continue
            if last_published is not None and version.revision_id not in hidden:
                for name in ARTICLE_FIELDS:
                    langs = languages_changed(last_published.fields, version.fields, name)
                    if langs:
                        note(version, article_id, name, langs)
            last_published = version
    for model, words in PART_WORDS.items():
        what = PART_NAMES[model]
        for history in by_object(stored_versions(model)).values():
            previous = None
            for version in history:
                article_id = str(version.fields.get("article"))
                # Logged only while the public could read the article, before and after this change.
                live = published.at(article_id, version.when) and published.at(article_id, version.when - EARLIER)
                if live and version.revision_id not in hidden:
                    if previous is None:
                        if model is RightOrDuty:  # a right or duty added to a published article
                            note(version, article_id, what, set(LANGUAGE_CODES))
                    else:
                        langs = languages_changed(previous.fields, version.fields, words)
                        same_in_all = PART_SAME_IN_EVERY_LANGUAGE[model]
                        if any(previous.fields.get(f) != version.fields.get(f) for f in same_in_all):
                            langs = set(LANGUAGE_CODES)
                        if langs:
                            note(version, article_id, what, langs)
                previous = version
    return sorted(found.values(), key=lambda e: (e["when"], e["revision_id"]), reverse=True)


def cached_entries() -> list[dict]:
    # Any new version, or a change hidden or shown again, makes a new key.
    latest = Version.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    hidden = HiddenChange.objects.aggregate(count=Count("pk"), last=Max("pk"))
    key = f"changelog:{latest}:{hidden['count']}:{hidden['last']}"
    try:
        data = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache that is down means computing, not failing
        data = None
    if data is None:
        data = compute()
        try:
            cache.set(key, data, 24 * 3600)
        except Exception:  # noqa: BLE001
            logger.warning("change log: cache unreachable", exc_info=True)
    return data


def entries(limit: int = 30) -> list[Entry]:
    """The latest entries, with their (published) articles, times in the site's time zone."""
    rows = cached_entries()
    articles = Article.objects.published().select_related("edition")
    published = {str(a.pk): a for a in articles}
    shown = []
    for row in rows:
        article = published.get(row["article_id"])
        if article is None:
            continue
        shown.append(Entry(row["revision_id"], timezone.localtime(row["when"]), article, row["changed"]))
        if len(shown) == limit:
            break
    return shown
