"""The seven visitors of the usability review of 6 December 2026, through the flow of the law in force.

Each answers through the pages' own forms, in kk, ru and en, and reads the summary at the top of the
result: who they are under the law (the most demanding role first), their first steps, whether a fine
can hit them and how much, and their deadlines. What they must be told is written here by hand from
law-facts (Articles 8, 15-18, 21, 23, 27 of the law, Article 641-1 of the Code of Administrative
Offences, Article 19-1 of the personal data law), not computed by the code under test.
"""

import pytest

from .conftest import soup, visible_text
from .test_checker_law_pages import answer

pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]

NO_ROLES = {"uses_system": "no", "decided_about": "no", "runs_system": "no", "holds_data": "no", "made_data": "no"}
OWNER = {**NO_ROLES, "runs_system": "yes", "banned": ("none",), "features": ("none",), "autonomy": "low"}
MCI = 4325
FINES = {"person": (15, 30), "small": (20, 50), "medium": (30, 70), "large": (100, 200)}

VISITORS = {
    # A small shop that runs a customer chatbot licensed from a vendor, and uses it herself.
    "shop": (
        {**OWNER, "uses_system": "yes", "risk": "minimal", "mode": "closed", "size": "small"},
        {
            "roles": ["owner_possessor", "user"],
            "actions": {"owner-tell-users-ai-is-used"},  # Art 21(1): say that customers talk to a bot
            "fine": ("not_on_answers", "small"),  # 641-1 names owners, but neither offence fits her answers
            "deadlines": {"owner-update-risks-yearly"},  # Art 18(1): at least once a year
        },
    ),
    # A large bank's HR: screens CVs, rejects candidates automatically, reads emotions in interviews.
    "bank": (
        {
            **OWNER,
            "banned": ("reads_emotions",),
            "features": ("decides_rights",),
            "risk": "medium",
            "mode": "closed",
            "size": "large",
        },
        {
            "roles": ["owner_possessor"],
            "actions": {"owner-stop-banned-function", "owner-automated-decisions"},  # Art 17(3); PD law 19-1
            "fine": ("not_on_answers", "large"),
            "deadlines": {"owner-answer-objections", "owner-update-risks-yearly"},  # 3 working days; yearly
            "stop": True,  # the banned function must go, not only "act at once"
        },
    ),
    # A job seeker rejected by an automated system, who uses no AI himself.
    "job_seeker": (
        {**NO_ROLES, "decided_about": "yes", "builds": "no"},
        {
            "roles": ["decided_about"],
            "actions": {"decided-about-ask-how"},
            "fine": ("not_for_roles", None),
            "deadlines": {"decided-about-object"},  # an objection is considered within 3 working days
        },
    ),
    # A start-up's face-swap app, trained on scraped images: it owns the app and made the data set.
    "founder": (
        {
            **OWNER,
            "holds_data": "yes",
            "made_data": "yes",
            "features": ("synthetic", "trains_on_works"),
            "risk": "medium",
            "mode": "open",
            "size": "small",
        },
        {
            "roles": ["owner_possessor", "data_library_holder", "data_library_producer"],
            "actions": {"owner-mark-synthetic-results", "owner-check-training-opt-outs"},  # 21(2); 23(3)-(5)
            "fine": ("applies", "small"),  # 641-1(1)(1): users not told of misleading synthetic results
            "deadlines": {"owner-update-risks-yearly"},
        },
    ),
    # A university lab that holds a licensed speech data set for training.
    "lab": (
        {**NO_ROLES, "builds": "no", "holds_data": "yes"},
        {
            "roles": ["data_library_holder"],
            "actions": {"data-library-name-producer", "data-library-keep-quality"},  # Art 27(5), 27(2)
            "fine": ("not_for_roles", None),
            "deadlines": set(),
        },
    ),
    # A contractor who builds a system for a client and hands it over: a creator, not an owner.
    "contractor": (
        {**NO_ROLES, "builds": "yes"},
        {
            "roles": ["developer"],
            "actions": {"developer-no-banned-functions"},  # Art 17(3) binds whoever creates
            "fine": ("not_for_roles", None),
            "deadlines": set(),
        },
    ),
    # A teacher who prepares lessons with a chatbot.
    "teacher": (
        {**NO_ROLES, "uses_system": "yes", "builds": "no"},
        {
            "roles": ["user"],
            "actions": {"user-read-agreement", "user-keep-synthetic-marks"},  # Art 16(1); Art 21(2)
            "fine": ("not_for_roles", None),  # users are not named in Article 641-1
            "deadlines": set(),
        },
    ),
}


def flat(text: str) -> str:
    """Text with every space and digit group separator gone: '86 500' and '86,500' read '86500'."""
    return "".join(text.split()).replace("\u00a0", "").replace("\u202f", "").replace(",", "")


@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_reads_their_answer_in_the_summary(client, lang, visitor):
    answers, wanted = VISITORS[visitor]
    page = soup(answer(client, lang, answers))
    box = page.select_one("section.brief")
    assert box is not None
    # The summary is the first thing under the title.
    assert page.select_one("main h1").find_next("section") is box
    roles = [a["href"].removeprefix("#role-") for a in box.select(".brief-roles a")]
    assert roles == wanted["roles"]
    first = [li["data-action"] for li in box.select(".brief-actions li")]
    assert 1 <= len(first) <= 5
    assert wanted["actions"] <= set(first), first
    assert all(li.select_one("a.source-link") for li in box.select(".brief-actions li, .brief-deadlines li"))
    assert {li["data-action"] for li in box.select(".brief-deadlines li")} == wanted["deadlines"]
    case, size = wanted["fine"]
    fine = box.select_one(".brief-fine")
    assert fine["data-case"] == case
    said = flat(visible_text(fine))
    if size:
        # A fine that applies: its amount for their size is in the summary. One that does not apply on
        # their answers: the summary says so, and the fines section gives the amount for their size.
        where = said if case == "applies" else flat(visible_text(page.select_one("section.fines table")))
        first_units, repeated_units = FINES[size]
        for amount in (first_units, repeated_units, first_units * MCI, repeated_units * MCI):
            assert str(amount) in where, (size, where)
        assert len(page.select("section.fines table tbody tr")) == 1
        # No offence on their answers: no (empty) list of offences, only the amounts at stake.
        assert bool(page.select("section.fines ul.offences li")) == (case == "applies")
        assert not [ul for ul in page.select("section.fines ul") if not ul.find("li")]
    else:
        assert "641-1" in said
        assert page.select_one("section.fines") is None
    assert bool(page.select_one(".warning .prose")) == wanted.get("stop", False)


def test_the_job_seeker_is_not_addressed_as_a_user(client, lang):
    """Article 7(2) speaks of users: someone who does not use the system is told of Article 19-1."""
    page = soup(answer(client, lang, VISITORS["job_seeker"][0]))
    assert page.select('[data-key^="decided-about-"]') == []
    assert "19-1" in visible_text(page.select_one("#role-decided_about"))


def test_duplicate_duties_are_one_line_citing_every_article(client):
    answers, _wanted = VISITORS["shop"]
    page = soup(answer(client, "en", answers))
    line = page.select_one('#role-owner_possessor [data-key="owner-plan-and-run-risk-management"]')
    cited = {a.get_text() for a in line.select("a.source-link")}
    assert cited == {"Article 18, paragraph 1", "Article 15, paragraph 2, subparagraph 1", "Article 11, paragraph 3"}
    for merged in ("owner-manage-risks", "owner-manage-risks-and-counter-threats"):
        assert page.select_one(f'[data-key="{merged}"]') is None
