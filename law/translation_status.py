"""What needs writing, translating or checking in one edition, per language: the translation status page's data.

- Articles: per language, an explanation cell (the article's title and explanation, its paragraphs'
  notes, its rights and duties) and an official-text cell (its paragraphs' official text). A cell
  lists each thing to fix with the address of the field where it is fixed, and the sentences over the
  plain-language bar.
- Other records (rights and duties, chapters, glossary terms, pages, the question flow's texts):
  law/translation_records.py, with the same cells.

"Missing" counts empty and NULL texts alike (imports leave NULL). "Out of date" is the record's own
judgement (`EditableContent.translation_state`): another language changed since this one was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial import tracking
from editorial.languages import LANGUAGE_CODES, text_in

from .models import Article, Edition, Paragraph, RightOrDuty
from .plain_language import PLAIN_LANGUAGE_BAR, long_sentences

MISSING, STALE, REVIEW, LONG, OK, NONE = "missing", "stale", "review", "long", "ok", "none"
PROBLEMS = (MISSING, STALE, REVIEW, LONG)  # a cell shows the first it has, and counts under each
STATE_LABELS = {
    MISSING: gettext_lazy("missing"),
    STALE: gettext_lazy("out of date"),
    REVIEW: gettext_lazy("needs review"),
    LONG: gettext_lazy("sentences over the bar"),
    OK: gettext_lazy("up to date"),
    NONE: gettext_lazy("not loaded in any language"),
}
# The order of the inline rows on the article's change form (ArticleAdmin's inlines use the same),
# so that a link to the n-th row's field lands on the right record.
INLINE_ORDER = ("position", "pk")


@dataclass
class Fix:
    """One thing to do in one language, and the address of the field where it is done."""

    kind: str  # one of PROBLEMS
    text: str
    url: str


@dataclass
class LongSentenceAt:
    where: str
    text: str
    words: int
    url: str


@dataclass
class Cell:
    lang: str
    url: str  # where this cell's main text is edited
    fixes: list[Fix] = field(default_factory=list)
    long: list[LongSentenceAt] = field(default_factory=list)
    none: bool = False  # official text: not loaded in any language

    @property
    def flags(self) -> set[str]:
        return {fix.kind for fix in self.fixes} | ({LONG} if self.long else set())

    @property
    def state(self) -> str:
        if self.none:
            return NONE
        return next((kind for kind in PROBLEMS if kind in self.flags), OK)

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def needs_work(self) -> bool:
        return bool(self.flags)

    @property
    def link(self) -> str:
        if self.fixes:
            return self.fixes[0].url
        return self.long[0].url if self.long else self.url


@dataclass
class ArticleRow:
    article: Article
    explanation: dict[str, Cell]
    official: dict[str, Cell]  # empty when the edition has no official text at all

    def cells(self, languages) -> list[tuple[str, Cell | None, Cell]]:
        return [(lang, self.official.get(lang), self.explanation[lang]) for lang in languages]

    def needs_work(self, languages) -> bool:
        return any(
            cell.needs_work
            for _lang, official, explanation in self.cells(languages)
            for cell in (official, explanation)
            if cell
        )


def count(cells: list[Cell]) -> dict[str, int]:
    """How many cells have each problem (a cell may have several), and how many have none."""
    counts = {kind: 0 for kind in (*PROBLEMS, OK)}
    for cell in cells:
        for kind in cell.flags:
            counts[kind] += 1
        counts[OK] += not cell.flags
    return counts


# --------------------------------------------------------------------------- addresses of fields


def change_url(record) -> str:
    """The record's admin form; kept on the record, as a page names it once per field and language."""
    if "_admin_change_url" not in record.__dict__:
        opts = record._meta
        record.__dict__["_admin_change_url"] = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]
        )
    return record.__dict__["_admin_change_url"]


def field_url(record, name: str, lang: str | None = None) -> str:
    return f"{change_url(record)}#id_{name}" + (f"_{lang}" if lang else "")


