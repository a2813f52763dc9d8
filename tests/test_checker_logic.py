"""The question flow's logic over every combination of answers, checked against an independent table.

The expectations below are written from the draft's facts (Chapter 3, Art 18 para 3, Arts 19, 21,
22), not computed by the code under test, so a role that silently loses its duties fails here.
"""

import itertools
import tomllib

import pytest
from django.utils import translation

from checker.engine import Flow
from checker.models import FlowDeclaration
from law.models import RightOrDuty

from .conftest import ROOT

# The draft's flow as its content declares it (the engine is the same for every edition).
DECLARATION = tomllib.loads((ROOT / "content/ai-law/draft-2025/check/flow.toml").read_text(encoding="utf-8"))
flow = Flow.from_declaration(DECLARATION)

pytestmark = pytest.mark.django_db

# What each role must be told, whatever else they answer.
ALWAYS = {
    "user": {
        "user-right-to-information",
        "user-right-to-data-protection",
        "user-stay-within-permissions",
        "user-right-to-know-ai-made",
    },
    "owner": {
        "owner-ensure-safety",
        "owner-keep-documentation",
        "owner-inform-users",
        "owner-avoid-prohibited-functions",
        "owner-manage-risks",
        "owner-stop-on-threat",
        "owner-lawful-results",
        "owner-tell-users-ai-made",  # Art 22: every owner, not only generative systems
    },
    "data_library_owner": {
        "data-library-owner-control-use",
        "data-library-owner-set-access",
        "data-library-owner-quality",
        "data-library-owner-lawful-purposes",
    },
}
PROHIBITION_FOR = {
    "manipulation": "prohibited-manipulation",
    "vulnerability": "prohibited-exploiting-vulnerabilities",
    "biometric": "prohibited-biometric-identification",
    "social_scoring": "prohibited-social-scoring",
    "illegal_content": "prohibited-illegal-content",
}
ARTICLE_OF = {
    "user-right-to-information": ("16", None),
    "user-right-to-data-protection": ("16", None),
    "user-stay-within-permissions": ("16", None),
    "user-right-to-know-ai-made": ("22", None),
    "owner-ensure-safety": ("15", None),
    "owner-keep-documentation": ("15", None),
    "owner-inform-users": ("15", None),
    "owner-avoid-prohibited-functions": ("18", "3"),
    "owner-manage-risks": ("19", None),
    "owner-stop-on-threat": ("19", None),
    "owner-lawful-results": ("22", None),
    "owner-tell-users-ai-made": ("22", None),
    "data-library-owner-control-use": ("17", None),
    "data-library-owner-set-access": ("17", None),
    "data-library-owner-quality": ("17", None),
    "data-library-owner-lawful-purposes": ("21", None),
    **{key: ("18", "3") for key in [*PROHIBITION_FOR.values(), "prohibited-fully-autonomous"]},
}


def all_complete_answers():
    """Every complete set of answers the flow can produce, by walking it as a visitor would."""
    functions = [v for v in flow.by_name["capabilities"].values if v not in ("none", "not_sure")]
    capability_sets = [("none",), ("not_sure",)] + [
        combo for size in range(1, 6) for combo in itertools.combinations(functions, size)
    ]

    def walk(answers):
        question = flow.next_question(answers)
        if question is None:
            yield dict(answers)
            return
        choices = capability_sets if question.multiple else question.values
        for value in choices:
            yield from walk({**answers, question.name: value})

    return list(walk({}))


ALL = all_complete_answers()


def expected(answers):
    """Roles answered yes, roles answered not sure ("may apply"), their items, the prohibitions."""
    roles = {role for role, q in flow.role_questions.items() if answers.get(q) == "yes"}
    possible = {role for role, q in flow.role_questions.items() if answers.get(q) == "not_sure"}
    items = {role: set(ALWAYS[role]) for role in roles | possible}
    prohibited = set()
    if "owner" in roles | possible:  # not sure whether you own one: the owner questions are asked too
        if answers["autonomy"] in ("fully_autonomous", "not_sure"):  # not sure: it may be banned
            prohibited.add("prohibited-fully-autonomous")
        if answers["capabilities"] == ("not_sure",):  # not sure what it can do: every ban may apply
            prohibited |= set(PROHIBITION_FOR.values())
        else:
            prohibited |= {PROHIBITION_FOR[c] for c in answers["capabilities"] if c != "none"}
    return roles, possible, items, prohibited


