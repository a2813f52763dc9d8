"""The flow's rules for a right or duty an editor changes (added to law.record_rules at start-up).

- `applies_if` must name a question of the edition's flow and some of its answers; else the record
  would never be shown to anyone.
- A key the flow names (its consequence, its deadlines) cannot be renamed from under it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from law.models import RightOrDuty

from .engine import CONDITION_RE
from .models import FlowDeclaration


def named_keys(declaration: dict) -> set[str]:
    return {key for key in [declaration.get("consequence", ""), *declaration.get("deadlines", [])] if key}


def right_or_duty_errors(record) -> dict[str, list[str]]:
    if not isinstance(record, RightOrDuty):
        return {}
    # On a new article's page the inline rows hold the unsaved article itself, without an id yet.
    article = record.article if record.article_id or "article" in record._state.fields_cache else None
    if article is None or not article.edition_id:
        return {}
    edition_id = article.edition_id
    declaration = FlowDeclaration.objects.filter(edition_id=edition_id).values_list("declaration", flat=True).first()
    if not declaration:
        return {}
    errors = {}
    questions = {q["name"]: q["values"] for q in declaration.get("questions", [])}
    if record.applies_if:
        match = CONDITION_RE.match(record.applies_if)
        values = questions.get(match["name"]) if match else None
        if values is None or not set(match["values"].split("|")) <= set(values):
            example = next(iter(questions.items()), ("question", ["yes"]))
            errors["applies_if"] = [
                _(
                    "“%(condition)s” is not a question of this edition's flow with its answers, so no one "
                    "would ever be shown this item. Write a question's name, “=”, and one or more of its "
                    "answers joined by “|”, for example “%(example)s”; or leave it empty."
                )
                % {"condition": record.applies_if, "example": f"{example[0]}={example[1][0]}"}
            ]
    if record.pk:
        old_key = RightOrDuty.objects.filter(pk=record.pk).values_list("key", flat=True).first()
        if old_key and old_key != record.key and old_key in named_keys(declaration):
            errors["key"] = [
                _(
                    "The question flow names this item by its key “%(key)s”: renamed, it would drop out of "
                    "people's results. Keep the key; its text can change freely."
                )
                % {"key": old_key}
            ]
    return errors
