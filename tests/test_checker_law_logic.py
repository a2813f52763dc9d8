"""The flow of the law in force (No. 230-VIII) over its answers, checked against a table written by hand.

The expectations are written from law-facts ("Who is who", Articles 7, 8, 11, 15-19, 21, 27 and
Article 641-1 of the Code of Administrative Offences), not computed by the code under test. "Not
sure" means "may apply": what depends on a not-sure answer is listed, marked as uncertain.
"""

import itertools
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.codes import decode, encode, width
from checker.engine import Flow
from checker.models import FlowDeclaration
from law.models import RightOrDuty

from .conftest import ROOT

DECLARATION = tomllib.loads((ROOT / "content/ai-law/law-230-viii/check/flow.toml").read_text(encoding="utf-8"))
flow = Flow.from_declaration(DECLARATION)

pytestmark = pytest.mark.django_db

ROLE_QUESTION = {
    "user": "uses_system",
    "decided_about": "decided_about",
    "owner_possessor": "runs_system",
    "developer": "builds",  # asked only of those who do not (surely) own or run a system
    "data_library_holder": "holds_data",
    "data_library_producer": "made_data",
}
# What each role is told whatever else it answers (law-facts, "Who is who in the adopted law").
ALWAYS = {
    "user": {
        "user-right-to-full-information-about-system",  # Art 7(1)
        "user-keep-control-within-your-role",  # Art 8(1)
        "user-right-to-read-user-agreement",  # Art 16(1) 1)-6)
        "user-right-to-data-protection",
        "user-right-to-protect-ip-in-ai-creations",
        "user-right-to-explanation",
        "user-right-to-ask-decision-data",
        "user-right-to-refuse-ai",
        "user-stay-within-granted-access",  # Art 16(2)
        "user-follow-rules-and-security-measures",
        "user-share-synthetic-results-only-marked",  # Art 21(2): sharing synthetic results needs the mark
    },
    # Art 7(2) speaks of users: its rights are listed only for someone who also uses the system. The
    # rest rests on Art 19-1 of the personal data law, which the role's own words explain.
    "decided_about": set(),
    "owner_possessor": {
        "owner-keep-control-over-system-life-cycle",  # Art 8(1)
        "owner-answer-for-system-and-its-results",  # Art 8(2)
        "owner-manage-risks-and-counter-threats",  # Art 11(3)
        "owner-set-conditions-of-use",  # Art 15(1)
        "owner-protect-rights-in-system",
        "owner-manage-risks",  # Art 15(2) 1)-5)
        "owner-keep-system-secure-and-reliable",
        "owner-keep-documentation",
        "owner-support-users",
        "owner-show-user-agreement-first",
        "owner-classify-risk-level",  # Art 17(1)
        "owner-plan-and-run-risk-management",  # Art 18(1)
        "owner-assess-risks-of-foreseeable-misuse",
        "owner-update-risks-yearly",
        "owner-act-at-once-on-risk-of-banned-function",  # Art 18(2)
        "owner-tell-users-ai-is-used",  # Art 21(1)
        "owner-ensure-ai-results-comply-with-law",  # Art 21(5)
    },
    "developer": {  # a creator who neither owns nor runs the system: Art 17(3) and Art 8(2), and Art 23
        "developer-no-banned-functions",
        "developer-answer-for-systems-by-role",
        "developer-training-on-works",
    },
    "data_library_holder": {  # Art 27(1)-(2), and 27(5) on passing the library on
        "data-library-holder-create-use-distribute",
        "data-library-holder-control-use-for-training",
        "data-library-holder-learn-how-models-use-it",
        "data-library-holder-keep-quality-and-up-to-date",
        "data-library-holder-set-and-share-access-terms",
        "data-library-holder-comply-with-law",
        "data-library-holder-name-producer-machine-readable",
    },
    # Art 27(5): the producer's own line, unless they also hold the library, whose line says the same.
    "data_library_producer": set(),
}
PRODUCER_NAMED = "data-library-producer-be-named-machine-readable"
# Records that depend on an answer: role → {key: (question, the answer that brings them)}.
CONDITIONAL = {
    "owner_possessor": {
        "owner-audit-before-trusted-list": ("risk", "high"),  # Art 19(2): lists of trusted high-risk systems
        "owner-inform-users-about-synthetic-results": ("features", "synthetic"),  # Art 21(3)
        "owner-mark-synthetic-results": ("features", "synthetic"),  # Art 21(2)
        "owner-automated-decisions-personal-data-law": ("features", "decides_rights"),  # Art 21(4), PD law 19-1
        "owner-training-on-works": ("features", "trains_on_works"),  # Art 23(3)-(5)
    },
    "decided_about": {
        "decided-about-right-to-know-how-processing-works": ("uses_system", "yes"),  # Art 7(2), for users
        "decided-about-right-to-know-you-may-object": ("uses_system", "yes"),
        "decided-about-right-to-know-how-to-protect-rights": ("uses_system", "yes"),
    },
}
# The seven prohibited functions of Art 17(3): one page, one option each.
PROHIBITION = {
    "manipulates": "owner-ban-manipulative-techniques",
    "exploits_vulnerability": "owner-ban-exploiting-vulnerability",
    "rates_people": "owner-ban-rating-people-by-behaviour-or-traits",
    "personal_data": "owner-ban-unlawful-personal-data-processing",
    "biometric_traits": "owner-ban-discriminatory-biometric-classification",
    "reads_emotions": "owner-ban-emotion-detection-without-consent",
    "unlawful_results": "owner-ban-prohibited-results",
}
# Article 641-1: the offences (only owners and possessors) and the fines in MCI by who you are.
OFFENCE_IF = {"synthetic_results": ("features", "synthetic"), "high_risk": ("risk", "high")}
FINES = {"person": (15, 30), "small": (20, 50), "medium": (30, 70), "large": (100, 200)}
MCI_2026 = 4325
SYSTEM_BASELINE = {
    "banned": ("none",),
    "features": ("none",),
    "risk": "minimal",
    "autonomy": "low",
    "mode": "open",
    "size": "small",
}
MAX_PAGES = 12  # issue 36: no owner answers more than twelve pages