def test_the_walk_reaches_every_combination():
    owners = [a for a in ALL if a["provides_ai"] in ("yes", "not_sure")]
    # uses × provides (yes, not sure) × data × autonomy × capability sets × risk × content
    assert len(owners) == 3 * 2 * 3 * 4 * 33 * 4 * 3
    assert len(ALL) - len(owners) == 3 * 1 * 3
    assert all("autonomy" not in a for a in ALL if a["provides_ai"] == "no")


def test_every_combination_gets_its_roles_duties_and_warnings():
    records = list(RightOrDuty.objects.filter(edition__slug="draft-2025").select_related("article", "paragraph"))
    assert {r.key for r in records} == set(ARTICLE_OF)
    for answers in ALL:
        result = flow.outcome(answers, records)
        roles, possible, items, prohibited = expected(answers)
        assert set(result.roles) == roles, answers
        assert set(result.possible_roles) == possible, answers
        for role in roles | possible:
            assert {r.key for r in result.items[role]} == items[role], (role, answers)
        assert {r.key for r in result.prohibited} == prohibited, answers
        assert [r.key for r in result.consequences] == (["owner-stop-on-threat"] if prohibited else [])
        assert result.unsure == [q for q, v in answers.items() if v in ("not_sure", ("not_sure",))]


def draft_records():
    return list(RightOrDuty.objects.filter(edition__slug="draft-2025").select_related("article", "paragraph"))


OWNER = {
    "uses_ai": "no",
    "provides_ai": "yes",
    "data_library": "no",
    "autonomy": "semi_autonomous",
    "capabilities": ("none",),
    "risk": "high",
}


@pytest.mark.parametrize("generates", ["no", "yes", "not_sure"])
def test_every_owner_must_tell_users_when_ai_was_used(generates):
    """Art 22 (SEED): users are told when any product or service is made with AI; generative systems
    matter most, but a bank's scoring model or a trading bot that makes no content has the duty too."""
    result = flow.outcome({**OWNER, "generates_content": generates}, draft_records())
    assert "owner-tell-users-ai-made" in {r.key for r in result.items["owner"]}
    assert "owner-tell-users-ai-made" not in result.depends  # a duty, not a "may apply"
    assert ("generates_content", generates) in result.explained  # the generative emphasis, as a text


def test_not_sure_whether_you_own_a_system_asks_the_owner_questions_and_warns_of_what_may_apply():
    """As in the law in force's flow: "not sure" means "may apply", never "no"."""
    answers = {"uses_ai": "not_sure", "provides_ai": "not_sure", "data_library": "not_sure"}
    assert flow.next_question(answers).name == "autonomy"
    answers |= {"autonomy": "fully_autonomous", "capabilities": ("biometric",), "risk": "not_sure"}
    answers |= {"generates_content": "not_sure"}
    result = flow.outcome(answers, draft_records())
    assert result.roles == [] and set(result.possible_roles) == {"user", "owner", "data_library_owner"}
    assert not result.nothing_applies
    assert {r.key for r in result.prohibited} == {"prohibited-fully-autonomous", "prohibited-biometric-identification"}
    for record in result.prohibited + result.items["owner"]:
        assert result.depends[record.key][0] == "provides_ai", record.key
    assert [r.key for r in result.consequences] == ["owner-stop-on-threat"]


def test_every_right_and_duty_points_to_its_article_and_paragraph():
    for record in RightOrDuty.objects.filter(edition__slug="draft-2025").select_related(
        "article__edition", "paragraph"
    ):
        number, label = ARTICLE_OF[record.key]
        url = f"/kk/ai-law/draft-2025/article-{number}/" + (f"#p-{label}" if label else "")
        with translation.override("kk"):
            assert record.get_absolute_url() == url


