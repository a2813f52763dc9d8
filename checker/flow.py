"""The structure of the question flow, declared once: questions, their values, when each is asked,
and what the answers mean. Words live in content/checker/; rights and duties in the law's records.

Answers travel in the query string keyed by question (`?uses_ai=yes&provides_ai=no`), so every
step and every result is a shareable URL and nothing is stored on the server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

YES, NO, NOT_SURE = "yes", "no", "not_sure"
MAX_VALUE_LENGTH = 40


@dataclass(frozen=True)
class Question:
    name: str
    values: tuple[str, ...]
    multiple: bool = False
    exclusive: str = ""  # with multiple: a value that cannot be combined with others ("none")
    asked_if: Callable[[dict], bool] = field(default=lambda answers: True, compare=False)


def is_owner(answers: dict) -> bool:
    return answers.get("provides_ai") == YES


QUESTIONS: tuple[Question, ...] = (
    Question("uses_ai", (YES, NO, NOT_SURE)),
    Question("provides_ai", (YES, NO, NOT_SURE)),
    Question("data_library", (YES, NO, NOT_SURE)),
    Question("autonomy", ("assistive", "semi_autonomous", "fully_autonomous", NOT_SURE), asked_if=is_owner),
    Question(
        "capabilities",
        ("manipulation", "vulnerability", "biometric", "social_scoring", "illegal_content", "none"),
        multiple=True,
        exclusive="none",
        asked_if=is_owner,
    ),
    Question("risk", ("minimal", "medium", "high", NOT_SURE), asked_if=is_owner),
    Question("generates_content", (YES, NO, NOT_SURE), asked_if=is_owner),
)
BY_NAME = {q.name: q for q in QUESTIONS}

# The record that says what the draft requires once a system is found to be prohibited
# (Article 19: suspend or stop using it); shown inside the warning as well as among the duties.
PROHIBITION_CONSEQUENCE = "owner-stop-on-threat"

# Which answer gives which role. A visitor may have several roles at once.
ROLE_QUESTIONS = {"user": "uses_ai", "owner": "provides_ai", "data_library_owner": "data_library"}


# --------------------------------------------------------------------------- reading answers


@dataclass
class Problem:
    question: str
    code: str  # "unknown_value", "repeated", "exclusive", "not_asked"


@dataclass
class Answers:
    values: dict[str, str | tuple[str, ...]]
    problems: list[Problem]

    def query_items(self, without: str = "") -> list[tuple[str, str]]:
        """(name, value) pairs in question order, for links and hidden form fields."""
        items = []
        for question in QUESTIONS:
            if question.name == without or question.name not in self.values:
                continue
            value = self.values[question.name]
            for one in value if question.multiple else (value,):
                items.append((question.name, one))
        return items


def parse(query) -> Answers:
    """Read answers from a QueryDict (or a dict of lists). Unknown parameters are ignored."""
    values: dict[str, str | tuple[str, ...]] = {}
    problems: list[Problem] = []
    for question in QUESTIONS:
        raw = query.getlist(question.name) if hasattr(query, "getlist") else list(query.get(question.name, []))
        if not raw:
            continue
        if any(len(v) > MAX_VALUE_LENGTH or v not in question.values for v in raw):
            problems.append(Problem(question.name, "unknown_value"))
            continue
        if question.multiple:
            chosen = tuple(v for v in question.values if v in raw)  # canonical order, no repeats
            if len(raw) != len(set(raw)):
                problems.append(Problem(question.name, "repeated"))
                continue
            if question.exclusive in chosen and len(chosen) > 1:
                problems.append(Problem(question.name, "exclusive"))
                continue
            values[question.name] = chosen
        else:
            if len(raw) > 1:
                problems.append(Problem(question.name, "repeated"))
                continue
            values[question.name] = raw[0]
    # Answers to questions that do not apply (owner questions without provides_ai=yes) are dropped.
    for question in QUESTIONS:
        if question.name in values and not question.asked_if(values):
            del values[question.name]
            problems.append(Problem(question.name, "not_asked"))
    return Answers(values, problems)


def applicable(answers: dict) -> list[Question]:
    return [q for q in QUESTIONS if q.asked_if(answers)]


def next_question(answers: dict) -> Question | None:
    """The first question that applies and has no answer yet; None when the result can be shown."""
    for question in applicable(answers):
        if question.name not in answers:
            return question
    return None


def keep_applicable(answers: dict) -> dict:
    """After an answer changes, keep the others that still apply."""
    kept = dict(answers)
    for question in QUESTIONS:
        if question.name in kept and not question.asked_if(kept):
            del kept[question.name]
    return kept


def previous_question(name: str, answers: dict) -> Question | None:
    questions = applicable(answers)
    names = [q.name for q in questions]
    if name not in names:
        return None
    index = names.index(name)
    return questions[index - 1] if index > 0 else None


# --------------------------------------------------------------------------- the outcome


def matches(condition: str, answers: dict) -> bool:
    """'question=a|b' holds when the answer (or one of several answers) is a or b; '' always holds."""
    if not condition:
        return True
    name, _, wanted = condition.partition("=")
    given = answers.get(name)
    if given is None:
        return False
    given_values = given if isinstance(given, tuple) else (given,)
    return bool(set(wanted.split("|")) & set(given_values))


@dataclass
class Outcome:
    roles: list[str]
    items: dict[str, list]  # role → rights and duties that apply
    prohibited: list  # the prohibition records the answers trigger
    consequences: list  # what the draft then requires (shown with the warning)
    unsure: list[str]  # questions answered not_sure
    risk: str | None
    generates_content: str | None


def outcome(answers: dict, records) -> Outcome:
    """Roles, the rights and duties of each, and the warnings, for a complete set of answers."""
    roles = [role for role, question in ROLE_QUESTIONS.items() if answers.get(question) == YES]
    items = {}
    prohibited = []
    for role in roles:
        chosen = []
        for record in records:
            if record.role != role or not matches(record.applies_if, answers):
                continue
            if record.kind == "prohibition":
                prohibited.append(record)
            else:
                chosen.append(record)
        items[role] = chosen
    unsure = [q.name for q in applicable(answers) if answers.get(q.name) == NOT_SURE]
    consequences = [r for r in items.get("owner", []) if r.key == PROHIBITION_CONSEQUENCE] if prohibited else []
    return Outcome(
        roles=roles,
        items=items,
        prohibited=prohibited,
        consequences=consequences,
        unsure=unsure,
        risk=answers.get("risk"),
        generates_content=answers.get("generates_content"),
    )


# --------------------------------------------------------------------------- the words' keys


def text_keys() -> list[str]:
    """Every key of content/checker/<lang>.toml, in the order the files list them."""
    keys = ["start.title", "start.body"]
    for question in QUESTIONS:
        base = f"questions.{question.name}"
        keys += [f"{base}.title", f"{base}.hint"]
        keys += [f"{base}.options.{value}" for value in question.values]
        keys += [f"{base}.option_hints.{value}" for value in question.values]
    keys += ["result.title", "result.disclaimer"]
    for role in (*ROLE_QUESTIONS, "none"):
        keys += [f"roles.{role}.title", f"roles.{role}.body"]
    keys += [f"not_sure.{q.name}" for q in QUESTIONS if NOT_SURE in q.values]
    keys += ["warnings.prohibited.title", "warnings.prohibited.body"]
    keys += [f"risk.{level}" for level in BY_NAME["risk"].values]
    return keys


def is_optional(key: str) -> bool:
    """An option needs no hint of its own: these keys may stay empty in every language."""
    return ".option_hints." in key
