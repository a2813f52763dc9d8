"""'Is this page useful?': the yes/no block under articles and results, its form, what is stored (and
what never is), and the editors' view of the answers in the admin.

The limit per address is in test_feedback_limit.py. Near 400 lines on purpose: one feature, whose
form, storage and admin view share the helpers at the top; split it along those seams when it grows."""

import csv
import io
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.template import loader
from django.test import Client
from django.utils import timezone

from feedback.models import PageFeedback

from .admin_forms import form_fields, signed_in
from .conftest import soup, visible_text
from .test_checker_law_pages import TEACHER  # a teacher who uses a chatbot, in the law's flow

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]

KINDS = ["article", "result"]
UNKNOWN_PAGE = "We can take answers only about an article or a result"
INCLUDE = "feedback/_ask.html"


def article_url(lang):
    return f"/{lang}/ai-law/law-230-viii/article-16/"


def result_url(lang):
    return f"/{lang}/check/result/?{urlencode(TEACHER)}"


def page_url(kind, lang):
    return article_url(lang) if kind == "article" else result_url(lang)


def form_url(page, useful="yes", lang=None):
    lang = lang or page.split("/")[1]
    return f"/{lang}/feedback/?{urlencode({'page': page, 'useful': useful})}"


@pytest.fixture
def ask_block(settings, tmp_path):
    """The yes/no block on the article and result pages: the pages' own templates once they include
    it; until then, test-local templates that extend them with the include at the end."""
    for name in ("law/article.html", "checker/result.html"):
        if INCLUDE in Path(loader.get_template(name).origin.name).read_text(encoding="utf-8"):
            continue
        local = tmp_path / name
        local.parent.mkdir(parents=True, exist_ok=True)
        extended = f'{{% extends "{name}" %}}{{% block content %}}{{{{ block.super }}}}'
        local.write_text(f'{extended}{{% include "{INCLUDE}" %}}{{% endblock %}}', encoding="utf-8")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}, *settings.TEMPLATES[1:]]


def send(client, page, useful="no", comment="", **extra):
    """The form as a visitor sends it: opened from the block, an answer chosen, a comment typed."""
    opened = client.get(form_url(page, useful), **extra)
    assert opened.status_code == 200
    data = form_fields(opened, "feedback-form")
    data["comment"] = comment
    return client.post(soup(opened).find("form", id="feedback-form")["action"], data, **extra)


# --------------------------------------------------------------------------- the block on the pages


@pytest.mark.parametrize("kind", KINDS)
def test_articles_and_results_ask_with_a_plain_get_form_and_set_no_cookie(ask_block, client, lang, kind):
    url = page_url(kind, lang)
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    page = soup(response)
    forms = page.find_all("form", class_="feedback-ask")
    assert len(forms) == 1
    block = forms[0]
    assert block["method"] == "get" and block["action"] == f"/{lang}/feedback/"
    assert block.find("input", attrs={"name": "page"})["value"] == url
    assert [(b["name"], b["value"]) for b in block.find_all("button")] == [("useful", "yes"), ("useful", "no")]
    assert block.find("legend")["id"] == block["aria-labelledby"]
    assert not page.find("input", attrs={"name": "csrfmiddlewaretoken"})


@pytest.mark.parametrize("kind", KINDS)
def test_the_pages_with_the_block_stay_in_the_page_cache(ask_block, page_cache, django_assert_num_queries, kind):
    url = page_url(kind, "en")
    first = Client().get(url)
    assert first.status_code == 200 and not first.cookies
    assert "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = Client().get(url)
    assert second.content == first.content
    assert soup(second).find("form", class_="feedback-ask") is not None


# --------------------------------------------------------------------------- the form