def holds(answers, question, value):
    """'yes' when the answer is the value (or one of the values ticked), 'maybe' when it is not sure."""
    given = answers.get(question)
    given = given if isinstance(given, tuple) else (given,)
    if value in given:
        return "yes"
    return "maybe" if "not_sure" in given else None


def expected(answers):
    """(roles, possible roles, {role: {key: maybe}}, {prohibition: maybe}, {offence: maybe}, fines)."""
    roles = {r for r, q in ROLE_QUESTION.items() if answers.get(q) == "yes"}
    possible = {r for r, q in ROLE_QUESTION.items() if answers.get(q) == "not_sure"}
    items, prohibited, offences = {}, {}, {}
    for role in roles | possible:
        uncertain_role = role in possible
        items[role] = dict.fromkeys(ALWAYS[role], uncertain_role)
        for key, (question, value) in CONDITIONAL.get(role, {}).items():
            if state := holds(answers, question, value):
                items[role][key] = uncertain_role or state == "maybe"
        if role == "data_library_producer" and answers.get("holds_data") != "yes":
            items[role][PRODUCER_NAMED] = uncertain_role
        if role == "owner_possessor":
            for value, key in PROHIBITION.items():
                if state := holds(answers, "banned", value):
                    prohibited[key] = uncertain_role or state == "maybe"
            for key, (question, value) in OFFENCE_IF.items():
                if state := holds(answers, question, value):
                    offences[key] = uncertain_role or state == "maybe"
    fines = []
    if offences:
        sizes = [answers["size"]] if answers["size"] in FINES else list(FINES)
        fines = [(s, *FINES[s], FINES[s][0] * MCI_2026, FINES[s][1] * MCI_2026) for s in sizes]
    return roles, possible, items, prohibited, offences, fines


def check(answers, records):
    result = flow.outcome(answers, records)
    roles, possible, items, prohibited, offences, fines = expected(answers)
    assert set(result.roles) == roles and set(result.possible_roles) == possible, answers
    for role, wanted in items.items():
        got = {r.key: r.key in result.depends for r in result.items[role]}
        assert got == wanted, (role, answers)
    assert {r.key: r.key in result.depends for r in result.prohibited} == prohibited, answers
    # A banned function answered "yes" must go (Art 17(3)); acting on a risk of one (Art 18(2)) is
    # what the result says only where a function may be banned.
    assert [r.key for r in result.consequences] == (
        ["owner-act-at-once-on-risk-of-banned-function"] if any(prohibited.values()) else []
    ), answers
    assert {o.key: bool(because) for o, because in result.offences} == offences, answers
    assert [(f.value, f.first, f.repeated, f.first_money, f.repeated_money) for f in result.fines] == fines
    unsure = [q for q, v in answers.items() if v == "not_sure" or (isinstance(v, tuple) and "not_sure" in v)]
    assert sorted(result.unsure) == sorted(unsure)
    # Never "nothing applies" while any answer is not sure.
    assert result.nothing_applies == (not roles and not possible and not unsure)
    if unsure:
        assert not result.nothing_applies
    return result


def complete(role_answers):
    """The role answers, with the system questions at their baseline when they are asked."""
    answers = flow.keep_applicable(dict(role_answers))
    if answers["runs_system"] != "no":
        answers.update(SYSTEM_BASELINE)
    return answers


ROLE_ANSWER_SETS = {
    tuple(complete(dict(zip(ROLE_QUESTION.values(), values, strict=True))).items())
    for values in itertools.product(("yes", "no", "not_sure"), repeat=len(ROLE_QUESTION))
}


@pytest.fixture
def records():
    return list(RightOrDuty.objects.filter(edition__slug="law-230-viii").select_related("article", "paragraph"))


def test_the_records_are_the_ones_the_table_names(records):
    named = set().union(*ALWAYS.values(), *CONDITIONAL.values(), PROHIBITION.values(), {PRODUCER_NAMED})
    assert {r.key for r in records} == named


def test_every_combination_of_roles(records):
    """All 3^6 role answers, with the system questions at a baseline when they are asked."""
    for items in ROLE_ANSWER_SETS:
        answers = dict(items)
        assert flow.next_question(answers) is None, answers
        check(answers, records)


