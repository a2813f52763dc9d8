"""The translation status page (ArticleAdmin's "translation-status/" URL calls `translation_status_view`),
and the article change form's list of sentences over the plain-language bar (`long_sentences_block`).

The page is filtered with a plain GET form (no JavaScript needed): edition (the main one unless
chosen), language (all or one), and whether to show only what needs work (the default) or everything.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from checker.engine import is_optional
from checker.models import FlowText
from editorial.languages import LANGUAGE_CODES
from law.models import Article, Edition
from law.plain_language import PLAIN_LANGUAGE_BAR
from law.translation_records import LAW_SECTIONS, Section, other_records
from law.translation_status import (
    INLINE_ORDER,
    PROBLEMS,
    article_long_sentences,
    article_rows,
    count,
    default_edition,
)
from review.models import Draft

# Law's records, then the question flow's words (an option's hint may stay empty in every language).
SECTIONS = [
    *LAW_SECTIONS,
    Section(FlowText, ("text",), lambda text: text.key, may_stay_empty=lambda text: is_optional(text.key)),
]

NEEDS_WORK, EVERYTHING = "needs-work", "all"


class EditionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.short_title or obj.title


class StatusFilters(forms.Form):
    edition = EditionChoiceField(
        Edition.objects.order_by("position", "slug"),
        to_field_name="slug",
        empty_label=None,
        label=gettext_lazy("Edition"),
    )
    language = forms.ChoiceField(
        choices=[("", gettext_lazy("All languages")), *[(lang, lang.upper()) for lang in LANGUAGE_CODES]],
        required=False,
        label=gettext_lazy("Language"),
    )
    state = forms.ChoiceField(
        choices=[(NEEDS_WORK, gettext_lazy("Only what needs work")), (EVERYTHING, gettext_lazy("Everything"))],
        required=False,
        label=gettext_lazy("What to show"),
    )


def chosen_filters(query) -> tuple[StatusFilters, Edition | None, list[str], bool]:
    """The filters from the address; a value that is unknown (or left out) falls back to its default."""
    main = default_edition()
    defaults = {"edition": main.slug if main else "", "language": "", "state": NEEDS_WORK}
    data = {**defaults, **{name: query.get(name) for name in defaults if query.get(name) is not None}}
    form = StatusFilters(data)
    if not form.is_valid():
        data.update({name: defaults[name] for name in form.errors})
        form = StatusFilters(data)
        form.is_valid()
    cleaned = form.cleaned_data
    languages = [cleaned["language"]] if cleaned.get("language") else list(LANGUAGE_CODES)
    return form, cleaned.get("edition"), languages, cleaned.get("state", NEEDS_WORK) != EVERYTHING


def translation_status_view(model_admin, request):

    form, edition, languages, needs_work_only = chosen_filters(request.GET)
    rows = article_rows(edition) if edition else []
    sections = other_records(edition, SECTIONS) if edition else []
    has_official = any(row.official for row in rows)
    counts = [
        {
            "lang": lang,
            "explanation": count([row.explanation[lang] for row in rows]),
            "official": count([row.official[lang] for row in rows]) if has_official else None,
        }
        for lang in languages
    ]
    shown_sections = [
        {
            "label": section.label,
            "id": f"section-{section.section.model._meta.model_name}",
            "counts": [(lang, section.counts(lang)) for lang in languages],
            "rows": [
                {"name": row.name, "url": row.url, "cells": [row.cells[lang] for lang in languages]}
                for row in section.rows
                if row.needs_work(languages) or not needs_work_only
            ],
        }
        for section in sections
    ]
    articles = [row.article for row in rows]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Translation status"),
        "opts": model_admin.model._meta,
        # Edits to published records wait as their next version: this page reads what is published.
        "next_versions": Draft.objects.filter(data__isnull=False).count(),
        "form": form,
        "edition": edition,
        "languages": languages,
        "needs_work_only": needs_work_only,
        "bars": [(lang, PLAIN_LANGUAGE_BAR[lang]) for lang in languages],
        "counts": counts,
        "has_official": has_official,
        "rows": [
            {"article": row.article, "cells": row.cells(languages)}
            for row in (sorted(rows, key=lambda row: urgency(row, languages)) if needs_work_only else rows)
            if row.needs_work(languages) or not needs_work_only
        ],
        "article_count": len(rows),
        "sections": shown_sections,
        # Explanations of an enacted law that no editor has yet checked against its official text.
        "unchecked": [a for a in articles if a.edition.kind == Edition.Kind.LAW and not a.last_checked],
        # In every edition: an import changed their official text (a short list, gone once reviewed).
        "official_changed": Article.objects.filter(waits_for_review(), official_changed_on__isnull=False)
        .select_related("edition")
        .order_by("edition__position", "position"),
    }
    return TemplateResponse(request, "admin/law/translation_status.html", context)


def urgency(row, languages) -> int:
    """Missing, out of date and to review before sentences over the bar (the law's order within each)."""
    states = [
        cell.state for _lang, official, explanation in row.cells(languages) for cell in (official, explanation) if cell
    ]
    return min((PROBLEMS.index(state) for state in states if state in PROBLEMS), default=len(PROBLEMS))


def waits_for_review() -> Q:
    """Articles whose explanation waits for a check in at least one language."""
    return Q(needs_review_kk=True) | Q(needs_review_ru=True) | Q(needs_review_en=True)


def long_sentences_block(obj):
    """For the article's change form: per language, each sentence over the bar, where it is and its length.

    Its links are fragments of the form itself (#id_summary_kk): following one never leaves the page,
    so nothing typed is lost."""
    if obj is None or not obj.pk:
        return "—"
    paragraphs = list(obj.paragraphs.order_by(*INLINE_ORDER))
    items = list(obj.rights_and_duties.order_by(*INLINE_ORDER))
    parts = []
    for lang in LANGUAGE_CODES:
        found = article_long_sentences(obj, paragraphs, items, lang)
        heading = format_html(
            "<strong lang='{}'>{}</strong> {}",
            lang,
            lang.upper(),
            _("(the bar: %(words)d words)") % {"words": PLAIN_LANGUAGE_BAR[lang]},
        )
        if found:
            listed = format_html_join(
                "",
                "<li><a href='#{}'>{}</a>: <q lang='{}'>{}</q> ({})</li>",
                ((s.url.partition("#")[2], s.where, lang, s.text, words_label(s.words)) for s in found),
            )
            parts.append(format_html("<div class='long-sentences'>{}<ol>{}</ol></div>", heading, listed))
        else:
            parts.append(
                format_html("<div class='long-sentences'>{}: {}</div>", heading, _("no sentence over the bar."))
            )
    return format_html_join("", "{}", ((part,) for part in parts))


def words_label(number: int) -> str:
    return ngettext("%(count)d word", "%(count)d words", number) % {"count": number}
