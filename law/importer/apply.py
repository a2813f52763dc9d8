"""Write a planned import in one transaction; mark explanations of changed paragraphs for review."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from editorial.languages import LANGUAGE_CODES
from editorial.numbering import number_key

from .plan import Plan


@transaction.atomic
def apply(import_plan: Plan) -> Plan:
    """Write the parsed text into the edition (one transaction) and flag explanations to review."""
    import reversion

    from law.changes import bulk_change
    from law.models import Article, Chapter, Paragraph

    edition, law = import_plan.edition, import_plan.law
    lang = law.lang
    changed_paragraphs = {
        (c.article, c.label) for c in import_plan.changes if c.what == "paragraph" and c.kind in ("changed", "removed")
    }
    today = timezone.localdate().isoformat()
    with reversion.create_revision(), bulk_change():
        reversion.set_comment(f"Official text imported ({lang})")
        chapters = {c.number: c for c in edition.chapters.all() if c.number}
        last_position = max((c.position for c in edition.chapters.all()), default=-1)
        for number, title in law.chapters.items():
            chapter = chapters.get(number)
            if chapter is None:
                last_position += 1
                chapter = Chapter(edition=edition, key=number, number=number, is_official=True, position=last_position)
            setattr(chapter, f"title_{lang}", title)
            chapter.save()
            chapters[number] = chapter
        stored = {a.number: a for a in Article.objects.filter(edition=edition)}
        numbers = sorted({*stored, *(a.number for a in law.articles)}, key=number_key)
        for parsed in law.articles:
            article = stored.get(parsed.number)
            chapter = chapters.get(parsed.chapter) or fallback_chapter(edition, chapters)
            if article is None:
                article = Article(edition=edition, number=parsed.number, chapter=chapter)
            article.position = numbers.index(parsed.number)
            setattr(article, f"official_title_{lang}", parsed.title)
            setattr(article, f"official_notes_{lang}", "\n\n".join(parsed.notes))
            reviewed = [label for number, label in changed_paragraphs if number == parsed.number]
            if reviewed:
                article.needs_review = True
                labels = ", ".join(sorted(reviewed, key=number_key))
                article.review_note = f"{today}: official text ({lang}) changed in paragraph(s) {labels}"
            article.save()
            existing = {p.label: p for p in article.paragraphs.all()}
            labels = [p.label for p in parsed.paragraphs]
            all_labels = sorted({*existing, *labels}, key=number_key)
            for paragraph in parsed.paragraphs:
                row = existing.get(paragraph.label) or Paragraph(article=article, label=paragraph.label)
                row.position = all_labels.index(paragraph.label)
                setattr(row, f"official_text_{lang}", paragraph.text)
                if (parsed.number, paragraph.label) in changed_paragraphs and any(
                    getattr(row, f"note_{code}") for code in LANGUAGE_CODES
                ):
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
            if number not in {a.number for a in law.articles}:
                for row in article.paragraphs.all():
                    if getattr(row, f"official_text_{lang}"):
                        setattr(row, f"official_text_{lang}", "")
                        row.save()
        setattr(edition, f"official_notes_{lang}", "\n\n".join(law.notes))
        edition.save()
    return import_plan


def fallback_chapter(edition, chapters):
    """Articles before any chapter heading go into a chapter of their own ('0')."""
    from law.models import Chapter

    if "0" not in chapters:
        chapters["0"], _ = Chapter.objects.get_or_create(
            edition=edition, key="0", defaults={"number": "", "is_official": False, "position": 0}
        )
    return chapters["0"]