def test_no_one_answers_more_than_twelve_pages():
    """Every path through the flow, the owner's included, is at most twelve questions."""
    longest = max(len(flow.applicable(dict(items))) for items in ROLE_ANSWER_SETS)
    assert longest <= MAX_PAGES
    owner = complete({q: "no" for q in ROLE_QUESTION.values()} | {"runs_system": "yes"})
    assert len(flow.applicable(owner)) == 11


def test_progress_counts_over_the_whole_flow():
    owner = complete({q: "no" for q in ROLE_QUESTION.values()} | {"runs_system": "yes"})
    names = [q.name for q in flow.applicable(owner)]
    assert [flow.progress(name, owner) for name in names] == [(n, 11) for n in range(1, 12)]
    # Before "runs_system" is answered, only the questions known to come are counted.
    assert flow.progress("uses_system", {}) == (1, 5)
    assert flow.progress("builds", {"uses_system": "no", "decided_about": "no", "runs_system": "no"}) == (4, 6)


def one_and_two(question):
    """Each value alone, and two values together where the question takes several."""
    if not question.multiple:
        return list(question.values)
    chosen = [(v,) for v in question.values]
    combinable = [v for v in question.values if not question.stands_alone(v)]
    return chosen + [tuple(combinable[:2]), tuple(combinable[-2:])]


@pytest.mark.parametrize("runs", ["yes", "not_sure"])
def test_every_answer_to_every_system_question(records, runs):
    roles = complete({q: "no" for q in ROLE_QUESTION.values()} | {"runs_system": runs})
    for question in SYSTEM_BASELINE:
        for value in one_and_two(flow.by_name[question]):
            check({**roles, question: value}, records)


def answer_strategy(question):
    if not question.multiple:
        return st.sampled_from(question.values)
    alone = [(v,) for v in question.values if question.stands_alone(v)]
    combinable = [v for v in question.values if not question.stands_alone(v)]
    together = st.sets(st.sampled_from(combinable), min_size=1).map(
        lambda chosen: tuple(v for v in question.values if v in chosen)
    )
    return st.one_of(st.sampled_from(alone), together)


answer_sets = st.fixed_dictionaries({q.name: answer_strategy(q) for q in flow.questions}).map(
    lambda a: flow.keep_applicable(a)
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=answer_sets)
def test_any_complete_set_of_answers(records, answers):
    check(answers, records)


@settings(max_examples=300, deadline=None)
@given(answers=answer_sets)
def test_a_result_code_gives_back_the_same_answers(answers):
    code = encode(flow, answers)
    assert code.startswith(flow.code_prefix)
    assert len(code.replace("-", "")) <= len(flow.code_prefix) + sum(width(q) for q in flow.questions)
    assert read(decode(flow, code)) == answers
    assert read(decode(flow, code.upper().replace("-", " "))) == answers


def read(pairs):
    """The answers a code's (question, value) pairs stand for, as the result page reads them."""
    query = {}
    for name, value in pairs:
        query.setdefault(name, []).append(value)
    parsed = flow.parse(query)
    assert not parsed.problems
    return parsed.values


# Codes of the flow before the banned functions shared one page had no prefix: they are refused.
@pytest.mark.parametrize(
    "code", ["", "-", "zzzz", "1" * 18, "4", "1111!", "0" * 200, "1212-2222-2222-1212-2", "12122", "k", "k" + "z" * 14]
)
def test_a_code_that_is_not_one_is_refused(code):
    assert decode(flow, code) is None


@pytest.mark.parametrize("question", flow.questions, ids=lambda q: q.name)
def test_every_edge_of_every_question(question):
    """From a state where this question is due, each answer leads to the next question that applies."""
    answers = {}
    runs = "no" if question.name == "builds" else "yes"
    for q in flow.questions:
        if q.name == question.name:
            break
        if q.is_asked(answers):
            answers[q.name] = runs if q.name == "runs_system" else SYSTEM_BASELINE.get(q.name, "no")
    assert flow.next_question(answers) == question
    for value in one_and_two(question):
        following = flow.next_question(flow.keep_applicable({**answers, question.name: value}))
        rest = [q.name for q in flow.applicable({**answers, question.name: value})]
        rest = rest[rest.index(question.name) + 1 :]
        assert (following.name if following else None) == (rest[0] if rest else None)
        if question.name == "runs_system":
            assert following.name == ("holds_data" if value == "yes" else "builds")


def test_the_system_questions_are_asked_only_of_owners_and_the_unsure():
    for runs in ("yes", "no", "not_sure"):
        answers = flow.keep_applicable(
            {
                "uses_system": "no",
                "decided_about": "no",
                "runs_system": runs,
                "builds": "no",
                "holds_data": "no",
                "made_data": "no",
            }
        )
        asked = flow.next_question(answers)
        assert (asked.name if asked else None) == (None if runs == "no" else "banned")


def test_the_loaded_flow_is_the_declared_one():
    assert FlowDeclaration.objects.get(edition__slug="law-230-viii").flow() == flow
