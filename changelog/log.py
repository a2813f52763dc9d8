"""The entries of the public change log, as the page and the feed show them: rows written when each
change was saved (changelog.writer), of articles the public reads now, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from editorial.languages import LANGUAGE_CODES
from law.models import Article

from .models import ChangeLogEntry
from .writer import LABELS


@dataclass
class Entry:
    revision_id: int
    when: datetime
    article: Article
    changed: dict  # what (a key of LABELS) -> language codes

    def summary(self) -> str:
        """One line: what changed and in which languages, in the reader's language."""
        names = dict(settings.LANGUAGES)
        parts = []
        for what in LABELS:
            if what in self.changed:
                languages = ", ".join(names[code] for code in LANGUAGE_CODES if code in self.changed[what])
                parts.append(f"{LABELS[what]} ({languages})")
        return "; ".join(parts)


def entries(limit: int = 30) -> list[Entry]:
    """The latest entries of published articles, times in the site's time zone."""
    rows = (
        ChangeLogEntry.objects.filter(hidden=False, article__in=Article.objects.published())
        .select_related("revision", "article__edition")
        .order_by("-revision__date_created", "-revision_id", "article_id")[:limit]
    )
    return [Entry(r.revision_id, timezone.localtime(r.revision.date_created), r.article, r.changed) for r in rows]
