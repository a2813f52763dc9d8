"""An import of the official text that changes what visitors read waits for a second editor.

When settings.REVIEW_NEEDS_SECOND_EDITOR is on and an uploaded file would change the official text
of a published article (its title, its paragraphs, the legal database's notes on it), the uploading
editor's confirmation does not apply it: it is kept as a PendingImport (the lines the preview read)
until another editor checks the same changes and confirms them. The rule is review's own
(review.actions.same_editor): whoever made a change may not approve it. An import that only adds
articles (drafts) or changes draft articles applies at once. Either way it applies whole, in one
transaction (official.importer.apply).
"""

from __future__ import annotations

from django.utils import timezone

from law.models import Article
from review import actions

from .importer import Plan
from .models import PendingImport

ARTICLE_TEXT = ("article", "paragraph", "notes")


def touches_published(import_plan: Plan) -> bool:
    """Whether the import changes official text visitors see: an article's that is published, or the
    text of records that have no publishing status and so are always public (the chapters' titles,
    the legal database's notes on the act)."""
    if any(
        change.what == "chapter" or (change.what == "notes" and not change.article) for change in import_plan.changes
    ):
        return True
    numbers = {change.article for change in import_plan.changes if change.what in ARTICLE_TEXT and change.article}
    return bool(numbers) and (
        Article.objects.published().filter(edition=import_plan.edition, number__in=numbers).exists()
    )


def waits_for_another_editor(import_plan: Plan, uploaded_by_id, user) -> bool:
    """Whether `user` may not apply this import, uploaded by `uploaded_by_id`: it changes published
    text and they uploaded it (the second editor's rule, when it is on)."""
    return actions.same_editor(uploaded_by_id, user) and touches_published(import_plan)


def hold(edition, kept: dict, user) -> PendingImport:
    """Keep an upload (the admin's session data: its lines, language, format…) for a second editor;
    a newer upload in the same language takes the place of an older one."""
    held, _created = PendingImport.objects.update_or_create(
        edition=edition,
        lang=kept["lang"],
        defaults={
            "format": kept["format"],
            "encoding": kept.get("encoding", ""),
            "source_name": kept["name"][:255],
            "lines": kept["lines"],
            "unmarked": bool(kept.get("unmarked")),
            "uploaded_by": user,
            "uploaded_at": timezone.now(),
        },
    )
    return held


def kept(held: PendingImport) -> dict:
    """A held upload as the admin's session keeps an upload between its preview and its confirmation."""
    return {
        "lines": held.lines,
        "unmarked": held.unmarked,
        "lang": held.lang,
        "format": held.format,
        "encoding": held.encoding,
        "name": held.source_name,
        "held": held.pk,
        "uploaded_by": held.uploaded_by_id,
    }
