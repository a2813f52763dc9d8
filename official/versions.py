"""Versions of the official text: recording an import, the date its text is "as of", and what the
public pages show of them (the article's "official text as of …" line, the list of changes)."""

from __future__ import annotations

import datetime
import difflib
import re

from django.db.models import Exists, OuterRef
from django.utils import timezone

from law.signals import bump

from .models import OfficialTextChange, OfficialTextVersion

# Dates as the legal database writes them in its notes: 24.06.2026 (ru, en) and 2026.06.24 (kk).
DAY_FIRST = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d])")
YEAR_FIRST = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d])")


def dates_in(text: str) -> list[datetime.date]:
    found = [(int(y), int(m), int(d)) for d, m, y in DAY_FIRST.findall(text)]
    found += [(int(y), int(m), int(d)) for y, m, d in YEAR_FIRST.findall(text)]
    dates = []
    for year, month, day in found:
        try:
            dates.append(datetime.date(year, month, day))
        except ValueError:
            continue  # not a date after all (31.02.2026)
    return dates


def as_of(law, today: datetime.date) -> tuple[datetime.date, str]:
    """The date the text is "as of", and where it comes from (OfficialTextVersion.Basis): the latest
    date in the database's own notes on the act and its articles (the last amendment it records);
    else the date in the act's title (a text with no note of a change is the text as signed); the
    day of the import only when the text gives no date at all. Dates after today are not taken: a
    note may announce when a change will take effect."""
    basis = OfficialTextVersion.Basis
    dates = [date for note in law.all_notes() for date in dates_in(note) if date <= today]
    if law.dated and law.dated <= today:
        dates = [date for date in dates if date > law.dated]  # a note citing an older law is no change
    if dates:
        return max(dates), basis.NOTES
    if law.dated and law.dated <= today:
        return law.dated, basis.SIGNED
    return today, basis.IMPORT


def latest(edition, lang: str) -> OfficialTextVersion | None:
    return OfficialTextVersion.objects.filter(edition=edition, lang=lang).order_by("-imported_at", "-id").first()


def record(import_plan, source) -> OfficialTextVersion:
    """A new version for an import that changed the text; for one that found the same text, the
    latest version gets a new "last found unchanged" time instead."""
    edition, law = import_plan.edition, import_plan.law
    previous = latest(edition, law.lang)
    now = timezone.now()
    if previous is not None and not import_plan.changes:
        previous.checked_at = now
        previous.save(update_fields=["checked_at"])
        bump()  # article pages show the date of this check: cached copies must go
        return previous
    date, basis = as_of(law, timezone.localdate())
    if basis == OfficialTextVersion.Basis.IMPORT and source.stated_as_of:
        date, basis = source.stated_as_of, OfficialTextVersion.Basis.SOURCE
    version = OfficialTextVersion.objects.create(
        edition=edition,
        lang=law.lang,
        as_of=date,
        as_of_basis=basis,
        source_url=source.url[:500],
        source_name=source.name[:255],
        source_sha256=source.sha256,
        format=source.format,
        imported_at=now,
        imported_by=source.imported_by[:150],
        articles=len(law.articles),
    )
    OfficialTextChange.objects.bulk_create(
        OfficialTextChange(
            version=version,
            kind=change.kind,
            what=change.what,
            article_number=change.article,
            label=change.label,
            before=change.before or "",
            after=change.after or "",
            position=position,
        )
        for position, change in enumerate(import_plan.changes)
    )
    return version


def article_versions(article, lang: str) -> dict | None:
    """For an article's page: the version its text is from (the latest import: it confirmed every
    article it holds) and the earlier versions of this article's text, each with the import that
    replaced it. None when the text was never imported in this language."""
    text_changes = OfficialTextChange.objects.filter(
        version=OuterRef("pk"), article_number=article.number, what__in=("article", "paragraph")
    )
    versions = list(
        OfficialTextVersion.objects.filter(edition_id=article.edition_id, lang=lang, hidden=False)
        .annotate(touches=Exists(text_changes), adds=Exists(text_changes.filter(what="article", kind="added")))
        .order_by("imported_at", "id")
    )
    if not versions:
        return None
    # Each version that changed this article's text replaced the one just before it (unless it
    # brought the article in for the first time: then there was no earlier text to replace).
    earlier = [
        {"version": versions[index - 1], "replaced_by": version}
        for index, version in enumerate(versions)
        if index and version.touches and not version.adds
    ]
    return {"current": versions[-1], "earlier": earlier[::-1]}


def edition_versions(edition):
    """Every version of an edition's official text, newest first, with its changes; the first
    version of each language is marked (it adds the whole text, listed as a count only)."""
    versions = list(
        OfficialTextVersion.objects.filter(edition=edition, hidden=False)
        .order_by("-imported_at", "-id")
        .prefetch_related("changes")
    )
    seen: set[str] = set()
    for version in reversed(versions):
        # The first version of a language is summed up, unless it changed text that was there
        # before (loaded from content/, say): then its changes are listed like any other's.
        version.is_first = version.lang not in seen and all(c.kind == "added" for c in version.changes.all())
        seen.add(version.lang)
    return versions


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The words of two texts as (kind, text) runs, kind "same", "removed" or "added": linear
    enough for a paragraph, and readable without colour (the template marks them with <del>/<ins>)."""
    old, new = before.split(), after.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(new[j1:j2])))
    return runs
