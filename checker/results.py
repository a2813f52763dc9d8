"""What a result page shows, built from a flow's Outcome and its words: sections, warnings, fines."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from law.models import Role

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


def merge(entries: list[dict], flow) -> list[dict]:
    """Records the flow declares as one (`merged`) become one line: the first one's words, and the
    citations of all, so the same duty is not listed three times from three articles."""
    group_of = {key: group for group in flow.merged for key in group}
    present = {e["record"].key: e for e in entries}
    merged, done = [], set()
    for item in entries:
        key = item["record"].key
        if key in done:
            continue
        group = [present[k] for k in group_of.get(key, (key,)) if k in present]
        done.update(e["record"].key for e in group)
        lead = group[0]
        certain = [e for e in group if not e["maybe"]]
        merged.append(
            {
                **lead,
                "also": [e["record"] for e in group[1:]],
                "maybe": not certain,
                "because": [] if certain else lead["because"],
            }
        )
    return merged


def role_sections(outcome: Outcome, words, flow) -> list[dict]:
    sections = []
    for role in outcome.roles + outcome.possible_roles:
        items = merge([entry(r, outcome, words, flow) for r in outcome.items[role]], flow)
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


def can_be_fined(outcome: Outcome, flow) -> bool:
    """Whether any of the visitor's roles (certain or possible) is one the Code's offences name."""
    fined_roles = {offence.role for offence in flow.offences}
    return any(role in fined_roles for role in outcome.roles + outcome.possible_roles)


def fine_rows(rows, words, flow) -> list[dict]:
    return [
        {
            "label": words[f"questions.{flow.fines.question}.options.{row.value}"] or row.value,
            "first": row.first,
            "repeated": row.repeated,
            "first_money": money(row.first_money),
            "repeated_money": money(row.repeated_money),
            "note": words[f"fines.notes.{row.value}"],
        }
        for row in rows
    ]


def fines_context(outcome: Outcome, words, flow, answers=None) -> dict | None:
    """The fines section: shown whenever an offence applies or may, and, in a flow with a summary,
    whenever one of the visitor's roles can be fined at all (with the row for their size)."""
    if not flow.fines:
        return None
    if not outcome.offences and not (flow.actions and answers is not None and can_be_fined(outcome, flow)):
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
    rows = fine_rows(outcome.fines or flow.fines.for_answers(answers or {}), words, flow)
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


MAX_FIRST_ACTIONS = 3


def summary_box(outcome: Outcome, words, flow, answers: dict, records: dict) -> dict | None:
    """The summary at the top of a result: who you are (the most demanding role first), the first
    things to do, whether a fine can hit you and how much, and any deadline. None for a flow that
    declares no actions."""
    if not flow.actions:
        return None
    roles = [
        {"role": role, "name": role_name(role), "possible": role in outcome.possible_roles}
        for role in outcome.roles + outcome.possible_roles
    ]
    lines, seen = [], set()
    for action, because in outcome.actions:
        text = words[f"actions.{action.key}"]
        if text and text in seen:  # the same step for two roles (training on works): said once
            continue
        seen.add(text)
        lines.append(
            {
                "key": action.key,
                "text": text,
                "deadline": action.deadline,
                "maybe": bool(because),
                "because": [short_name(words, q) for q in because],
                "cites": distinct_places([records[k] for k in action.cites if k in records]),
            }
        )
    actions = sorted((line for line in lines if not line["deadline"]), key=lambda line: line["maybe"])
    return {
        "roles": roles,
        "actions": actions[:MAX_FIRST_ACTIONS],
        "deadlines": [line for line in lines if line["deadline"]],
        "fine": fine_summary(outcome, words, flow, answers),
    }


def role_name(role: str) -> str:
    """The law's short name for a role ("Owner or possessor of an AI system"), for the summary."""
    return Role(role).label if role in Role.values else role


def fine_summary(outcome: Outcome, words, flow, answers: dict) -> dict:
    """One of FINE_CASES, its words, and the amount for the visitor's size (when one size is known)."""
    if outcome.offences:
        case = "applies" if any(not because for _offence, because in outcome.offences) else "may_apply"
    elif flow.fines and can_be_fined(outcome, flow):
        case = "not_on_answers"
    else:
        case = "not_for_roles"
    rows = []
    if flow.fines and case in ("applies", "may_apply"):
        rows = fine_rows(flow.fines.for_answers(answers), words, flow)
    return {
        "case": case,
        "html": words.html.get(f"fines.summary.{case}", ""),
        "row": rows[0] if len(rows) == 1 else None,
        "ban_html": words.html.get("fines.summary.ban_has_none", "") if outcome.prohibited else "",
    }


def distinct_places(records: list) -> list:
    """One record per paragraph: two duties of Article 16(2) are cited once."""
    seen, kept = set(), []
    for record in records:
        place = (record.article_id, record.paragraph_id)
        if place not in seen:
            seen.add(place)
            kept.append(record)
    return kept
