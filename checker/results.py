"""What a result page shows, built from a flow's Outcome and its words: sections, warnings, fines."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .engine import Outcome


def short_name(words, question: str) -> str:
    return words[f"questions.{question}.short"] or words[f"questions.{question}.title"] or question


def entry(record, outcome: Outcome, words, flow) -> dict:
    """One line of a checklist: the record, and whether it only may apply (and on which answers)."""
    because = outcome.depends.get(record.key, ())
    return {
        "record": record,
        "maybe": bool(because),
        "because": [short_name(words, q) for q in because],
        "deadline": words[f"deadlines.{record.key}"] if record.key in flow.deadlines else "",
        # The short name of the answer that brings the record (a banned function): the sheet's words.
        "short": answer_name(words, record.applies_if),
    }


def answer_name(words, condition: str) -> str:
    """'rates_people=yes' -> the question's short name; 'capabilities=biometric' -> that option's."""
    question, _sep, value = condition.partition("=")
    if not question or "|" in value or "," in condition:
        return ""
    if value == "yes":
        return short_name(words, question)
    return words[f"questions.{question}.options.{value}"]


def role_sections(outcome: Outcome, words, flow) -> list[dict]:
    sections = []
    for role in outcome.roles + outcome.possible_roles:
        items = [entry(r, outcome, words, flow) for r in outcome.items[role]]
        sections.append(
            {
                "role": role,
                "possible": role in outcome.possible_roles,
                "title": words[f"roles.{role}.title"],
                "body_html": words.html.get(f"roles.{role}.body", ""),
                "rights": [i for i in items if i["record"].kind == "right"],
                "duties": [i for i in items if i["record"].kind == "duty"],
                "rules": [i for i in items if i["record"].kind == "rule"],
            }
        )
    return sections


def money(amount: int) -> str:
    return number_format(amount, decimal_pos=0, force_grouping=True)


def fines_context(outcome: Outcome, words, flow) -> dict | None:
    if not outcome.offences or not flow.fines:
        return None
    offences = [
        {
            "title": words[f"offences.{offence.key}.title"],
            "body_html": words.html.get(f"offences.{offence.key}.body", ""),
            "maybe": bool(because),
            "because": [short_name(words, q) for q in because],
        }
        for offence, because in outcome.offences
    ]
    rows = [
        {
            "label": words[f"questions.{flow.fines.question}.options.{row.value}"] or row.value,
            "first": row.first,
            "repeated": row.repeated,
            "first_money": money(row.first_money),
            "repeated_money": money(row.repeated_money),
            "note": words[f"fines.notes.{row.value}"],
        }
        for row in outcome.fines
    ]
    return {
        "title": words["fines.title"],
        "body_html": words.html.get("fines.body", ""),
        "offences": offences,
        "rows": rows,
        "year": flow.fines.unit_year,
        "unit_value": money(flow.fines.unit_value),
    }


def headline(outcome: Outcome, sections: list[dict]) -> str:
    """One sentence at the top: roles, duties, warnings, answers to check."""
    if outcome.nothing_applies:
        return _("From your answers, no role that the law names applies to you.")
    parts = []
    certain_roles = [s for s in sections if not s["possible"]]
    if certain_roles:
        parts.append(
            ngettext("You have %(count)d role", "You have %(count)d roles", len(certain_roles))
            % {"count": len(certain_roles)}
        )
    possible = len(sections) - len(certain_roles)
    if possible and certain_roles:
        parts.append(
            ngettext("%(count)d more role may be yours", "%(count)d more roles may be yours", possible)
            % {"count": possible}
        )
    elif possible:
        parts.append(
            ngettext("%(count)d role may be yours", "%(count)d roles may be yours", possible) % {"count": possible}
        )
    duties = sum(1 for s in sections for d in s["duties"] if not d["maybe"])
    maybe_duties = sum(1 for s in sections for d in s["duties"] if d["maybe"])
    if duties:
        parts.append(ngettext("%(count)d duty applies", "%(count)d duties apply", duties) % {"count": duties})
    if maybe_duties and duties:
        parts.append(
            ngettext("%(count)d more may apply", "%(count)d more may apply", maybe_duties) % {"count": maybe_duties}
        )
    elif maybe_duties:
        parts.append(
            ngettext("%(count)d duty may apply", "%(count)d duties may apply", maybe_duties) % {"count": maybe_duties}
        )
    rules = sum(1 for s in sections for r in s["rules"])
    if rules:
        parts.append(
            ngettext("%(count)d other rule concerns you", "%(count)d other rules concern you", rules) % {"count": rules}
        )
    if outcome.prohibited:
        count = len(outcome.prohibited)
        parts.append(ngettext("%(count)d warning", "%(count)d warnings", count) % {"count": count})
    if outcome.unsure:
        count = len(outcome.unsure)
        parts.append(ngettext("%(count)d answer to check", "%(count)d answers to check", count) % {"count": count})
    return "; ".join(parts) + "."
