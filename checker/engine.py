"""The engine of every question flow: one engine, one declaration per edition (data, not code).

A flow is declared in content/ai-law/<edition>/check/flow.toml (see checker/content.py): its
questions, their values, when each is asked, which role an answer gives, and which records a
warning brings. Its words are content too (kk.toml, ru.toml, en.toml beside it); the rights and
duties it shows are the edition's own records, chosen by their `applies_if`.

Answers travel in the query string keyed by question (`?uses_ai=yes&provides_ai=no`), so every
step and every result is a shareable URL and nothing is stored on the server.
"""

from __future__ import annotations

from dataclasses import dataclass

YES, NO, NOT_SURE = "yes", "no", "not_sure"
MAX_VALUE_LENGTH = 40


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


@dataclass(frozen=True)
class Question:
    name: str
    values: tuple[str, ...]
    multiple: bool = False
    exclusive: str = ""  # with multiple: a value that cannot be combined with others ("none")
    asked_if: tuple[str, ...] = ()  # conditions ('question=a|b') that must all hold
    role: str = ""  # the role a "yes" to this question gives
    explained: bool = False  # the result explains the answer given (words '<question>.<value>')

    def is_asked(self, answers: dict) -> bool:
        return all(matches(condition, answers) for condition in self.asked_if)


@dataclass(frozen=True)
class Flow:
    """One edition's flow, built from its declaration."""

    questions: tuple[Question, ...]
    consequence: str = ""  # the record that says what the law requires once a system is prohibited

    @classmethod
    def from_declaration(cls, declaration: dict) -> Flow:
        questions = tuple(
            Question(
                name=q["name"],
                values=tuple(q["values"]),
                multiple=q.get("multiple", False),
                exclusive=q.get("exclusive", ""),
                asked_if=tuple(q.get("asked_if", ())),
                role=q.get("role", ""),
                explained=q.get("explained", False),
            )
            for q in declaration.get("questions", [])
        )
        return cls(questions, declaration.get("consequence", ""))

    @property
    def by_name(self) -> dict[str, Question]:
        return {q.name: q for q in self.questions}

    @property
    def role_questions(self) -> dict[str, str]:
        """{role: question}: which answer gives which role. A visitor may have several roles."""
        return {q.role: q.name for q in self.questions if q.role}

    # ----------------------------------------------------------------------- reading answers

    def parse(self, query) -> Answers:
        """Read answers from a QueryDict (or a dict of lists). Unknown parameters are ignored."""
        values: dict[str, str | tuple[str, ...]] = {}
        problems: list[Problem] = []
        for question in self.questions:
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
        for question in self.questions:
            if question.name in values and not question.is_asked(values):
                del values[question.name]
                problems.append(Problem(question.name, "not_asked"))
        return Answers(self, values, problems)

    def applicable(self, answers: dict) -> list[Question]:
        return [q for q in self.questions if q.is_asked(answers)]

    def next_question(self, answers: dict) -> Question | None:
        """The first question that applies and has no answer yet; None when the result can be shown."""
        for question in self.applicable(answers):
            if question.name not in answers:
                return question
        return None

    def keep_applicable(self, answers: dict) -> dict:
        """After an answer changes, keep the others that still apply."""
        kept = dict(answers)
        for question in self.questions:
            if question.name in kept and not question.is_asked(kept):
                del kept[question.name]
        return kept

    def previous_question(self, name: str, answers: dict) -> Question | None:
        questions = self.applicable(answers)
        names = [q.name for q in questions]
        if name not in names:
            return None
        index = names.index(name)
        return questions[index - 1] if index > 0 else None

    # ----------------------------------------------------------------------- the outcome

    def outcome(self, answers: dict, records) -> Outcome:
        """Roles, the rights and duties of each, and the warnings, for a complete set of answers."""
        roles = [role for role, question in self.role_questions.items() if answers.get(question) == YES]
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
        unsure = [q.name for q in self.applicable(answers) if answers.get(q.name) == NOT_SURE]
        consequences = []
        if prohibited and self.consequence:
            consequences = [r for rs in items.values() for r in rs if r.key == self.consequence]
        explained = [(q.name, answers[q.name]) for q in self.applicable(answers) if q.explained and q.name in answers]
        return Outcome(roles, items, prohibited, consequences, unsure, explained)

    # ----------------------------------------------------------------------- the words' keys

    def text_keys(self) -> list[str]:
        """Every key of the flow's words files, in the order the files list them."""
        keys = ["start.title", "start.body"]
        for question in self.questions:
            base = f"questions.{question.name}"
            keys += [f"{base}.title", f"{base}.short", f"{base}.hint"]
            keys += [f"{base}.options.{value}" for value in question.values]
            keys += [f"{base}.option_hints.{value}" for value in question.values]
        keys += ["result.title", "result.disclaimer", "result.roles_title", "result.no_roles"]
        for role in (*self.role_questions, "none"):
            keys += [f"roles.{role}.title", f"roles.{role}.body"]
        keys += [f"not_sure.{q.name}" for q in self.questions if NOT_SURE in q.values]
        keys += ["warnings.prohibited.title", "warnings.prohibited.body", "warnings.prohibited.then"]
        for question in self.questions:
            if question.explained:
                keys += [f"{question.name}.{value}" for value in question.values]
        return keys


def is_optional(key: str) -> bool:
    """An option needs no hint of its own: these keys may stay empty in every language."""
    return ".option_hints." in key


@dataclass
class Problem:
    question: str
    code: str  # "unknown_value", "repeated", "exclusive", "not_asked"


@dataclass
class Answers:
    flow: Flow
    values: dict[str, str | tuple[str, ...]]
    problems: list[Problem]

    def query_items(self, without: str = "") -> list[tuple[str, str]]:
        """(name, value) pairs in question order, for links and hidden form fields."""
        items = []
        for question in self.flow.questions:
            if question.name == without or question.name not in self.values:
                continue
            value = self.values[question.name]
            for one in value if question.multiple else (value,):
                items.append((question.name, one))
        return items


@dataclass
class Outcome:
    roles: list[str]
    items: dict[str, list]  # role → rights and duties that apply
    prohibited: list  # the prohibition records the answers trigger
    consequences: list  # what the law then requires (shown with the warning)
    unsure: list[str]  # questions answered not_sure
    explained: list[tuple[str, str]]  # (question, answer) pairs the result explains
