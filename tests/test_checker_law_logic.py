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

from checker.codes import decode, encode
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
    },
    "decided_about": {  # Art 7(2)
        "decided-about-right-to-know-how-processing-works",
        "decided-about-right-to-know-you-may-object",
        "decided-about-right-to-know-how-to-protect-rights",
    },
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
        "owner-ensure-ai-results-comply-with-law",  # Art 21(5)
    },
    "data_library_holder": {  # Art 27(1)-(2)
        "data-library-holder-create-use-distribute",
        "data-library-holder-control-use-for-training",
        "data-library-holder-learn-how-models-use-it",
        "data-library-holder-keep-quality-and-up-to-date",
        "data-library-holder-set-and-share-access-terms",
        "data-library-holder-comply-with-law",
    },
    "data_library_producer": {"data-library-producer-be-named-machine-readable"},  # Art 27(5)
}
# Owner records that depend on an answer: (question, the answer that brings them).
CONDITIONAL = {
    "owner-audit-before-trusted-list": ("risk", "high"),  # Art 19(2): lists of trusted high-risk systems
    "owner-inform-users-about-synthetic-results": ("synthetic", "yes"),  # Art 21(3)
}
# The seven prohibited functions of Art 17(3), one question each.
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
OFFENCE_IF = {"synthetic_results": ("synthetic", "yes"), "high_risk": ("risk", "high")}
FINES = {"person": (15, 30), "small": (20, 50), "medium": (30, 70), "large": (100, 200)}
MCI_2026 = 4325
SYSTEM_BASELINE = {
    **dict.fromkeys(PROHIBITION, "no"),
    "risk": "minimal",
    "autonomy": "low",
    "synthetic": "no",
    "mode": "open",
    "size": "small",
}


def expected(answers):
    """(roles, possible roles, {role: {key: maybe}}, {prohibition: maybe}, {offence: maybe}, fines)."""
    roles = {r for r, q in ROLE_QUESTION.items() if answers[q] == "yes"}
    possible = {r for r, q in ROLE_QUESTION.items() if answers[q] == "not_sure"}
    items, prohibited, offences = {}, {}, {}
    for role in roles | possible:
        uncertain_role = role in possible
        items[role] = dict.fromkeys(ALWAYS[role], uncertain_role)
        if role == "owner_possessor":
            for key, (question, value) in CONDITIONAL.items():
                if answers[question] in (value, "not_sure"):
                    items[role][key] = uncertain_role or answers[question] == "not_sure"
            for question, key in PROHIBITION.items():
                if answers[question] in ("yes", "not_sure"):
                    prohibited[key] = uncertain_role or answers[question] == "not_sure"
            for key, (question, value) in OFFENCE_IF.items():
                if answers[question] in (value, "not_sure"):
                    offences[key] = uncertain_role or answers[question] == "not_sure"
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
    assert [r.key for r in result.consequences] == (
        ["owner-act-at-once-on-risk-of-banned-function"] if prohibited else []
    )
    assert {o.key: bool(because) for o, because in result.offences} == offences, answers
    assert [(f.value, f.first, f.repeated, f.first_money, f.repeated_money) for f in result.fines] == fines
    unsure = [q for q, v in answers.items() if v == "not_sure"]
    assert sorted(result.unsure) == sorted(unsure)
    # Never "nothing applies" while any answer is not sure.
    assert result.nothing_applies == (not roles and not possible and not unsure)
    if unsure:
        assert not result.nothing_applies
    return result


@pytest.fixture
def records():
    return list(RightOrDuty.objects.filter(edition__slug="law-230-viii").select_related("article", "paragraph"))


def test_the_records_are_the_ones_the_table_names(records):
    named = set().union(*ALWAYS.values(), CONDITIONAL, PROHIBITION.values())
    assert {r.key for r in records} == named


def test_every_combination_of_roles(records):
    """All 3^5 role answers, with the system questions at a baseline when they are asked."""
    for values in itertools.product(("yes", "no", "not_sure"), repeat=len(ROLE_QUESTION)):
        answers = dict(zip(ROLE_QUESTION.values(), values, strict=True))
        if answers["runs_system"] != "no":
            answers.update(SYSTEM_BASELINE)
        assert flow.next_question(answers) is None, answers
        check(answers, records)


@pytest.mark.parametrize("runs", ["yes", "not_sure"])
def test_every_answer_to_every_system_question(records, runs):
    roles = {"uses_system": "no", "decided_about": "no", "runs_system": runs, "holds_data": "no", "made_data": "no"}
    for question in SYSTEM_BASELINE:
        for value in flow.by_name[question].values:
            check({**roles, **SYSTEM_BASELINE, question: value}, records)


answer_sets = st.fixed_dictionaries({q.name: st.sampled_from(q.values) for q in flow.questions}).map(
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
    assert len(code.replace("-", "")) <= len(flow.questions)
    assert dict(decode(flow, code)) == answers
    assert dict(decode(flow, code.upper().replace("-", " "))) == answers


@pytest.mark.parametrize("code", ["", "-", "zzzz", "1" * 18, "4", "1111!", "0" * 200])
def test_a_code_that_is_not_one_is_refused(code):
    assert decode(flow, code) is None


@pytest.mark.parametrize("question", flow.questions, ids=lambda q: q.name)
def test_every_edge_of_every_question(question):
    """From a state where this question is due, each answer leads to the next question that applies."""
    answers = {}
    for q in flow.questions:
        if q.name == question.name:
            break
        answers[q.name] = "yes" if q.name == "runs_system" else SYSTEM_BASELINE.get(q.name, "no")
    assert flow.next_question(answers) == question
    names = [q.name for q in flow.questions]
    for value in question.values:
        following = flow.next_question(flow.keep_applicable({**answers, question.name: value}))
        if question.name == "runs_system" and value == "no":
            assert following.name == "holds_data"
        elif question.name == "made_data" and answers["runs_system"] == "no":
            assert following is None
        else:
            rest = names[names.index(question.name) + 1 :]
            assert (following.name if following else None) == (rest[0] if rest else None)


def test_the_system_questions_are_asked_only_of_owners_and_the_unsure():
    for runs in ("yes", "no", "not_sure"):
        answers = {
            "uses_system": "no",
            "decided_about": "no",
            "runs_system": runs,
            "holds_data": "no",
            "made_data": "no",
        }
        asked = flow.next_question(answers)
        assert (asked.name if asked else None) == (None if runs == "no" else "manipulates")


def test_the_loaded_flow_is_the_declared_one():
    assert FlowDeclaration.objects.get(edition__slug="law-230-viii").flow() == flow