@pytest.mark.parametrize("kind", KINDS)
def test_the_block_opens_the_form_with_the_answer_chosen_and_only_a_csrf_cookie(client, lang, kind):
    url = page_url(kind, lang)
    response = client.get(form_url(url, "no"))
    assert response.status_code == 200
    page = soup(response)
    assert page.find("html")["lang"] == lang
    form = page.find("form", id="feedback-form")
    assert form["method"] == "post" and form["action"] == f"/{lang}/feedback/"
    assert form.find("input", attrs={"name": "page"})["value"] == url
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert form.find("input", id="feedback-useful-no").has_attr("checked")
    assert not form.find("input", id="feedback-useful-yes").has_attr("checked")
    assert form.find("textarea", attrs={"name": "comment"})["maxlength"] == "500"
    for control in form.find_all(["input", "textarea"]):
        if control.get("type") != "hidden":
            assert form.find("label", attrs={"for": control["id"]}), control
    assert set(response.cookies) == {"csrftoken"}  # no session, nothing else
    assert "no-store" in response["Cache-Control"]


def test_the_form_says_what_is_stored_and_what_not_to_write(client):
    page = soup(client.get(form_url(article_url("en"))))
    assert "Do not write personal details such as your name, e-mail or phone number." in visible_text(
        page.find(id="feedback-comment-hint")
    )
    assert visible_text(page.find(class_="privacy-note")) == (
        "We store your answer, the comment and the page's address. Nothing else: not your name, not your address."
    )
    assert "Article 16" in visible_text(page.find("legend"))


def test_the_form_is_never_kept_by_the_page_cache(page_cache):
    url = form_url(article_url("en"))
    first, second = Client().get(url), Client().get(url)
    token = "csrfmiddlewaretoken"
    assert first.cookies and second.cookies
    assert (
        soup(first).find("input", attrs={"name": token})["value"]
        != soup(second).find("input", attrs={"name": token})["value"]
    )


@pytest.mark.parametrize("kind", KINDS)
def test_sending_saves_the_answer_and_thanks_with_a_link_back(client, lang, kind):
    url = page_url(kind, lang)
    response = send(client, url, "no", "Қысқа мысал керек. Нужен пример.")
    assert response.status_code == 303
    assert response["Location"] == f"/{lang}/feedback/thanks/?{urlencode({'page': url})}"
    saved = PageFeedback.objects.get()
    assert (saved.page, saved.useful, saved.comment, saved.language) == (
        url,
        False,
        "Қысқа мысал керек. Нужен пример.",
        lang,
    )
    if kind == "article":
        assert (saved.edition_slug, saved.article_number) == ("law-230-viii", "16")
    else:
        assert (saved.edition_slug, saved.article_number) == (None, None)
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and not thanks.cookies
    assert soup(thanks).find("main").find("a", href=url) is not None


def test_the_answer_can_be_changed_on_the_form(client):
    send(client, article_url("en"), useful="no")  # opened with "no"...
    client.post("/en/feedback/", {"page": article_url("en"), "useful": "yes", "comment": ""})  # ...sent as "yes"
    assert [a.useful for a in PageFeedback.objects.order_by("pk")] == [False, True]


def test_an_article_is_kept_by_its_path_and_a_result_with_its_answers(client):
    client.post("/en/feedback/", {"page": article_url("en") + "?utm_source=x#p-2", "useful": "yes"})
    client.post("/en/feedback/", {"page": result_url("en") + "#roles-heading", "useful": "yes"})
    assert [a.page for a in PageFeedback.objects.order_by("pk")] == [article_url("en"), result_url("en")]


def test_a_comment_of_500_characters_with_line_breaks_as_browsers_send_them_is_taken(client):
    comment = ("a" * 98 + "\r\n") * 5  # 99 characters a line as the visitor counts them
    assert send(client, article_url("en"), comment=comment).status_code == 303
    assert PageFeedback.objects.get().comment == comment.replace("\r\n", "\n").strip()


def test_nothing_about_the_visitor_is_stored():
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "edition_slug", "article_number", "useful", "comment", "language", "created_at"}


