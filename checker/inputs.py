"""The question flow's inputs for an edition, made once per content version and language.

A flow result is made from the edition's declared flow (questions, rules), the flow's words in the
page's language, and the published rights and duties with their articles and paragraphs. Read from
the database for every result, they cost most of its time (hundreds of model instances with every
translated column); they change only when content changes. So they are kept in law.memo, per
edition and language, for as long as the content version stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from law.memo import remembered
from law.models import RightOrDuty


@dataclass
class Inputs:
    records: list  # published rights and duties, in the law's order, with article and paragraph
    by_key: dict


def read_records(edition) -> Inputs:
    records = list(
        RightOrDuty.objects.published()
        .filter(edition=edition)
        .select_related("article__edition", "paragraph")
        .order_by("article__position", "position")
    )
    return Inputs(records, {r.key: r for r in records})


def records_of(edition) -> Inputs:
    """The published rights and duties of the edition (the same for every language)."""
    return remembered(("records", edition.pk), lambda: read_records(edition))


def words_of(edition, make):
    """The flow's words of the edition in the active language (checker.views.Words)."""
    return remembered(("words", edition.pk, get_language()), lambda: make(edition))


def flow_of(edition, make):
    """The edition's declared flow, or None."""
    return remembered(("flow", edition.pk), lambda: make(edition))
