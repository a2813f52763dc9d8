"""The question flow as a visitor meets it: forms that work without JavaScript, results, bad links."""

from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import soup, visible_text
from .test_checker_logic import flow

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def submit(client, response, *choices):
    """Submit the page's form as a browser without JavaScript would: hidden fields plus choices."""
    page = soup(response)
    form = page.find("form", class_="question-form")
    assert form["method"] == "get"
    fields = [(i["name"], i["value"]) for i in form.find_all("input", type="hidden")]
    for choice in choices:
        box = form.find("input", attrs={"value": choice, "type": ["radio", "checkbox"]})
        assert box is not None, choice
        fields.append((box["name"], box["value"]))
    return client.get(f"{form['action']}?{urlencode(fields)}")


def follow(client, response):
    assert response.status_code == 302, response.status_code
    return client.get(response["Location"])


def answer_all(client, lang, script):
    response = client.get(f"/{lang}/ai-law/draft-2025/check/")
    start = soup(response).find("a", class_="button--start")["href"]
    response = client.get(start)
    for choices in script:
        response = follow(client, submit(client, response, *choices))
    return response


USER = [["yes"], ["no"], ["no"]]
PROHIBITED_OWNER = [["no"], ["yes"], ["no"], ["fully_autonomous"], ["biometric", "social_scoring"], ["high"], ["yes"]]
DATA_LIBRARY_OWNER = [["no"], ["no"], ["yes"]]


