"""Write a planned import in one transaction, record it as a version of the official text, and mark
explanations of changed, new and removed paragraphs for review. New articles start as drafts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from editorial.languages import LANGUAGE_CODES
from editorial.numbering import number_key
from law.review_reasons import MAX_REASONS, reason

from .plan import Plan, same_title


@dataclass
class Source:
    """Where an import's text came from: a URL (fetched), a file's name (uploaded), its format."""

    format: str
    url: str = ""
    name: str = ""
    imported_by: str = ""
    sha256: str = ""  # of the file's bytes, when there was a file
    stated_as_of: datetime.date | None = None  # the date its source gives (a manifest), if the text gives none
    # The editor who applied it (the admin's import): the last editor of the articles it creates
    # (review.actions.note_change), so that another editor publishes them. None for a command.
    editor: object = None


@transaction.atomic
def apply(import_plan: Plan, source: Source):
    """Write the parsed text into the edition (one transaction), flag explanations to review, and
    return the version it recorded (official.versions)."""
    import reversion

    from law.changes import bulk_change
    from law.models import Article, Chapter, Paragraph, Status
    from review import actions

    from ..versions import record

    if not import_plan.changes:
        return record(import_plan, source)  # the same text: only "last found unchanged" moves
    edition, law = import_plan.edition, import_plan.law
    lang = law.lang
    changes = import_plan.changes
    changed_paragraphs = {(c.article, c.label) for c in changes if c.what == "paragraph" and c.kind != "added"}
    # A paragraph added to an article that had text is a change to it; a first import is not.
    new_articles = {c.article for c in changes if c.what == "article" and c.kind == "added"}
    touched: dict[str, dict[str, list[str]]] = {}  # article → kind → labels of its paragraphs
    for c in changes:
        if c.what == "paragraph" and c.article not in new_articles:
            touched.setdefault(c.article, {}).setdefault(c.kind, []).append(c.label)
    # A paragraph new to an article that had text has no explanation yet: its note is flagged, so the
    # status page lists it ("needs review") until an editor writes one.
    added_paragraphs = {(article, labels) for article, kinds in touched.items() for labels in kinds.get("added", ())}
    retitled = {c.article for c in changes if c.what == "article" and c.kind == "changed"}
    changed_articles = set(touched) | retitled
    today = timezone.localdate()
    with reversion.create_revision(), bulk_change():
        reversion.set_comment(f"Official text imported ({lang})")
        chapters = {c.number: c for c in edition.chapters.all() if c.number}
        last_position = max((c.position for c in edition.chapters.all()), default=-1)
        for number, title in law.chapters.items():
            chapter = chapters.get(number)
            if chapter is None:
                last_position += 1
                chapter = Chapter(edition=edition, key=number, number=number, is_official=True, position=last_position)
            stored_title = getattr(chapter, f"title_{lang}") or ""
            if not same_title(stored_title, title):  # the site's letter case is kept ("Общие положения")
                setattr(chapter, f"title_{lang}", title)
            if chapter.pk is None or not same_title(stored_title, title):
                chapter.save()
            chapters[number] = chapter
        stored = {a.number: a for a in Article.objects.filter(edition=edition)}
        incoming = {a.number for a in law.articles}
        positions = {n: i for i, n in enumerate(sorted({*stored, *incoming}, key=number_key))}
        for parsed in law.articles:
            article = stored.get(parsed.number)
            chapter = chapters.get(parsed.chapter) or fallback_chapter(edition, chapters)
            created = article is None
            if created:
                # A new article waits for its explanation: the public sees it once an editor publishes it.
                article = Article(edition=edition, number=parsed.number, chapter=chapter, status=Status.DRAFT)
            elif parsed.chapter in chapters:
                article.chapter = chapters[parsed.chapter]  # an amendment may move it
            article.position = positions[parsed.number]
            setattr(article, f"official_title_{lang}", parsed.title)
            setattr(article, f"official_notes_{lang}", "\n\n".join(parsed.notes))
            if parsed.number in changed_articles:
                kinds = touched.get(parsed.number, {})
                why = reason(
                    today,
                    lang,
                    added=kinds.get("added", ()),
                    changed=kinds.get("changed", ()),
                    removed=kinds.get("removed", ()),
                    title=parsed.number in retitled,
                )
                # Each language's import adds its reason to those not yet reviewed.
                prior = list(article.review_reasons or []) if article.review_languages() else []
                article.review_reasons = [*prior, why][-MAX_REASONS:]
                article.flag_for_review()
                article.official_changed_on = today
            article.save()
            if created and source.editor is not None:
                actions.note_change(article, source.editor)
            existing = {p.label: p for p in article.paragraphs.all()}
            labels = {p.label for p in parsed.paragraphs}
            order = {label: i for i, label in enumerate(sorted({*existing, *labels}, key=number_key))}
            for paragraph in parsed.paragraphs:
                row = existing.get(paragraph.label) or Paragraph(article=article, label=paragraph.label)
                row.position = order[paragraph.label]
                setattr(row, f"official_text_{lang}", paragraph.text)
                if (parsed.number, paragraph.label) in changed_paragraphs and any(
                    getattr(row, f"note_{code}") for code in LANGUAGE_CODES
                ):
                    row.note_needs_review = True
                if (parsed.number, paragraph.label) in added_paragraphs:
                    row.note_needs_review = True
                row.save()
            for label, row in existing.items():
                if label not in labels and getattr(row, f"official_text_{lang}"):
                    setattr(row, f"official_text_{lang}", "")
                    row.note_needs_review = row.note_needs_review or any(
                        getattr(row, f"note_{code}") for code in LANGUAGE_CODES
                    )
                    row.save()
        for number, article in stored.items():
            if number not in incoming:
                emptied = False
                for row in article.paragraphs.all():
                    if getattr(row, f"official_text_{lang}"):
                        setattr(row, f"official_text_{lang}", "")
                        row.save()
                        emptied = True
                if emptied:
                    prior = list(article.review_reasons or []) if article.review_languages() else []
                    article.review_reasons = [*prior, reason(today, lang, gone=True)][-MAX_REASONS:]
                    article.flag_for_review()
                    article.official_changed_on = today
                    article.save()
        setattr(edition, f"official_notes_{lang}", "\n\n".join(law.notes))
        edition.save()
        return record(import_plan, source)


def fallback_chapter(edition, chapters):
    """Articles before any chapter heading go into a chapter of their own ('0')."""
    from law.models import Chapter

    if "0" not in chapters:
        chapters["0"], _ = Chapter.objects.get_or_create(
            edition=edition, key="0", defaults={"number": "", "is_official": False, "position": 0}
        )
    return chapters["0"]