def inline_url(article, prefix: str, index: int, name: str, lang: str | None = None) -> str:
    return f"{change_url(article)}#id_{prefix}-{index}-{name}" + (f"_{lang}" if lang else "")


def changed_languages(record, group: str, lang: str) -> str | None:
    """'ru, en' when those languages' newer text makes `lang` out of date; None when it is not."""
    return ", ".join(stale_languages(record, group).get(lang, [])) or None


def stale_languages(record, group: str) -> dict[str, list[str]]:
    """Per language, the languages whose newer text makes it out of date (none: up to date, or missing).

    The judgement of `record.translation_state` and `record.stale_sources` (editorial.tracking), made
    once for all three languages: they would read and digest every language's text for each one, and
    this page asks it of every record of an edition (tests/test_translation_status.py checks they agree).
    """
    if group not in record.tracked_groups:
        return {}
    known = record.__dict__.setdefault("_stale_languages", {})
    if group not in known:
        fields = record.tracked_groups[group]
        values = tracking.record_values(record, fields)
        texts = {lang: tracking.group_texts(values, fields, lang) for lang in LANGUAGE_CODES}
        digests = {lang: tracking.texts_digest(texts[lang]) for lang in LANGUAGE_CODES}
        present = {lang: any(texts[lang]) for lang in LANGUAGE_CODES}
        entries = (record.language_changes or {}).get(group, {})
        known[group] = {
            lang: tracking.stale_sources(entries, digests, present, lang) if present[lang] else []
            for lang in LANGUAGE_CODES
        }
    return known[group]


def written_elsewhere(record, name: str, lang: str) -> bool:
    return any(text_in(record, name, other).strip() for other in LANGUAGE_CODES if other != lang)


def duty_name(item: RightOrDuty) -> str:
    return f"{item.get_kind_display()} {item.key}"


# --------------------------------------------------------------------------- articles


def explanation_cell(article, paragraphs, items, lang) -> Cell:
    cell = Cell(lang, field_url(article, "summary", lang))
    fixes = cell.fixes

    def missing(what, url):
        fixes.append(Fix(MISSING, _("%(what)s: missing") % {"what": what}, url))

    def stale(what, languages, url):
        fixes.append(Fix(STALE, _("%(what)s: %(languages)s changed") % {"what": what, "languages": languages}, url))

    # Missing: the summary; the title; and what another language has that this one lacks.
    if not text_in(article, "summary", lang).strip():
        missing(_("In short"), field_url(article, "summary", lang))
    if not text_in(article, "plain_title", lang).strip():
        missing(capfirst(Article._meta.get_field("plain_title").verbose_name), field_url(article, "plain_title", lang))
    if not text_in(article, "for_you", lang).strip() and written_elsewhere(article, "for_you", lang):
        missing(_("What this means for you"), field_url(article, "for_you", lang))
    for index, paragraph in enumerate(paragraphs):
        if not text_in(paragraph, "note", lang).strip() and written_elsewhere(paragraph, "note", lang):
            missing(paragraph_note(paragraph), inline_url(article, "paragraphs", index, "note", lang))
    for index, item in enumerate(items):
        if not text_in(item, "text", lang).strip():
            missing(duty_name(item), inline_url(article, "rights_and_duties", index, "text", lang))

    # Out of date: another language of the same text changed since this one was written.
    if languages := changed_languages(article, "explanation", lang):
        stale(_("Title and explanation"), languages, field_url(article, "summary", lang))
    for index, paragraph in enumerate(paragraphs):
        if languages := changed_languages(paragraph, "explanation", lang):
            stale(paragraph_note(paragraph), languages, inline_url(article, "paragraphs", index, "note", lang))
    for index, item in enumerate(items):
        if languages := changed_languages(item, "explanation", lang):
            stale(duty_name(item), languages, inline_url(article, "rights_and_duties", index, "text", lang))

    # Needs review: the official text changed (set by an import); each language's editor checks their own.
    if getattr(article, f"needs_review_{lang}"):
        text = _("Explanation needs review")
        fixes.append(
            Fix(
                REVIEW,
                f"{text}: {reason}" if (reason := article.review_reason_text()) else text,
                field_url(article, "needs_review", lang),
            )
        )
    for index, paragraph in enumerate(paragraphs):
        if paragraph.note_needs_review:
            what = paragraph_note(paragraph)
            fixes.append(
                Fix(
                    REVIEW,
                    _("%(what)s: needs review") % {"what": what},
                    inline_url(article, "paragraphs", index, "note", lang),
                )
            )

    cell.long = article_long_sentences(article, paragraphs, items, lang)
    return cell