# --------------------------------------------------------------------------- refused


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/en/feedback/", {"page": article_url("en"), "useful": "yes"})
    assert refused.status_code == 403
    assert not PageFeedback.objects.exists()
    # With the token and the cookie from the form itself, the same answer is taken.
    assert send(client, article_url("en"), "yes").status_code == 303
    assert PageFeedback.objects.count() == 1


@pytest.mark.parametrize(
    "page",
    [
        "/en/ai-law/law-230-viii/article-999/",  # no such article
        "/en/ai-law/no-such-edition/article-1/",
        "/en/ai-law/no-such-edition/check/result/?uses_system=yes",
        "/en/glossary/",  # a page of the site, but not an article or a result
        "/en/check/result/print/?uses_system=yes",
        "/en/feedback/",
        "/de/ai-law/law-230-viii/article-16/",
        "/ai-law/law-230-viii/article-16/",
        "https://evil.example/en/ai-law/law-230-viii/article-16/",  # another site
        "//evil.example/en/ai-law/law-230-viii/article-16/",
        "/\\evil.example/en/ai-law/law-230-viii/article-16/",
        "/en/check/result/?" + "a" * 1000,  # too long to keep
        "",
    ],
)
def test_an_unknown_page_is_refused_with_a_message(client, page):
    for response in (
        client.get(form_url(page, lang="en")),
        client.post("/en/feedback/", {"page": page, "useful": "yes", "comment": "Hello"}),
    ):
        assert response.status_code == 400
        assert UNKNOWN_PAGE in visible_text(soup(response).find(class_="error-summary"))
    assert not PageFeedback.objects.exists()


def test_a_comment_over_500_characters_is_refused_and_kept_in_the_form(client):
    response = send(client, article_url("en"), comment="x" * 501)
    assert response.status_code == 400
    page = soup(response)
    message = "The comment is too long: write at most 500 characters."
    assert visible_text(page.find(class_="error-summary").find("a", href="#feedback-comment")) == message
    assert message in visible_text(page.find(id="feedback-comment-error"))
    textarea = page.find("textarea", id="feedback-comment")
    assert "feedback-comment-error" in textarea["aria-describedby"]
    assert textarea.get_text() == "x" * 501  # nothing the visitor wrote is lost
    assert page.find("input", id="feedback-useful-no").has_attr("checked")
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("useful", [None, "", "maybe"])
def test_a_missing_answer_is_refused_with_a_message(client, useful):
    data = {"page": article_url("en"), "comment": "Hello"}
    if useful is not None:
        data["useful"] = useful
    response = client.post("/en/feedback/", data)
    assert response.status_code == 400
    page = soup(response)
    assert visible_text(page.find(class_="error-summary").find("a", href="#feedback-useful-yes")) == "Choose Yes or No."
    assert page.find(id="feedback-useful-yes") is not None
    assert page.find("fieldset")["aria-describedby"] == "feedback-useful-error"
    assert page.find("textarea", id="feedback-comment").get_text() == "Hello"
    assert not PageFeedback.objects.exists()


def test_errors_are_given_in_the_visitors_language(client):
    response = client.post("/ru/feedback/", {"page": article_url("ru"), "comment": ""})
    assert response.status_code == 400
    page = soup(response)
    assert page.find("html")["lang"] == "ru"
    assert "Ошибка:" in page.find("title").get_text()  # "Error:", already in the catalogue


