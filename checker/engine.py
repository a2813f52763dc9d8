"""The engine of every question flow: one engine, one declaration per edition (data, not code).

A flow is declared in content/ai-law/<edition>/check/flow.toml (see content_io/flow.py): its
questions, their values, when each is asked, which role an answer gives, and which records a
warning brings. Its words are content too (kk.toml, ru.toml, en.toml beside it); the rights and
duties it shows are the edition's own records, chosen by their `applies_if`.

Answers travel in the query string keyed by question (`?uses_ai=yes&provides_ai=no`), so every
step and every result is a shareable URL and nothing is stored on the server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

YES, NO, NOT_SURE = "yes", "no", "not_sure"
# A condition on a right or duty, or on a question: "question=value|other value".
CONDITION_RE = re.compile(r"^(?P<name>\w+)=(?P<values>[\w|]+)$")
MAX_VALUE_LENGTH = 40
# What the result's summary says about fines: one may hit you, it may (on an answer not sure), none on
# your answers although your role can be fined, none for any of your roles, and no fine for a ban itself.
FINE_CASES = ("applies", "may_apply", "not_on_answers", "not_for_roles", "ban_has_none")


def is_unsure(answer) -> bool:
    """A "not sure" answer: the value itself, or, in a multiple-choice question, the one value chosen."""
    return answer == NOT_SURE or (isinstance(answer, tuple) and NOT_SURE in answer)


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

    def stands_alone(self, value: str) -> bool:
        """In a multiple-choice question, "none of these" and "not sure" cannot be combined with others."""
        return self.multiple and (value == self.exclusive or value == NOT_SURE)

    def is_asked(self, answers: dict) -> bool:
        return all(matches(condition, answers) for condition in self.asked_if)


@dataclass(frozen=True)
class Offence:
    """An offence the result warns of, for a role, when its condition holds (e.g. 'risk=high')."""

    key: str
    role: str
    applies_if: str = ""


@dataclass(frozen=True)
class Action:
    """One of the first things to do, for the result's summary: imperative words ('actions.<key>'),
    for a role, when its condition holds, resting on the records it cites. A deadline action is
    listed under the summary's deadlines."""

    key: str
    role: str
    applies_if: str = ""
    cites: tuple[str, ...] = ()
    deadline: bool = False


@dataclass(frozen=True)
class Fines:
    """The fines at stake, by the answer to one question (the size of the business), in an index unit.

    `first` and `repeated` map each answer to the fine in units; `unit_value` is one unit's value in
    money in `unit_year` (the monthly calculation index in tenge for the law in force).
    """

    question: str
    first: dict
    repeated: dict
    unit_value: int = 0
    unit_year: int = 0

    def row(self, value: str) -> FineRow:
        first, repeated = self.first[value], self.repeated[value]
        return FineRow(value, first, repeated, first * self.unit_value, repeated * self.unit_value)

    def for_answers(self, answers: dict) -> list[FineRow]:
        """The row for the answer given; every row when the answer is not sure (or missing)."""
        value = answers.get(self.question)
        if value in self.first:
            return [self.row(value)]
        return [self.row(v) for v in self.first]


@dataclass(frozen=True)
class FineRow:
    value: str
    first: int
    repeated: int
    first_money: int
    repeated_money: int


