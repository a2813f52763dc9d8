"""The admin gives no 500 on bad input (issue #35 item 7): NUL bytes (which PostgreSQL refuses) in a
search, a list filter, a date, a comment or any form; list actions on ids that are not ids; a crafted
"save as new". Every registered admin is walked, as a superuser and as an editor."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from feedback.models import PageFeedback
from law.models import Article
from review.models import Draft

from .admin_forms import PASSWORD, form_fields, signed_in
from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
NUL = "\x00"
# What a list filter, a date or a search is sent: NUL bytes, words and numbers no column holds.
BAD_VALUES = (NUL, f"kk{NUL}", "not-a-value", "99999999999999999999")
# Ids of the selected rows, as a crafted list action sends them.
BAD_IDS = (["abc"], ["99999999999999999999"], [f"1{NUL}"], ["1.5", "-"])


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.kz", PASSWORD)


@pytest.fixture
def some_of_everything(superuser):
    """A row in the lists that start empty: an answer, work in progress, a failed sign-in."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    PageFeedback.objects.create(page="/kk/", useful=True, comment="Жақсы", language="kk")
    article = Article.objects.filter(status="published").first()
    Draft.for_update(article)
    who = {"username": "someone", "ip_address": "127.0.0.1", "user_agent": "test", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(**who, failures_since_start=1)
    AccessLog.objects.create(**who)
    AccessFailureLog.objects.create(**who)


def surface(model, user):
    """What a list of `model` takes from a visitor: its filters' and dates' parameters, its actions,
    and the first row it shows (None: it shows none)."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    parameters = [name for spec in changelist.filter_specs for name in spec.expected_parameters()]
    if model_admin.date_hierarchy:
        parameters += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return parameters, list(model_admin.get_actions(request)), changelist.get_queryset(request).first()


def unique_fields(model) -> set[str]:
    names = {field.name for field in model._meta.fields if field.unique and not field.primary_key}
    for constraint in model._meta.total_unique_constraints:
        names.update(constraint.fields)
    return names


def send(client, method, url, data=None):
    """A problem (an exception or a 5xx) as a line of text, or None. Each request in a savepoint, so
    that an error PostgreSQL raised leaves the next request a working transaction."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, data or {})
    except Exception as error:  # noqa: BLE001  (the test reports every request that fails)
        return f"{method.upper()} {url} {data!r}: {type(error).__name__}: {error}"
    if response.status_code >= 500:
        return f"{method.upper()} {url} {data!r}: {response.status_code}"
    return None


@pytest.fixture(params=["superuser", "editor"])
def user(request, some_of_everything):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_no_admin_list_or_form_fails_on_bad_input(model, user, superuser):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    parameters, actions, first = surface(model, superuser)
    client = signed_in(user)
    problems = []
    for value in BAD_VALUES:
        problems.append(send(client, "get", changelist, {"q": value}))
        problems += [send(client, "get", changelist, {name: value}) for name in parameters]
    for action in actions:
        for ids in BAD_IDS:
            data = {"action": action, ACTION_CHECKBOX_NAME: ids, "index": "0"}
            problems.append(send(client, "post", changelist, data))
        if first is not None:  # a real row among the bad ones
            data = {"action": action, ACTION_CHECKBOX_NAME: [first.pk, "abc"], "index": "0"}
            problems.append(send(client, "post", changelist, data))
    if first is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        problems.append(send(client, "post", change, {"_saveasnew": "1"}))
        form = client.get(change)
        if form.status_code == 200 and soup(form).find("form", id=f"{opts.model_name}_form"):
            data = form_fields(form, f"{opts.model_name}_form")
            problems.append(send(client, "post", change, {**data, "_saveasnew": "Save as new"}))
            # Past the record's own unique fields, so that its inline rows are saved as new too.
            copy = {name: f"{value}-97" if name in unique_fields(model) else value for name, value in data.items()}
            problems.append(send(client, "post", change, {**copy, "_saveasnew": "Save as new"}))
            text_field = next((name for name, value in data.items() if value and not value.isdigit()), None)
            if text_field:
                problems.append(send(client, "post", change, {**data, text_field: f"a{NUL}b"}))
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- what the editor is told


def draft_article_with_rights():
    target = Article.objects.filter(status="published").exclude(rights_and_duties=None).first()
    Article.objects.filter(pk=target.pk).update(status="draft")
    return Article.objects.get(pk=target.pk)


def article_form(client, target):
    return form_fields(client.get(f"/admin/law/article/{target.pk}/change/"), "article_form")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_nul_gets_a_400_page_that_says_why_in_the_editors_language(editor, lang):
    client = signed_in(editor)
    client.cookies["django_language"] = lang
    response = client.get("/admin/law/article/", {"q": f"AI{NUL}"})
    assert response.status_code == 400
    with translation.override(lang):
        expected = translation.gettext("The request has a character the site cannot use")
    assert expected in visible_text(soup(response).find(id="content"))
    assert soup(response).find("html")["lang"] == lang


def test_a_reviewers_comment_with_a_nul_is_refused_and_nothing_is_saved(editor, superuser):
    target = Article.objects.filter(status="published").first()
    client = signed_in(editor)
    data = article_form(client, target)
    assert client.post(f"/admin/law/article/{target.pk}/change/", {**data, "summary_en": "Next."}).status_code == 302
    review = f"/admin/law/article/{target.pk}/review/"
    response = signed_in(superuser).post(review, {"step": "return", "comment": f"Fix{NUL} this."})
    assert response.status_code == 400
    assert Draft.of(target).state == Draft.State.EDITING and Draft.of(target).comment == ""


def test_a_list_action_on_ids_that_are_not_ids_does_nothing_and_says_so(editor, in_english):
    target = Article.objects.filter(status="published").first()
    client = signed_in(editor)
    data = {"action": "take_off_the_site", ACTION_CHECKBOX_NAME: [target.pk, "abc"], "index": "0"}
    response = client.post("/admin/law/article/?status__exact=published", data)
    assert response.status_code == 302 and response["Location"] == "/admin/law/article/?status__exact=published"
    target.refresh_from_db()
    assert target.status == "published"
    page = soup(client.get(response["Location"]))
    with translation.override(page.html["lang"]):  # the editor's own language
        expected = translation.gettext(
            "Some of the selected rows are not rows of this list, so nothing was done. Select them again."
        )
    assert expected in visible_text(page.find(class_="messagelist"))


def test_a_date_too_long_for_a_date_gets_the_list_unfiltered(superuser):
    client = signed_in(superuser)
    response = client.get("/admin/changelog/loggedchange/", {"date_created__year": "9" * 20})
    assert response.status_code == 302 and response["Location"] == "/admin/changelog/loggedchange/?e=1"
    assert client.get("/admin/changelog/loggedchange/", {"date_created__year": "2025"}).status_code == 200


def test_save_as_new_of_an_article_with_rights_and_duties_creates_nothing(editor):
    """A crafted "save as new" would copy the inline rows too: it is refused before anything is read."""
    target = draft_article_with_rights()
    client = signed_in(editor)
    data = {**article_form(client, target), "number": f"{target.number}-97", "_saveasnew": "Save as new"}
    articles, rights = Article.objects.count(), target.edition.rights_and_duties.count()
    response = client.post(f"/admin/law/article/{target.pk}/change/", data, follow=True)
    assert response.status_code == 200
    assert soup(response).select(".messagelist .error")
    assert Article.objects.count() == articles and target.edition.rights_and_duties.count() == rights


def with_new_rights(data, *keys):
    """The article's form with a new right or duty for each key."""
    index = int(data["rights_and_duties-TOTAL_FORMS"])
    data["rights_and_duties-TOTAL_FORMS"] = str(index + len(keys))
    for offset, key in enumerate(keys):
        new = {"key": key, "role": "user", "kind": "duty", "position": "99", "text_en": "A duty."}
        data.update({f"rights_and_duties-{index + offset}-{name}": value for name, value in new.items()})
    return data


@pytest.mark.parametrize("taken", [True, False], ids=["taken-in-the-edition", "twice-in-the-form"])
def test_a_right_or_duty_key_used_twice_is_a_form_error(editor, taken):
    target = draft_article_with_rights()
    client = signed_in(editor)
    key = target.edition.rights_and_duties.exclude(article=target).first().key if taken else "a-brand-new-key"
    data = with_new_rights(article_form(client, target), *([key] if taken else [key, key]))
    rights = target.edition.rights_and_duties.count()
    response = client.post(f"/admin/law/article/{target.pk}/change/", data)
    assert response.status_code == 200
    assert soup(response).select(".errorlist")
    assert target.edition.rights_and_duties.count() == rights


def test_save_as_new_of_a_published_article_under_review_gives_no_error_page(editor):
    target = Article.objects.filter(status="published").exclude(rights_and_duties=None).first()
    client = signed_in(editor)
    url = f"/admin/law/article/{target.pk}/change/"
    assert client.post(url, {**article_form(client, target), "summary_en": "Next."}).status_code == 302
    data = {**article_form(client, target), "number": f"{target.number}-97", "_saveasnew": "Save as new"}
    assert client.post(url, data).status_code < 500
    target.refresh_from_db()
    assert target.status == "published" and "Next." not in target.summary_en


def test_cleaning_up_expired_sign_in_attempts_works(superuser, some_of_everything):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get()
    data = {"action": "cleanup_expired_attempts", ACTION_CHECKBOX_NAME: [attempt.pk], "index": "0"}
    assert signed_in(superuser).post("/admin/axes/accessattempt/", data).status_code == 302