def test_the_feedback_page_takes_posts_and_says_so(client):
    assert client.options("/en/feedback/")["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert client.put("/en/feedback/").status_code == 405
    assert client.post("/en/feedback/thanks/").status_code == 405  # only the form takes a POST


# --------------------------------------------------------------------------- the admin


@pytest.fixture
def answers():
    rows = [
        (article_url("en"), "law-230-viii", "16", True, "", "en"),
        (article_url("en"), "law-230-viii", "16", False, "=Нужен пример", "en"),
        (article_url("kk"), "law-230-viii", "16", False, "Мысал керек", "kk"),
        (result_url("ru"), None, None, True, "", "ru"),
    ]
    return [
        PageFeedback.objects.create(
            page=page, edition_slug=edition, article_number=number, useful=useful, comment=comment, language=lang
        )
        for page, edition, number, useful, comment, lang in rows
    ]


CHANGELIST = "/admin/feedback/pagefeedback/"


def test_editors_read_the_answers_and_filter_them(editor, answers):
    client = signed_in(editor)
    listed = client.get(CHANGELIST)
    assert listed.status_code == 200
    assert len(soup(listed).select("#result_list tbody tr")) == 4
    said_no = client.get(CHANGELIST + "?useful__exact=0")
    assert len(soup(said_no).select("#result_list tbody tr")) == 2
    in_kazakh = client.get(CHANGELIST + "?language__exact=kk")
    assert "Мысал керек" in visible_text(soup(in_kazakh).find(id="result_list"))
    found = client.get(CHANGELIST + "?q=" + "пример")
    assert len(soup(found).select("#result_list tbody tr")) == 1


def test_editors_cannot_add_change_or_delete_answers(editor, answers, admin_user):
    client = signed_in(editor)
    assert client.get(CHANGELIST + "add/").status_code == 403
    assert client.get(f"{CHANGELIST}{answers[0].pk}/delete/").status_code == 403
    detail = client.get(f"{CHANGELIST}{answers[0].pk}/change/")
    assert detail.status_code == 200 and not soup(detail).find("input", attrs={"name": "comment"})
    actions = [o["value"] for o in soup(client.get(CHANGELIST)).select("select[name=action] option") if o["value"]]
    assert actions == ["export_csv"]
    superuser = signed_in(admin_user)
    response = superuser.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [answers[0].pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 3


def test_editors_see_the_answers_per_page(editor, answers):
    client = signed_in(editor)
    link = soup(client.get(CHANGELIST)).find("a", href=lambda h: h and h.startswith(CHANGELIST + "pages/"))
    assert link is not None
    page = soup(client.get(link["href"]))
    rows = {
        # By the page's address (the cell shows it cut to 100 characters; a result's is longer).
        row.find("th").find("a")["href"]: [td.get_text(strip=True) for td in row.find_all("td")]
        for row in page.select("table.feedback-pages tbody tr")
    }
    assert rows == {
        article_url("en"): ["1", "1", "1"],  # yes, no, comments
        article_url("kk"): ["0", "1", "1"],
        result_url("ru"): ["1", "0", "0"],
    }
    only_no = soup(client.get(CHANGELIST + "pages/?useful__exact=0"))
    assert len(only_no.select("table.feedback-pages tbody tr")) == 2


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # so that Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_editors_export_the_selected_or_the_filtered_answers_as_csv(editor, answers):
    client = signed_in(editor)
    selected = read_csv(
        client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [answers[1].pk], "index": 0})
    )
    assert selected[0] == ["created_at", "page", "edition", "article", "useful", "comment", "language"]
    assert len(selected) == 2
    row = selected[1]
    assert row[1:] == [article_url("en"), "law-230-viii", "16", "no", "'=Нужен пример", "en"]  # never a formula
    assert row[0] == timezone.localtime(answers[1].created_at).isoformat(timespec="seconds")
    listed = soup(client.get(CHANGELIST + "?language__exact=ru"))
    export = listed.find("a", href=lambda h: h and h.startswith(CHANGELIST + "export/"))
    filtered = read_csv(client.get(export["href"]))
    assert [r[1] for r in filtered[1:]] == [result_url("ru")]
    assert filtered[1][2:5] == ["", "", "yes"]


def test_the_public_cannot_read_the_answers(answers):
    for url in (CHANGELIST, CHANGELIST + "pages/", CHANGELIST + "export/"):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