@dataclass(frozen=True)
class Flow:
    """One edition's flow, built from its declaration."""

    questions: tuple[Question, ...]
    consequence: str = ""  # the record that says what the law requires once a system is prohibited
    offences: tuple[Offence, ...] = ()
    fines: Fines | None = None
    deadlines: tuple[str, ...] = ()  # records that set a deadline: shown as such in the result
    # The result's summary: roles from the most demanding, the first things to do, and records that
    # the full list shows as one line (the first record's words, every record's citation).
    role_order: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    merged: tuple[tuple[str, ...], ...] = ()
    # A banned function answered "yes" must go (words 'warnings.prohibited.stop'); the consequence
    # record (what to do on a risk of one) is then shown only for answers not sure.
    banned_stop: bool = False
    # Written before every short code of this flow, so that codes of an earlier flow are refused,
    # never read as other answers.
    code_prefix: str = ""

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
        offences = tuple(Offence(o["key"], o["role"], o.get("applies_if", "")) for o in declaration.get("offences", []))
        fines = None
        if declaration.get("fines"):
            f = declaration["fines"]
            # In the order of the question's values: a JSON column (PostgreSQL's jsonb) reorders keys.
            values = next((q.values for q in questions if q.name == f["question"]), ())
            first, repeated = ({v: f[t][v] for v in values if v in f[t]} for t in ("first", "repeated"))
            fines = Fines(f["question"], first, repeated, f.get("unit_value", 0), f.get("unit_year", 0))
        deadlines = tuple(declaration.get("deadlines", ()))
        actions = tuple(
            Action(a["key"], a["role"], a.get("applies_if", ""), tuple(a.get("cites", ())), a.get("deadline", False))
            for a in declaration.get("actions", [])
        )
        return cls(
            questions,
            declaration.get("consequence", ""),
            offences,
            fines,
            deadlines,
            role_order=tuple(declaration.get("role_order", ())),
            actions=actions,
            merged=tuple(tuple(group) for group in declaration.get("merged", ())),
            banned_stop=declaration.get("banned_stop", False),
            code_prefix=declaration.get("code_prefix", ""),
        )

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
                if len(chosen) > 1 and any(question.stands_alone(v) for v in chosen):
                    kind = "exclusive_not_sure" if NOT_SURE in chosen else "exclusive"
                    problems.append(Problem(question.name, kind))
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

    def progress(self, name: str, answers: dict) -> tuple[int, int]:
        """(n, N) for "Question n of N", counted over the whole flow: the questions the answers so far
        make applicable (a "yes" that opens more questions raises N once, at that answer)."""
        names = [q.name for q in self.applicable(answers)]
        if name not in names:
            names = [q.name for q in self.questions if q.name in names or q.name == name]
        return names.index(name) + 1, len(names)

    # ----------------------------------------------------------------------- the outcome

    def outcome(self, answers: dict, records) -> Outcome:
        """Roles, the rights and duties of each, warnings and fines, for a complete set of answers.

        "Not sure" means "may apply": a role answered not_sure is a possible role, and a record whose
        condition rests on a not_sure answer is kept, marked with the questions it depends on.
        """
        role_answer = {role: answers.get(question) for role, question in self.role_questions.items()}
        roles = self.in_role_order([role for role, answer in role_answer.items() if answer == YES])
        possible_roles = self.in_role_order([role for role, answer in role_answer.items() if answer == NOT_SURE])
        items: dict[str, list] = {}
        depends: dict[str, tuple[str, ...]] = {}
        prohibited = []
        for role in roles + possible_roles:
            because_role = (self.role_questions[role],) if role in possible_roles else ()
            chosen = []
            for record in records:
                if record.role != role:
                    continue
                because = self.depends_on(record.applies_if, answers)
                if because is None:
                    continue
                if because or because_role:
                    depends[record.key] = because_role + because
                if record.kind == "prohibition":
                    prohibited.append(record)
                else:
                    chosen.append(record)
            items[role] = chosen
        unsure = [q.name for q in self.applicable(answers) if is_unsure(answers.get(q.name))]
        consequences = []
        unsure_ban = any(r.key in depends for r in prohibited)
        if prohibited and self.consequence and (unsure_ban or not self.banned_stop):
            consequences = [r for rs in items.values() for r in rs if r.key == self.consequence]
        explained = [(q.name, answers[q.name]) for q in self.applicable(answers) if q.explained and q.name in answers]
        offences = []
        for offence in self.offences:
            if offence.role not in roles + possible_roles:
                continue
            because = self.depends_on(offence.applies_if, answers)
            if because is not None:
                because_role = (self.role_questions[offence.role],) if offence.role in possible_roles else ()
                offences.append((offence, because_role + because))
        fines = self.fines.for_answers(answers) if self.fines and offences else []
        actions = []
        for role in roles + possible_roles:
            because_role = (self.role_questions[role],) if role in possible_roles else ()
            for action in self.actions:
                because = self.depends_on(action.applies_if, answers) if action.role == role else None
                if because is not None:
                    actions.append((action, because_role + because))
        return Outcome(
            roles,
            items,
            prohibited,
            consequences,
            unsure,
            explained,
            possible_roles,
            depends,
            offences,
            fines,
            actions,
        )

    def in_role_order(self, roles: list[str]) -> list[str]:
        """The roles, the most demanding first as the flow declares; undeclared ones keep their order."""
        rank = {role: i for i, role in enumerate(self.role_order)}
        return sorted(roles, key=lambda role: rank.get(role, len(rank)))

    @staticmethod
    def depends_on(condition: str, answers: dict) -> tuple[str, ...] | None:
        """() when the condition holds; (question,) when it holds only if a not_sure answer turns
        out to be one of its values; None when it does not hold."""
        if matches(condition, answers):
            return ()
        name = condition.partition("=")[0]
        return (name,) if is_unsure(answers.get(name)) else None

    def first_system_question(self) -> Question | None:
        """The first question after the roles: where "check another system" starts again."""
        for question in self.questions:
            if not question.role:
                return question
        return None

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
        if self.banned_stop:
            keys += ["warnings.prohibited.stop"]
        for question in self.questions:
            if question.explained:
                keys += [f"{question.name}.{value}" for value in question.values]
        if self.possible_roles_declared:
            keys += ["result.possible_roles"]
        for offence in self.offences:
            keys += [f"offences.{offence.key}.title", f"offences.{offence.key}.body"]
        if self.fines:
            keys += ["fines.title", "fines.body"]
            keys += [f"fines.notes.{value}" for value in self.fines.first]
        keys += [f"deadlines.{key}" for key in self.deadlines]
        keys += [f"actions.{action.key}" for action in self.actions]
        if self.actions:
            keys += [f"fines.summary.{case}" for case in FINE_CASES if self.fines or case == "not_for_roles"]
        if self.first_system_question() and self.role_questions:
            keys += ["result.another_system"]
        return keys

    @property
    def possible_roles_declared(self) -> bool:
        return any(NOT_SURE in q.values for q in self.questions if q.role)


