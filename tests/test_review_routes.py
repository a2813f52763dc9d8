"""Every admin route that could change a published article or page, listed and tried: none changes
what the public sees without review (review.actions). A new route fails the list until it is added
here with what keeps it in review."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from reversion.models import Version

from law.models import Article, Page, Status
from review import actions
from review.models import Draft

from .admin_forms import form_fields, signed_in

pytestmark = pytest.mark.django_db

# Each route of a reviewed record's admin, and why it cannot publish a change on its own.
ROUTES = {
    "change": "a save of a published record becomes its next version",
    "revision": "a restore of a published record becomes its next version",
    "review": "its steps are review.actions (second editor for publishing)",
    "changelist": "its list actions are review.actions; 'delete selected' is refused for published records",
    "delete": "refused for a published record (take it off the site first)",
    "add": "a new record starts as a draft",
    "recover": "a deleted record comes back as a draft",
    "history": "read only",
    "history_compare": "read only",
    "recoverlist": "read only",
    "past_next_version": "reopening makes it the next version again (review.actions.reopen), still reviewed",
}
ARTICLE_ONLY = {"translation_status": "read only", "termbase": "read only"}


def route_names(model):
    prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
    names = [url.name for url in admin.site._registry[model].get_urls() if getattr(url, "name", None)]
    return {name.removeprefix(prefix) for name in names}


def test_every_route_is_listed_with_what_keeps_it_in_review():
    assert route_names(Article) == set(ROUTES) | set(ARTICLE_ONLY)
    assert route_names(Page) == set(ROUTES)


@pytest.fixture
def colleague():
    return get_user_model().objects.create_user("dana-routes", is_staff=True, is_superuser=True)


def live_state(obj):
    fresh = type(obj).objects.get(pk=obj.pk)
    return fresh.version, fresh.status


def test_no_route_changes_a_published_article_without_review(editor, colleague):
    target = Article.objects.get(edition__slug="draft-2025", number="16")
    base = f"/admin/law/article/{target.pk}"
    before = live_state(target)
    client = signed_in(editor)
    data = form_fields(client.get(f"{base}/change/"), "article_form")
    data["summary_en"] = "Through the form."
    assert client.post(f"{base}/change/", data).status_code == 302
    oldest = Version.objects.get_for_object(target).order_by("revision__date_created").first()
    restore = f"{base}/history/{oldest.pk}/"
    assert client.post(restore, form_fields(client.get(restore), "article_form")).status_code == 302
    assert client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    deletion = {"action": "delete_selected", "_selected_action": [target.pk], "post": "yes"}
    client.post("/admin/law/article/?edition=all", deletion)
    for read_only in (f"{base}/history/", "/admin/law/article/recover/", f"{base}/review/"):
        client.post(read_only, {})
    client.post(f"{base}/review/", {"step": "publish"})  # its author: refused
    assert live_state(target) == before and actions.next_version(target) is not None
    actions.publish(target, colleague)
    assert live_state(target) != before


def test_a_deleted_page_brought_back_from_history_is_a_draft(editor, colleague):
    page = Page.objects.published().first()
    published_copy = Version.objects.get_for_object(page).first()
    actions.take_off_site(page, colleague)
    actions.take_off_site(page, editor)
    client = signed_in(editor)
    assert client.post(f"/admin/law/page/{page.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    url = f"/admin/law/page/recover/{published_copy.pk}/"
    assert client.post(url, form_fields(client.get(url), "page_form")).status_code == 302
    assert Page.objects.get(pk=page.pk).status == Status.DRAFT
    assert Draft.of(page) is not None
