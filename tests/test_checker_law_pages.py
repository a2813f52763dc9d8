"""The flow of the law in force as four visitors meet it, in kk, ru and en, with JavaScript off.

Each visitor answers the questions the pages ask, through the pages' own forms (GET, no script).
What they must be told is written here by hand from law-facts, not computed by the code under test.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import soup, visible_text
from .test_checker_law_logic import flow

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def answer(client, lang, answers: dict[str, str | tuple[str, ...]], start=None):
    """Answer every question the site asks, as a browser without JavaScript would; the result page.

    A question missing from `answers` fails the test: each visitor's script says what they answer.
    """
    response = client.get(start or f"/{lang}/check/")
    if start is None:
        response = client.get(soup(response).find("a", class_="button--start")["href"])
    asked = []
    for _ in range(len(flow.questions) + 1):
        page = soup(response)
        form = page.find("form", class_="question-form")
        if form is None:
            break
        name = form.find("input", attrs={"name": "step"})["value"]
        asked.append(name)
        assert name in answers, f"the site asked {name}, which this visitor's script does not answer"
        fields = [(i["name"], i["value"]) for i in form.find_all("input", type="hidden")]
        chosen = answers[name] if isinstance(answers[name], tuple) else (answers[name],)
        for value in chosen:  # a box ticked (or a radio button chosen) for each value
            box = form.find("input", attrs={"name": name, "value": value})
            assert box is not None, (name, value)
            fields.append((name, value))
        submitted = client.get(f"{form['action']}?{urlencode(fields)}")
        assert submitted.status_code == 302, (name, submitted.status_code)
        response = client.get(submitted["Location"])
    assert response.status_code == 200
    assert urlsplit(response.request["PATH_INFO"]).path == f"/{lang}/check/result/", asked
    response.asked = asked
    return response


# A teacher who uses a chatbot and is not sure whether the school's AI marks her pupils' work.
TEACHER = {
    "uses_system": "yes",
    "decided_about": "not_sure",
    "runs_system": "no",
    "builds": "no",
    "holds_data": "no",
    "made_data": "no",
}
# A small company that runs a chatbot for customers and screens CVs with it.
SMALL_COMPANY = {
    "uses_system": "no",
    "decided_about": "no",
    "runs_system": "yes",
    "holds_data": "no",
    "made_data": "no",
    "banned": ("not_sure",),
    "features": ("synthetic", "decides_rights"),
    "risk": "medium",
    "autonomy": "low",
    "mode": "closed",
    "size": "small",
}
# A hospital that keeps a data library of scans and is not sure it "produced" it.
HOSPITAL = {
    "uses_system": "no",
    "decided_about": "no",
    "runs_system": "no",
    "builds": "no",
    "holds_data": "yes",
    "made_data": "not_sure",
}
UNSURE = {q.name: ("not_sure",) if q.multiple else "not_sure" for q in flow.questions}


def roles_on(page, possible: bool):
    return {
        section["id"].removeprefix("role-")
        for section in page.select("section.role[id^=role-]")
        if ("role--possible" in section["class"]) == possible
    }


def test_the_first_page_starts_the_laws_questions_and_opens_a_code(client, lang):
    page = soup(client.get(f"/{lang}/check/"))
    assert page.html["lang"] == lang
    assert page.find("a", class_="button--start")["href"] == f"/{lang}/check/uses_system/"
    form = page.find("form", class_="code-form")
    assert form["method"] == "get" and form["action"] == f"/{lang}/check/r/"


def test_a_teacher_is_a_user_and_may_be_someone_an_ai_decides_about(client, lang):
    result = answer(client, lang, TEACHER)
    assert result.asked == list(TEACHER)  # no question about a system she does not run
    page = soup(result)
    assert roles_on(page, possible=False) == {"user"}
    assert roles_on(page, possible=True) == {"decided_about"}
    assert page.find("section", class_="fines") is None  # users are not named in Article 641-1
    assert page.select_one(".brief-fine")["data-case"] == "not_for_roles"
    assert page.find("section", class_="warning") is None
    # Her right to refuse to deal with an AI system (Article 16) is on the page, with its source.
    assert page.select_one('[data-key="user-right-to-refuse-ai"]') is not None
    assert page.select_one("#role-decided_about .maybe-mark") is not None
    assert page.find("section", class_="unsure") is not None


def test_a_small_company_running_a_chatbot_gets_its_duties_fines_and_a_possible_ban(client, lang):
    result = answer(client, lang, SMALL_COMPANY)
    page = soup(result)
    assert roles_on(page, possible=False) == {"owner_possessor"}
    assert roles_on(page, possible=True) == set()
    # Not sure about the banned functions (Article 17(3)): all seven may apply, each marked so, with
    # what to do on the risk of one (Article 18(2)).
    warning = page.find("section", class_="warning")
    assert warning is not None
    banned = warning.select_one("ul.duties").find_all("li", recursive=False)
    assert len(banned) == 7 and all(item.select_one(".maybe") is not None for item in banned)
    assert all("17" in item.select_one(".source-link").get_text() for item in banned)
    assert warning.select_one('[data-key="owner-act-at-once-on-risk-of-banned-function"]') is not None
    # Synthetic results must be marked (Article 21); a fine is possible under Code Article 641-1.
    # One line, marking and warning (Article 21(2)), citing also who answers for it (21(3)).
    line = page.select_one('[data-key="owner-mark-synthetic-results"]')
    assert line is not None and len(line.select("a.source-link")) == 2
    assert page.select_one('[data-key="owner-inform-users-about-synthetic-results"]') is None
    fines = page.find("section", class_="fines")
    assert len(fines.select("ul.offences > li")) == 1  # synthetic results, not high risk
    rows = fines.select("table.fines-table tbody tr")
    assert len(rows) == 1
    cells = " ".join(visible_text(rows[0]).split())
    assert "20" in cells and "50" in cells
    assert "86" in cells and "216" in cells  # 20 and 50 MCI at 4,325 tenge
    # Not a high-risk system: no audit before a trusted list.
    assert page.select_one('[data-key="owner-audit-before-trusted-list"]') is None


def test_a_hospital_holding_a_data_library_may_also_be_its_producer(client, lang):
    page = soup(answer(client, lang, HOSPITAL))
    assert roles_on(page, possible=False) == {"data_library_holder"}
    assert roles_on(page, possible=True) == {"data_library_producer"}
    assert page.find("section", class_="fines") is None


def test_a_visitor_unsure_of_everything_is_shown_all_that_may_apply(client, lang):
    result = answer(client, lang, UNSURE)
    page = soup(result)
    assert roles_on(page, possible=False) == set()
    assert roles_on(page, possible=True) == {
        "user",
        "decided_about",
        "owner_possessor",
        "developer",
        "data_library_holder",
        "data_library_producer",
    }
    assert len(page.select("section.fines table.fines-table tbody tr")) == 4  # every size of business
    assert len(page.select("section.unsure .prose")) == len(UNSURE)
    assert page.select_one(".brief-fine")["data-case"] == "may_apply"


def test_a_result_code_brings_back_the_same_result(client, lang):
    result = answer(client, lang, SMALL_COMPANY)
    code = soup(result).select_one(".result-code .code").get_text(strip=True)
    response = client.get(f"/{lang}/check/r/{code}/")
    assert response.status_code == 302
    assert response["Location"] == result.request["PATH_INFO"] + "?" + result.request["QUERY_STRING"]
    # Typed from paper: lower case, no hyphens, spaces around it; through the form on the first page.
    typed = f" {code.replace('-', '').lower()} "
    assert client.get(f"/{lang}/check/r/", {"code": typed})["Location"] == response["Location"]
    # The printed sheet carries the code too.
    printed = client.get(result.request["PATH_INFO"] + "print/?" + result.request["QUERY_STRING"])
    assert printed.status_code == 200 and code in visible_text(soup(printed))
    # Its permanent address is the short code link, not the long query.
    address = soup(printed).select_one(".print-header a")["href"]
    assert address.endswith(f"/{lang}/check/r/{code}/") and "?" not in address


@pytest.mark.parametrize("code", ["zzzz-zzzz-zzzz-zzzz-zzzz", "!!", "1" * 200, "ой"])
def test_a_wrong_code_is_explained_in_the_visitors_language(client, lang, code):
    response = client.get(f"/{lang}/check/r/", {"code": code})
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.find("form", class_="code-form") is not None
    assert page.find("h1").get_text(strip=True)


def test_another_system_keeps_the_role_answers_and_asks_the_system_questions_again(client, lang):
    page = soup(answer(client, lang, SMALL_COMPANY))
    link = page.select_one(".result-actions a[href*='/check/']:not(.print-link)")
    url = urlsplit(link["href"])
    assert url.path == f"/{lang}/check/banned/"
    kept = dict(pair.split("=") for pair in url.query.split("&"))
    assert kept == {
        q: SMALL_COMPANY[q] for q in ("uses_system", "decided_about", "runs_system", "holds_data", "made_data")
    }


def test_the_fines_row_follows_the_size_of_the_business(client):
    for size, first, repeated in [("person", "15", "30"), ("medium", "30", "70"), ("large", "100", "200")]:
        page = soup(answer(client, "en", {**SMALL_COMPANY, "size": size}))
        row = page.select("section.fines table.fines-table tbody tr")
        assert len(row) == 1, size
        cells = [td.get_text(" ", strip=True) for td in row[0].find_all("td")]
        assert cells[0].startswith(f"{first} MCI") and cells[1].startswith(f"{repeated} MCI"), (size, cells)


names = st.sampled_from([q.name for q in flow.questions] + ["step", "code", "", "size[]"])
values = st.one_of(
    st.sampled_from([v for q in flow.questions for v in q.values]),
    st.text(max_size=40),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.lists(st.tuples(names, values), max_size=20),
    page=st.sampled_from(["result", "result/print", "uses_system", "banned", "risk", "size", "r", "nope"]),
)
def test_no_query_string_breaks_the_laws_flow(client, params, page):
    response = client.get(f"/kk/check/{page}/?{urlencode(params)}")
    assert response.status_code in (200, 302, 400, 404)