def test_start_page_says_what_it_is_and_that_nothing_is_stored(client, lang):
    response = client.get(f"/{lang}/ai-law/draft-2025/check/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.find("a", class_="button--start")["href"] == f"/{lang}/ai-law/draft-2025/check/uses_ai/"


def test_a_user_gets_the_rights_and_duties_of_users(client, lang):
    result = answer_all(client, lang, USER)
    assert urlsplit(result.request["PATH_INFO"]).path == f"/{lang}/ai-law/draft-2025/check/result/"
    page = soup(result)
    assert page.find(id="role-user") and not page.find(id="role-owner")
    links = {a["href"] for a in page.find(id="role-user").find_all("a", class_="source-link")}
    assert links == {f"/{lang}/ai-law/draft-2025/article-16/", f"/{lang}/ai-law/draft-2025/article-22/"}
    assert page.find(class_="warning") is None


def test_an_owner_of_a_prohibited_system_is_warned(client, lang):
    page = soup(answer_all(client, lang, PROHIBITED_OWNER))
    warning = page.find(class_="warning")
    assert warning is not None
    banned = warning.select("li.duty--prohibition")
    assert len(banned) == 3  # fully autonomous, biometric, social scoring
    assert {li.find("a", class_="source-link")["href"] for li in banned} == {
        f"/{lang}/ai-law/draft-2025/article-18/#p-3"
    }
    # What the draft then requires: suspend or stop (Article 19).
    assert warning.find("a", class_="source-link", href=f"/{lang}/ai-law/draft-2025/article-19/")
    owner = page.find(id="role-owner")
    hrefs = {a["href"] for a in owner.find_all("a", class_="source-link")}
    for number in ("15", "19", "22"):
        assert f"/{lang}/ai-law/draft-2025/article-{number}/" in hrefs


def test_a_data_library_owner_gets_article_17(client, lang):
    page = soup(answer_all(client, lang, DATA_LIBRARY_OWNER))
    section = page.find(id="role-data_library_owner")
    hrefs = {a["href"] for a in section.find_all("a", class_="source-link")}
    assert f"/{lang}/ai-law/draft-2025/article-17/" in hrefs


def test_an_owner_whose_system_makes_no_content_must_still_tell_users(client, lang):
    query = (
        "uses_ai=no&provides_ai=yes&data_library=no&autonomy=semi_autonomous"
        "&capabilities=none&risk=high&generates_content=no"
    )
    page = soup(client.get(f"/{lang}/ai-law/draft-2025/check/result/?{query}"))
    duty = page.find(id="role-owner").find("li", attrs={"data-key": "owner-tell-users-ai-made"})
    assert duty is not None and "duty--maybe" not in duty["class"]
    assert duty.find("a", class_="source-link")["href"] == f"/{lang}/ai-law/draft-2025/article-22/"
    # The answer on content is explained: the duty is not limited to generative systems.
    assert page.select("section.explained a[href='/" + lang + "/ai-law/draft-2025/article-22/']")


def test_not_sure_whether_you_own_a_system_asks_about_the_system(client, lang):
    unsure = [["not_sure"], ["not_sure"], ["not_sure"]]
    page = soup(answer_all(client, lang, unsure + [["fully_autonomous"], ["none"], ["not_sure"], ["not_sure"]]))
    owner = page.find(id="role-owner")
    assert owner is not None and "role--possible" in owner["class"]
    assert page.find(class_="warning").select("li.duty--prohibition.duty--maybe")
    assert page.find(id="role-none-heading") is None


def test_no_role_still_hears_what_the_law_gives_them(client):
    page = soup(client.get("/en/ai-law/draft-2025/check/result/?uses_ai=no&provides_ai=no&data_library=no"))
    assert not page.select("section.role[id^=role-]")
    assert page.find(id="role-none-heading")


def test_every_result_says_it_explains_the_draft_and_names_the_law_in_force(client, lang):
    page = soup(client.get(f"/{lang}/ai-law/draft-2025/check/result/?uses_ai=not_sure&provides_ai=no&data_library=no"))
    disclaimer = page.find(class_="disclaimer")
    assert "230-VIII" in visible_text(disclaimer)
    assert page.find(class_="unsure") is not None


def test_change_links_name_the_question_and_keep_the_other_answers(client, lang):
    query = (
        "uses_ai=yes&provides_ai=yes&data_library=no&autonomy=assistive"
        "&capabilities=none&risk=minimal&generates_content=no"
    )
    page = soup(client.get(f"/{lang}/ai-law/draft-2025/check/result/?{query}"))
    rows = page.select(".summary-row")
    assert len(rows) == 7
    for row in rows:
        link = row.find("a")
        hidden = link.find(class_="visually-hidden")
        assert visible_text(row.find("dt")) in visible_text(hidden)
    # Change "uses_ai" to no: everything else still applies, so we go straight back to the result.
    change = client.get(rows[0].find("a")["href"])
    assert soup(change).find("input", attrs={"value": "yes", "name": "uses_ai"}).has_attr("checked")
    back = follow(client, submit(client, change, "no"))
    assert back.request["PATH_INFO"] == f"/{lang}/ai-law/draft-2025/check/result/"
    assert "generates_content=no" in back.request["QUERY_STRING"]
    # Change "provides_ai" to no: the owner answers no longer apply and are dropped.
    change = client.get(rows[1].find("a")["href"])
    back = follow(client, submit(client, change, "no"))
    assert back.request["QUERY_STRING"] == "uses_ai=yes&provides_ai=no&data_library=no"


def test_continuing_without_an_answer_asks_again_in_the_visitors_language(client, lang):
    response = client.get(f"/{lang}/ai-law/draft-2025/check/uses_ai/")
    again = submit(client, response)
    assert again.status_code == 200
    page = soup(again)
    with translation.override(lang):
        expected = translation.gettext("Select an answer.")
    assert expected in visible_text(page.find(class_="error-summary"))


@pytest.mark.parametrize(
    "path, status, target",
    [
        ("result/?uses_ai=maybe&provides_ai=no&data_library=no", 400, "uses_ai"),
        ("result/?uses_ai=yes&uses_ai=no&provides_ai=no&data_library=no", 400, "uses_ai"),
        ("result/?uses_ai=yes&provides_ai=no&data_library=no&autonomy=assistive", 400, None),
        ("result/?uses_ai=yes", 302, "provides_ai"),
        ("risk/?uses_ai=yes", 302, "provides_ai"),
        ("data_library/", 302, "uses_ai"),
        (
            "capabilities/?uses_ai=yes&provides_ai=yes&data_library=no&autonomy=assistive&capabilities=none&capabilities=biometric",
            400,
            "capabilities",
        ),
        ("result/?uses_ai=" + "y" * 1500, 400, "uses_ai"),  # long, yet under MAX_URL_LENGTH
        ("no-such-question/", 302, None),
    ],
)
def test_bad_links_lead_back_to_the_right_question(client, lang, path, status, target):
    response = client.get(f"/{lang}/ai-law/draft-2025/check/{path}")
    assert response.status_code == status
    if status == 302 and target:
        assert response["Location"].startswith(f"/{lang}/ai-law/draft-2025/check/{target}/")
    if status == 400:
        page = soup(response)
        assert page.html["lang"] == lang
        assert page.find(class_="error-summary") is not None
        if target:
            assert page.find("main").find("form")["action"] == f"/{lang}/ai-law/draft-2025/check/{target}/"


def test_answers_that_do_not_belong_are_left_out_with_a_message(client):
    response = client.get("/ru/ai-law/draft-2025/check/result/?uses_ai=yes&provides_ai=no&data_library=no&risk=high")
    assert response.status_code == 400
    page = soup(response)
    with translation.override("ru"):
        message = translation.gettext(
            "Some answers in the link were for questions that do not apply to you. We left them out."
        )
    assert message in visible_text(page)
    assert "risk" not in [i["name"] for i in page.find_all("input", type="hidden")]


names = st.sampled_from([q.name for q in flow.questions] + ["step", "x", "", "uses_ai[]"])
values = st.one_of(
    st.sampled_from([v for q in flow.questions for v in q.values]),
    st.text(max_size=60),
    st.text(min_size=2000, max_size=3000, alphabet="abc%&=\x00"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.lists(st.tuples(names, values), max_size=12),
    page=st.sampled_from(["result", "uses_ai", "risk", "capabilities", "nope"]),
)
def test_no_query_string_breaks_the_flow(client, params, page):
    url = f"/en/ai-law/draft-2025/check/{page}/?{urlencode(params)}"
    response = client.get(url)
    too_long = len(url) > django_settings.MAX_URL_LENGTH  # the site's 414 page (lawsite/limits.py)
    assert response.status_code == 414 if too_long else response.status_code in (200, 302, 400)


def test_too_many_parameters_get_a_400_page_in_the_visitors_language(client, lang):
    query = "&".join(["p"] * 1001)  # more fields than Django reads, in an address of ordinary length
    response = client.get(f"/{lang}/ai-law/draft-2025/check/result/?{query}")
    assert response.status_code == 400
    assert soup(response).html["lang"] == lang


def test_links_made_for_the_drafts_flow_at_the_main_address_still_work(client, lang):
    """/check/ is now the flow of the law in force; results linked there before keep their answers."""
    query = "uses_ai=yes&provides_ai=no&data_library=no"
    response = client.get(f"/{lang}/check/result/?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/ai-law/draft-2025/check/result/?{query}"
    assert client.get(f"/{lang}/check/uses_ai/")["Location"] == f"/{lang}/ai-law/draft-2025/check/uses_ai/"
    assert client.get(f"/{lang}/check/").status_code == 200  # the law's own flow
    # The law's flow under its edition's address is the main one.
    assert client.get(f"/{lang}/ai-law/law-230-viii/check/")["Location"] == f"/{lang}/check/"


def test_an_edition_without_a_flow_has_no_flow_pages(client, rf):
    from django.http import Http404

    from checker.views import find_place

    from .conftest import make_test_edition

    make_test_edition()  # an edition of the act that declares no question flow
    assert client.get("/en/ai-law/test-law/check/").status_code == 404
    with pytest.raises(Http404, match="This edition has no question flow"):
        find_place(rf.get("/en/ai-law/test-law/check/"), "test-law", "start")
    assert client.get("/en/ai-law/no-such-edition/check/").status_code == 404


def test_rules_the_sources_do_not_call_rights_or_duties_are_shown_as_rules(client, lang):
    """The draft's data library owners control use and set access: our sources do not say whether
    these are rights or duties, so neither the article nor the result calls them one (#22 A02)."""
    from law.models import RightOrDuty

    rules = set(RightOrDuty.objects.filter(edition__slug="draft-2025", kind="rule").values_list("key", flat=True))
    assert rules == {
        "data-library-owner-control-use",
        "data-library-owner-set-access",
        "data-library-owner-lawful-purposes",
    }
    article = client.get(f"/{lang}/ai-law/draft-2025/article-17/")
    assert article.content.decode().count('class="duty duty--rule"') == 2
    result = client.get(f"/{lang}/ai-law/draft-2025/check/result/?uses_ai=no&provides_ai=no&data_library=yes")
    page = result.content.decode()
    assert result.status_code == 200
    section = page[page.index('id="role-data_library_owner"') :]
    section = section[: section.index("</section>")]
    assert section.count("<li") == 4  # quality (a duty) and the three rules
    rules_heading = {"en": "Other rules that concern you"}.get(lang)
    if rules_heading:
        assert rules_heading in section