@pytest.mark.parametrize("question", flow.questions, ids=lambda q: q.name)
def test_every_edge_of_every_question(question):
    """From a state where this question is due, each answer leads to the right next step."""
    base = {"uses_ai": "yes", "provides_ai": "yes", "data_library": "no"}
    answers = {}
    for q in flow.questions:
        if q.name == question.name:
            break
        answers[q.name] = (base.get(q.name) or ("none",)) if q.multiple else base.get(q.name, q.values[0])
    assert flow.next_question(answers) == question
    for value in question.values:
        chosen = (value,) if question.multiple else value
        after = flow.keep_applicable({**answers, question.name: chosen})
        following = flow.next_question(after)
        names = [q.name for q in flow.questions]
        if question.name == "provides_ai" and value == "no":
            assert following.name == "data_library"
            continue
        if question.name == "data_library" and answers.get("provides_ai") != "yes":
            assert following is None
            continue
        rest = names[names.index(question.name) + 1 :]
        assert (following.name if following else None) == (rest[0] if rest else None)


def test_changing_an_answer_keeps_the_others_that_still_apply():
    answers = {
        "uses_ai": "yes",
        "provides_ai": "yes",
        "data_library": "no",
        "autonomy": "assistive",
        "capabilities": ("none",),
        "risk": "minimal",
        "generates_content": "no",
    }
    assert flow.keep_applicable({**answers, "uses_ai": "no"}) == {**answers, "uses_ai": "no"}
    dropped = flow.keep_applicable({**answers, "provides_ai": "no"})
    assert dropped == {"uses_ai": "yes", "provides_ai": "no", "data_library": "no"}
    assert flow.next_question(dropped) is None
    again = flow.keep_applicable({**dropped, "provides_ai": "yes"})
    assert flow.next_question(again).name == "autonomy"


def test_the_loaded_flow_is_the_declared_one():
    stored = FlowDeclaration.objects.get(edition__slug="draft-2025")
    assert stored.flow() == flow


def test_not_sure_what_the_system_can_do_shows_every_ban_as_one_that_may_apply():
    answers = {**OWNER, "capabilities": ("not_sure",)}
    result = flow.outcome(answers, draft_records())
    assert {r.key for r in result.prohibited} == set(PROHIBITION_FOR.values())
    assert all(result.depends[key] == ("capabilities",) for key in PROHIBITION_FOR.values())
    assert "capabilities" in result.unsure


def test_not_sure_cannot_be_combined_with_a_capability():
    parsed = flow.parse(
        {**{k: [v] for k, v in OWNER.items() if k != "capabilities"}, "capabilities": ["biometric", "not_sure"]}
    )
    assert "capabilities" not in parsed.values
    assert [p.code for p in parsed.problems] == ["exclusive_not_sure"]


def test_question_numbers_count_over_the_whole_flow():
    """'Question n of N' over every question the answers so far make applicable: N grows once, at the
    answer that opens more questions, and n never starts again at 1."""
    from checker.engine import Flow

    made_up = Flow.from_declaration(
        {
            "questions": [
                {"name": "a", "values": ["yes", "no"], "role": "r"},
                {"name": "b", "values": ["yes", "no"]},
                {"name": "c", "values": ["x", "y"], "asked_if": ["a=yes"]},
                {"name": "d", "values": ["x", "y"], "asked_if": ["a=yes", "c=x"]},
                {"name": "e", "values": ["x", "y"], "asked_if": ["a=yes"]},
            ]
        }
    )
    assert made_up.progress("a", {}) == (1, 2)
    assert made_up.progress("b", {"a": "no"}) == (2, 2)
    assert made_up.progress("b", {"a": "yes"}) == (2, 4)  # c and e are now known to come; d not yet
    assert made_up.progress("d", {"a": "yes", "b": "no", "c": "x"}) == (4, 5)
    assert made_up.progress("e", {"a": "yes", "b": "no", "c": "y"}) == (4, 4)
    owner = {**OWNER, "uses_ai": "yes"}
    names = [q.name for q in flow.applicable(owner)]
    assert [flow.progress(name, owner) for name in names] == [(n, len(names)) for n in range(1, len(names) + 1)]