def paragraph_note(paragraph) -> str:
    return _("Paragraph %(label)s, note") % {"label": paragraph.label}


def article_long_sentences(article, paragraphs, items, lang) -> list[LongSentenceAt]:
    """The sentences over the language's bar in the article's explanation, its notes and its rights and duties."""
    texts = [
        (_("In short"), text_in(article, "summary", lang), field_url(article, "summary", lang)),
        (_("What this means for you"), text_in(article, "for_you", lang), field_url(article, "for_you", lang)),
    ]
    texts += [
        (paragraph_note(p), text_in(p, "note", lang), inline_url(article, "paragraphs", i, "note", lang))
        for i, p in enumerate(paragraphs)
    ]
    texts += [
        (duty_name(item), text_in(item, "text", lang), inline_url(article, "rights_and_duties", i, "text", lang))
        for i, item in enumerate(items)
    ]
    bar = PLAIN_LANGUAGE_BAR[lang]
    return [
        LongSentenceAt(where, sentence.text, sentence.words, url)
        for where, text, url in texts
        for sentence in long_sentences(text, bar)
    ]


def official_cell(article, paragraphs, lang) -> Cell:
    cell = Cell(lang, f"{change_url(article)}#paragraphs-group")
    if not any(text_in(p, "official_text", other).strip() for p in paragraphs for other in LANGUAGE_CODES):
        cell.none = True
        cell.fixes.append(Fix(MISSING, str(STATE_LABELS[NONE]), cell.url))
        return cell
    for index, paragraph in enumerate(paragraphs):
        what = _("Paragraph %(label)s") % {"label": paragraph.label}
        url = inline_url(article, "paragraphs", index, "official_text", lang)
        if not text_in(paragraph, "official_text", lang).strip():
            if written_elsewhere(paragraph, "official_text", lang):
                cell.fixes.append(Fix(MISSING, _("%(what)s: missing") % {"what": what}, url))
        elif languages := changed_languages(paragraph, "official", lang):
            text = _("%(what)s: %(languages)s changed") % {"what": what, "languages": languages}
            cell.fixes.append(Fix(STALE, text, url))
    return cell


def article_rows(edition: Edition) -> list[ArticleRow]:
    """One row per article of the edition, in its order (four queries, whatever the number of articles)."""
    articles = (
        Article.objects.filter(edition=edition)
        .select_related("edition")
        .prefetch_related(
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by(*INLINE_ORDER)),
            Prefetch("rights_and_duties", queryset=RightOrDuty.objects.order_by(*INLINE_ORDER)),
        )
        .order_by("position", "pk")
    )
    fetched = [(a, list(a.paragraphs.all()), list(a.rights_and_duties.all())) for a in articles]
    has_official = any(
        text_in(p, "official_text", lang).strip()
        for _a, paragraphs, _i in fetched
        for p in paragraphs
        for lang in LANGUAGE_CODES
    )
    rows = []
    for article, paragraphs, items in fetched:
        explanation = {lang: explanation_cell(article, paragraphs, items, lang) for lang in LANGUAGE_CODES}
        official = {lang: official_cell(article, paragraphs, lang) for lang in LANGUAGE_CODES} if has_official else {}
        rows.append(ArticleRow(article, explanation, official))
    return rows


def default_edition() -> Edition | None:
    """The main edition (the law in force), or the first edition when none is in force."""
    return Edition.objects.main() or Edition.objects.order_by("position", "slug").first()
