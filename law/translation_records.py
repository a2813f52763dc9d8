"""The other records on the translation status page: rights and duties, chapters, glossary terms,
pages, the everyday words for search (`LAW_SECTIONS`), and any other app's records given the same
way (the question flow's words).

Per record and language, a cell (law/translation_status.py) saying what is missing or out of date,
each linking to the field where it is fixed; per section and language, how many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES, text_in

from .models import Chapter, Edition, EverydayWord, GlossaryTerm, Page, RightOrDuty
from .translation_status import (
    INLINE_ORDER,
    MISSING,
    STALE,
    Cell,
    Fix,
    change_url,
    changed_languages,
    count,
    duty_name,
    field_url,
    inline_url,
)


@dataclass(frozen=True)
class Section:
    """A kind of record on the page: which texts it must have, and how it is named and found."""

    model: type
    fields: tuple[str, ...]  # a record lacking any of these in a language is missing in it
    describe: Callable[[object], str] = str
    edition_field: str | None = "edition"  # None: the records are the whole site's
    select_related: tuple[str, ...] = ()
    may_stay_empty: Callable[[object], bool] = lambda record: False  # when empty in every language
    # Where a record's field is edited, when not on its own change form: (records) → {pk: (url of the
    # record, url of a field: (name, lang) → str)}.
    locate: Callable[[list], dict] | None = None

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)


@dataclass
class RecordRow:
    record: object
    name: str
    url: str
    cells: dict[str, Cell] = field(default_factory=dict)

    def needs_work(self, languages) -> bool:
        return any(self.cells[lang].needs_work for lang in languages)


@dataclass
class SectionStatus:
    section: Section
    rows: list[RecordRow]

    @property
    def label(self) -> str:
        return self.section.label

    def counts(self, lang: str) -> dict[str, int]:
        return count([row.cells[lang] for row in self.rows])


def record_cell(section: Section, record, lang: str, field_url=field_url) -> Cell:
    cell = Cell(lang, field_url(record, section.fields[0], lang))
    empty_everywhere = not any(
        text_in(record, name, other).strip() for name in section.fields for other in LANGUAGE_CODES
    )
    if not (empty_everywhere and section.may_stay_empty(record)):
        for name in section.fields:
            if not text_in(record, name, lang).strip():
                what = capfirst(section.model._meta.get_field(name).verbose_name)
                cell.fixes.append(Fix(MISSING, _("%(what)s: missing") % {"what": what}, field_url(record, name, lang)))
    for group, names in record.tracked_groups.items():
        if languages := changed_languages(record, group, lang):
            what = ", ".join(str(capfirst(section.model._meta.get_field(name).verbose_name)) for name in names)
            text = _("%(what)s: %(languages)s changed") % {"what": what, "languages": languages}
            cell.fixes.append(Fix(STALE, text, field_url(record, names[0], lang)))
    return cell


def section_status(section: Section, edition: Edition) -> SectionStatus:
    records = section.model._default_manager.select_related(*section.select_related)
    if section.edition_field:
        records = records.filter(**{section.edition_field: edition})
    records = list(records)
    located = section.locate(records) if section.locate else {}
    rows = []
    for record in records:
        url, where = located.get(record.pk, (change_url(record), field_url))
        cells = {lang: record_cell(section, record, lang, where) for lang in LANGUAGE_CODES}
        rows.append(RecordRow(record, section.describe(record), url, cells))
    return SectionStatus(section, rows)


def describe_right_or_duty(item) -> str:
    return f"{duty_name(item)} ({_('Article %(number)s') % {'number': item.article.number}})"


def locate_rights_and_duties(items) -> dict:
    """A right or duty is edited in its article's form (a published article's only through it): its row there."""
    by_article: dict[int, list] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    located = {}
    for siblings in by_article.values():
        for index, item in enumerate(sorted(siblings, key=lambda i: [getattr(i, f) for f in INLINE_ORDER])):
            located[item.pk] = (
                f"{change_url(item.article)}#rights_and_duties-{index}",
                lambda record, name, lang, index=index: inline_url(
                    record.article, "rights_and_duties", index, name, lang
                ),
            )
    return located


def describe_chapter(chapter) -> str:
    return chapter.number or chapter.key


LAW_SECTIONS: list[Section] = [
    Section(
        RightOrDuty, ("text",), describe_right_or_duty, select_related=("article",), locate=locate_rights_and_duties
    ),
    Section(Chapter, ("title",), describe_chapter),
    Section(GlossaryTerm, ("name", "definition"), lambda term: term.slug),
    Section(Page, ("title", "body"), lambda page: page.slug, edition_field=None),
    Section(EverydayWord, ("typed", "finds"), lambda word: word.key, edition_field=None),
]


def other_records(edition: Edition, sections: list[Section]) -> list[SectionStatus]:
    """Each section's records of the edition (one query per section): law's `LAW_SECTIONS` and
    whatever else the page lists (editors.admin.translation_status adds the question flow's words)."""
    return [section_status(section, edition) for section in sections]
