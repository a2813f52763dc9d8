"""Every route to the live site goes through review (issue #35): the law's structure (editions,
chapters, glossary terms, the flow's words, the concordance's notes) as well as articles and pages;
history's restore and recover views only with this record's own versions; no "save as new"; taking
off the site needs a second editor; the official text is the importer's alone; a next version that
lacks a field keeps its live value."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils import translation
from reversion.models import Version

from editors.admin.review import ReviewedAdmin
from law.models import Article, Chapter, Edition, GlossaryTerm, Page, Paragraph, Status
from law.roles import EDITORS
from review import actions
from review.models import Draft

from .admin_forms import form_fields, signed_in
from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

# Admins that editors may change but that are not reviewed themselves, and why.
NOT_REVIEWED = {
    "law.rightorduty": "a part of an article: changed here only while its article is not published",
    "law.paragraph": "a part of an article: edited among the article's rows, in its next version",
    "changelog.loggedchange": "hides a trivial entry of the public change log; it changes no text of the law",
    "official.officialtextversion": "hides a mistaken import from the public list of changes; no text changes",
}
STRUCTURE = [
    ("law.chapter", "title_en"),
    ("law.glossaryterm", "definition_en"),
    ("law.edition", "description_en"),
    ("checker.flowtext", "text_en"),
    ("concordance.correspondence", "note_en"),
]


def admin_url(obj, view="change"):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/{view}/"


def test_every_admin_editors_may_change_is_reviewed_or_says_why_not():
    editors = Group.objects.get(name=EDITORS)
    changeable = {
        f"{p.content_type.app_label}.{p.content_type.model}"
        for p in editors.permissions.filter(codename__startswith="change_")
    }
    for label in sorted(changeable):
        model = apps.get_model(label)
        model_admin = admin.site._registry.get(model)
        if label in NOT_REVIEWED:
            continue
        assert isinstance(model_admin, ReviewedAdmin), f"{label}: editors change it outside review"


@pytest.mark.parametrize(("label", "field"), STRUCTURE)
def test_a_change_to_the_laws_structure_waits_for_a_second_editor(editor, colleague, label, field):
    model = apps.get_model(label)
    record = model.objects.order_by("pk").first()
    before = getattr(record, field)
    links = {f.name: sorted(getattr(record, f.name).values_list("pk", flat=True)) for f in model._meta.many_to_many}
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(record)), f"{model._meta.model_name}_form")
    data[field] = "Changed by one editor."
    response = client.post(admin_url(record), data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))
    record.refresh_from_db()
    assert getattr(record, field) == before
    assert actions.next_version(record) is not None
    client.post(admin_url(record, "review"), {"step": "publish"})  # its author: refused
    record.refresh_from_db()
    assert getattr(record, field) == before
    signed_in(colleague).post(admin_url(record, "review"), {"step": "publish"})
    record.refresh_from_db()
    assert getattr(record, field) == "Changed by one editor."
    for name, pks in links.items():  # a change of the note leaves the links as they were
        assert sorted(getattr(record, name).values_list("pk", flat=True)) == pks, name


def test_one_editor_cannot_make_a_draft_edition_the_law_in_force(editor):
    edition = Edition.objects.get(slug="draft-2025")
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(edition)), "edition_form")
    data["legal_status"] = Edition.LegalStatus.IN_FORCE
    assert client.post(admin_url(edition), data).status_code == 302
    edition.refresh_from_db()
    assert edition.legal_status != Edition.LegalStatus.IN_FORCE


@pytest.mark.parametrize("model", [Chapter, GlossaryTerm, Edition])
def test_editors_neither_add_nor_delete_the_laws_structure(editor, model):
    record = model.objects.order_by("pk").first()
    client = signed_in(editor)
    opts = model._meta
    assert client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/").status_code == 403
    assert client.post(admin_url(record, "delete"), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", [Article, Chapter, Page])
def test_a_crafted_save_as_new_is_refused(editor, model):
    record = model.objects.order_by("pk").first()
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(record)), f"{model._meta.model_name}_form")
    data["_saveasnew"] = "Save as new"
    count = model.objects.count()
    response = client.post(admin_url(record), data, follow=True)
    assert response.status_code == 200
    assert soup(response).select(".messagelist .error")
    assert model.objects.count() == count


def test_history_views_take_only_this_records_own_versions(editor):
    page = Page.objects.order_by("pk").first()
    target = Article.objects.get(pk=page.pk) if Article.objects.filter(pk=page.pk).exists() else None
    assert target is not None, "the shipped content has an article with a page's number"
    page_version = Version.objects.get_for_object(page).first()
    client = signed_in(editor)
    assert client.get(f"/admin/law/article/{target.pk}/history/{page_version.pk}/").status_code == 404
    other = Article.objects.exclude(pk=target.pk).first()
    other_version = Version.objects.get_for_object(other).first()
    assert client.get(f"/admin/law/article/{target.pk}/history/{other_version.pk}/").status_code == 404
    assert client.get(f"/admin/law/article/recover/{page_version.pk}/").status_code == 404


def test_recover_never_overwrites_a_record_that_exists(editor):
    target = Article.objects.published().first()
    version = Version.objects.get_for_object(target).first()
    before = (target.version, target.status)
    client = signed_in(editor)
    url = f"/admin/law/article/recover/{version.pk}/"
    response = client.post(url, {"post": "yes"}, follow=True)
    assert soup(response).select(".messagelist .error")
    target.refresh_from_db()
    assert (target.version, target.status) == before


def test_a_restore_never_replaces_another_editors_next_version(editor, colleague):
    target = Article.objects.published().first()
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(target)), "article_form")
    data["summary_en"] = "Work in progress."
    assert client.post(admin_url(target), data).status_code == 302
    waiting = actions.next_version(target)
    oldest = Version.objects.get_for_object(target).order_by("pk").first()
    restore = f"/admin/law/article/{target.pk}/history/{oldest.pk}/"
    response = signed_in(colleague).get(restore, follow=True)
    message = visible_text(soup(response).select_one(".messagelist .error"))
    assert editor.username in message
    signed_in(colleague).post(restore, {"post": "yes"})
    assert actions.next_version(target) == waiting
    assert Draft.of(target).changed_by == editor


def test_taking_a_page_off_the_site_needs_a_second_editor(editor, colleague):
    page = Page.objects.published().first()
    signed_in(editor).post(admin_url(page, "review"), {"step": "take_off"})
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    review = soup(signed_in(colleague).get(admin_url(page, "review")))
    assert editor.username in visible_text(review.select_one(".errornote"))
    signed_in(colleague).post(admin_url(page, "review"), {"step": "take_off"})
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def test_the_official_text_is_the_importers_alone(editor, colleague):
    target = Article.objects.published().filter(paragraphs__isnull=False).first()
    Article.objects.filter(pk=target.pk).update(official_title_ru="Официальный заголовок.")
    client = signed_in(editor)
    form = soup(client.get(admin_url(target)))
    assert not form.select("[name^=official_title_], [name^=official_notes_]")
    assert not form.select("[name$=-official_text_ru]")
    data = form_fields(client.get(admin_url(target)), "article_form")
    data["official_title_ru"] = "Typed over the official title."
    data["summary_en"] = "A change to review."
    assert client.post(admin_url(target), data).status_code == 302
    assert not any(name.startswith("official_title") for name in actions.next_version(target)["record"]["fields"])
    actions.publish(target, colleague)
    target.refresh_from_db()
    assert target.official_title_ru == "Официальный заголовок."


def test_a_restore_keeps_the_present_official_text(editor):
    target = Article.objects.published().filter(paragraphs__isnull=False).first()
    Article.objects.filter(pk=target.pk).update(status=Status.DRAFT)  # restored in place, not as a next version
    oldest = Version.objects.get_for_object(target).order_by("pk").first()
    paragraph = target.paragraphs.order_by("pk").first()
    Paragraph.objects.filter(pk=paragraph.pk).update(official_text_ru="Текст после импорта.")
    Article.objects.filter(pk=target.pk).update(official_title_ru="Заголовок после импорта.")
    client = signed_in(editor)
    restore = f"/admin/law/article/{target.pk}/history/{oldest.pk}/"
    assert client.post(restore, form_fields(client.get(restore), "article_form")).status_code == 302
    paragraph.refresh_from_db()
    target.refresh_from_db()
    assert paragraph.official_text_ru == "Текст после импорта."
    assert target.official_title_ru == "Заголовок после импорта."


def test_a_field_a_next_version_lacks_keeps_its_live_value_and_is_shown(editor, colleague):
    target = Article.objects.published().filter(plain_title_en__gt="").first()
    title = target.plain_title_en
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(target)), "article_form")
    data["summary_en"] = "A change to review."
    assert client.post(admin_url(target), data).status_code == 302
    draft = Draft.of(target)
    del draft.data["record"]["fields"]["plain_title_en"]  # saved before the model had the field
    draft.save()
    page = soup(signed_in(colleague).get(admin_url(target, "review")))
    with translation.override(page.html["lang"]):  # the editor's own language
        heading = translation.gettext("Not in this next version: the published value stays")
    review = visible_text(page)
    assert heading in review and title in review
    actions.publish(target, colleague)
    target.refresh_from_db()
    assert target.plain_title_en == title and target.summary_en == "A change to review."


def test_a_published_articles_right_or_duty_is_neither_restored_nor_recovered_on_its_own_page(editor):
    target = Article.objects.published().filter(rights_and_duties__isnull=False).first()
    item = target.rights_and_duties.order_by("pk").first()
    version = Version.objects.get_for_object(item).first()
    client = signed_in(editor)
    response = client.post(f"/admin/law/rightorduty/{item.pk}/history/{version.pk}/", {"post": "yes"})
    assert response.status_code == 302 and response["Location"].startswith(admin_url(target))
    item.delete()  # gone from the published article (an import): bringing it back is the article's next version
    response = client.post(f"/admin/law/rightorduty/recover/{version.pk}/", {"post": "yes"})
    assert response.status_code == 302 and response["Location"].startswith(admin_url(target))
    assert not target.rights_and_duties.filter(pk=item.pk).exists()


def test_no_history_page_takes_a_version_of_another_kind_of_record(admin_client):
    """Not even an administrator's: a version is restored only on its own record's pages."""
    page_version = Version.objects.get_for_model(Page).order_by("pk").first()
    for model, model_admin in admin.site._registry.items():
        if not hasattr(model_admin, "revision_view") or model is Page:
            continue
        opts = model._meta
        url = f"/admin/{opts.app_label}/{opts.model_name}/{page_version.object_id}/history/{page_version.pk}/"
        assert admin_client.get(url).status_code == 404, url
        recover = f"/admin/{opts.app_label}/{opts.model_name}/recover/{page_version.pk}/"
        assert admin_client.get(recover).status_code in (403, 404), recover  # 403: nobody adds these


def test_a_concordance_rows_links_change_through_review(editor, colleague):
    from concordance.models import Correspondence

    row = Correspondence.objects.filter(later_articles__isnull=False).order_by("pk").first()
    before = sorted(row.later_articles.values_list("pk", flat=True))
    other = Article.objects.filter(edition=row.later_edition).exclude(pk__in=before).order_by("position").first()
    client = signed_in(editor)
    data = form_fields(client.get(admin_url(row)), "correspondence_form")
    data["later_articles"] = [*before, other.pk]
    assert client.post(admin_url(row), data).status_code == 302
    assert sorted(row.later_articles.values_list("pk", flat=True)) == before  # visitors see the live links
    shown = soup(client.get(admin_url(row)))  # the form shows the next version's links
    assert shown.select_one(f"select[name=later_articles] option[value='{other.pk}'][selected]")
    review = visible_text(soup(signed_in(colleague).get(admin_url(row, "review"))))
    assert str(other.number) in review
    signed_in(colleague).post(admin_url(row, "review"), {"step": "publish"})
    assert sorted(row.later_articles.values_list("pk", flat=True)) == sorted([*before, other.pk])