def is_optional(key: str) -> bool:
    """An option needs no hint, nor a size a note: these keys may stay empty in every language."""
    explained_not_sure = key.count(".") == 1 and key.endswith(".not_sure")  # "not_sure.<q>" explains it
    return ".option_hints." in key or key.startswith("fines.notes.") or explained_not_sure


@dataclass
class Problem:
    question: str
    code: str  # "unknown_value", "repeated", "exclusive", "exclusive_not_sure", "not_asked"


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
    roles: list[str]  # roles answered "yes"
    items: dict[str, list]  # role (certain or possible) → rights and duties that apply or may apply
    prohibited: list  # the prohibition records the answers trigger, or may trigger
    consequences: list  # what the law then requires (shown with the warning)
    unsure: list[str]  # questions answered not_sure
    explained: list[tuple[str, str]]  # (question, answer) pairs the result explains
    possible_roles: list[str] = field(default_factory=list)  # roles answered not_sure
    depends: dict[str, tuple[str, ...]] = field(default_factory=dict)  # record key → not_sure questions
    offences: list[tuple[Offence, tuple[str, ...]]] = field(default_factory=list)  # with their not_sure questions
    fines: list[FineRow] = field(default_factory=list)  # the row for the visitor's size, or every row
    actions: list[tuple[Action, tuple[str, ...]]] = field(default_factory=list)  # with their not_sure questions

    @property
    def nothing_applies(self) -> bool:
        """True only when no role applies and no answer leaves one open: never while anything is unsure."""
        return not self.roles and not self.possible_roles and not self.unsure

    def certain(self, records) -> list:
        return [r for r in records if r.key not in self.depends]

    def uncertain(self, records) -> list:
        return [r for r in records if r.key in self.depends]
