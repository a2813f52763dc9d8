"""The entries of the public change log, made from the versions django-reversion keeps.

An entry is a saved change (a revision) that changed an article's explanation in some language:
its title, "In short", "What this means for you", a right or duty, or a note on a paragraph. Each
entry says when, which edition and article, and what changed, in the reader's language. Only
published articles appear, and only changes that reached the public (the article was published
in that version). An editor can hide a trivial change (HiddenChange). The first version of a text
is where the log starts, not a change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from editorial.languages import LANGUAGE_CODES
from law.models import Article, Paragraph, RightOrDuty, Status

from .models import HiddenChange

# What the log watches, per model: {field: its name for readers}. Each field exists in every language.
ARTICLE_FIELDS = {"plain_title": _("title"), "summary": _("in short"), "for_you": _("what this means for you")}
PARTS = {RightOrDuty: ("text", _("rights and duties")), Paragraph: ("note", _("notes on paragraphs"))}
LOOKBACK = 2000  # versions read at most: the log shows recent changes, not the whole history


@dataclass
class Entry:
    revision_id: int
    when: datetime
    article: Article
    changed: dict = field(default_factory=dict)  # what (a readable name) -> set of language codes

    def summary(self) -> str:
        """One line: what changed and in which languages, in the reader's language."""
        names = dict(settings.LANGUAGES)
        parts = []
        for label, langs in self.changed.items():
            languages = ", ".join(names[code] for code in LANGUAGE_CODES if code in langs)
            parts.append(f"{label} ({languages})")
        return "; ".join(parts)


def changed_languages(old: dict, new: dict, name: str) -> set[str]:
    return {lang for lang in LANGUAGE_CODES if (old.get(f"{name}_{lang}") or "") != (new.get(f"{name}_{lang}") or "")}


def versions_of(model, limit=LOOKBACK):
    content_type = ContentType.objects.get_for_model(model)
    return (
        Version.objects.filter(content_type=content_type)
        .select_related("revision")
        .order_by("-revision__date_created", "-pk")[:limit]
    )


def previous_versions(versions) -> dict:
    """{version pk: the version of the same object just before it}, among the versions read."""
    by_object = defaultdict(list)
    for version in versions:
        by_object[version.object_id].append(version)
    before = {}
    for history in by_object.values():  # newest first
        for newer, older in zip(history, history[1:], strict=False):
            before[newer.pk] = older
    return before


def entries(limit: int = 30) -> list[Entry]:
    found: dict[tuple[int, int], Entry] = {}
    articles = Article.objects.filter(status=Status.PUBLISHED).select_related("edition")
    published = {str(a.pk): a for a in articles}
    hidden = set(HiddenChange.objects.values_list("revision_id", flat=True))

    article_versions = list(versions_of(Article))
    before = previous_versions(article_versions)
    for version in article_versions:
        article = published.get(version.object_id)
        old = before.get(version.pk)
        if article is None or old is None or version.revision_id in hidden:
            continue
        new_fields = version.field_dict
        if new_fields.get("status") != Status.PUBLISHED:
            continue
        for name, label in ARTICLE_FIELDS.items():
            langs = changed_languages(old.field_dict, new_fields, name)
            if langs:
                entry = found.setdefault(
                    (version.revision_id, article.pk),
                    Entry(version.revision_id, version.revision.date_created, article),
                )
                entry.changed.setdefault(label, set()).update(langs)
    for model, (name, label) in PARTS.items():
        part_versions = list(versions_of(model))
        before = previous_versions(part_versions)
        for version in part_versions:
            old = before.get(version.pk)
            if old is None or version.revision_id in hidden:
                continue
            article = published.get(str(version.field_dict.get("article_id") or version.field_dict.get("article")))
            if article is None:
                continue
            langs = changed_languages(old.field_dict, version.field_dict, name)
            if langs:
                entry = found.setdefault(
                    (version.revision_id, article.pk),
                    Entry(version.revision_id, version.revision.date_created, article),
                )
                entry.changed.setdefault(label, set()).update(langs)
    ordered = sorted(found.values(), key=lambda e: (e.when, e.revision_id), reverse=True)
    return ordered[:limit]
