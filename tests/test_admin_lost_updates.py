"""No lost updates in the admin: every page that can change a record refuses a save from a stale copy.

The article page shows its paragraphs and rights and duties as inline rows; a right or duty also has
its own page, and history can restore any record. Each of these goes through the one check in
`editorial.models.EditableContent` (the UPDATE matches only the version the editor's form was read at).
"""

import pytest
from reversion.models import Version

from law.models import Article, RightOrDuty, Status

from .admin_forms import form_fields, signed_in
from .conftest import soup

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]


def article_with_rights():
    """An article not yet published: its saves change it at once (a published one's saves wait as its
    next version, tests/test_review.py), and its rights and duties have their own pages."""
    article = (
        Article.objects.filter(paragraphs__isnull=False, rights_and_duties__isnull=False)
        .distinct()
        .order_by("edition__position", "position")
        .first()
    )
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    return Article.objects.get(pk=article.pk)


def article_url(article):
    return f"/admin/law/article/{article.pk}/change/"


def inline_row(data, item):
    """The prefix of the inline row that edits this right or duty on its article's page."""
    for name, value in data.items():
        if name.startswith("rights_and_duties-") and name.endswith("-id") and value == str(item.pk):
            return name[: -len("-id")]
    raise AssertionError(f"no inline row for {item.pk}")


@pytest.fixture
def other_editor(django_user_model):
    return django_user_model.objects.create_superuser("daniyar", "d@example.kz", "another-long-passphrase-7")


def opened_then_changed_elsewhere(editor, other_editor):
    """`editor` opens an article's page; then `other_editor` changes its first right or duty on that
    record's own page. Returns the article, that record, the first editor's client and their form."""
    article = article_with_rights()
    item = article.rights_and_duties.order_by("position").first()
    first, second = signed_in(editor), signed_in(other_editor)
    article_form = form_fields(first.get(article_url(article)), "article_form")
    own_url = f"/admin/law/rightorduty/{item.pk}/change/"
    own_form = form_fields(second.get(own_url), "rightorduty_form")
    own_form["text_en"] = "Changed on its own page."
    assert second.post(own_url, own_form).status_code == 302
    return article, item, first, article_form


def test_an_inline_row_changed_on_its_own_page_is_not_overwritten_from_the_article_page(editor, other_editor):
    article, item, first, article_form = opened_then_changed_elsewhere(editor, other_editor)

    row = inline_row(article_form, item)
    article_form[f"{row}-text_en"] = "Changed in the article's form, from a stale copy."
    refused = first.post(article_url(article), article_form)
    assert refused.status_code == 200
    assert soup(refused).find("table", class_="conflict") is not None
    assert RightOrDuty.objects.get(pk=item.pk).text_en == "Changed on its own page."


def test_an_inline_row_left_as_it_was_does_not_revert_a_change_made_elsewhere(editor, other_editor):
    """The article page sends every row back; a row the editor did not touch still holds the old text."""
    article, item, first, article_form = opened_then_changed_elsewhere(editor, other_editor)

    article_form["summary_en"] = "A new summary; the inline rows are left as they were."
    refused = first.post(article_url(article), article_form)
    assert refused.status_code == 200
    assert soup(refused).find("table", class_="conflict") is not None
    assert RightOrDuty.objects.get(pk=item.pk).text_en == "Changed on its own page."
    assert not Article.objects.get(pk=article.pk).summary_en.startswith("A new summary")


@pytest.mark.parametrize("prefix", ["", "rights_and_duties-0-"])
def test_a_save_without_the_version_field_is_refused(editor, prefix):
    article = article_with_rights()
    client = signed_in(editor)
    data = form_fields(client.get(article_url(article)), "article_form")
    assert f"{prefix}loaded_version" in data, "the form must carry the version it was read at"
    del data[f"{prefix}loaded_version"]
    data[f"{prefix}{'text_en' if prefix else 'summary_en'}"] = "Sent without a version."
    refused = client.post(article_url(article), data)
    assert refused.status_code == 200
    article.refresh_from_db()
    assert article.summary_en != "Sent without a version."
    assert not RightOrDuty.objects.filter(text_en="Sent without a version.").exists()


def test_every_inline_row_carries_its_version(editor):
    article = article_with_rights()
    data = form_fields(signed_in(editor).get(article_url(article)), "article_form")
    for prefix in ("paragraphs", "rights_and_duties"):
        ids = [n for n in data if n.startswith(f"{prefix}-") and n.endswith("-id") and data[n]]
        assert ids, prefix
        for name in ids:
            assert data[name.replace("-id", "-loaded_version")], name


def test_restoring_history_never_moves_the_version_back(editor):
    article = article_with_rights()
    client = signed_in(editor)
    data = form_fields(client.get(article_url(article)), "article_form")
    data["summary_en"] = "A later edit."
    assert client.post(article_url(article), data).status_code == 302
    after_edit = Article.objects.get(pk=article.pk).version
    oldest = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    oldest.revision.revert()
    restored = Article.objects.get(pk=article.pk)
    assert restored.summary_en != "A later edit."
    assert restored.version > after_edit


def test_a_restore_made_from_a_stale_page_is_refused(editor, other_editor):
    article = article_with_rights()
    first, second = signed_in(editor), signed_in(other_editor)
    data = form_fields(first.get(article_url(article)), "article_form")
    data["summary_en"] = "A mistaken edit."
    assert first.post(article_url(article), data).status_code == 302
    oldest = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    restore_url = f"/admin/law/article/{article.pk}/history/{oldest.pk}/"
    restore_form = form_fields(first.get(restore_url), "article_form")

    meanwhile = form_fields(second.get(article_url(article)), "article_form")
    meanwhile["for_you_en"] = "Saved by someone else while the restore page was open."
    assert second.post(article_url(article), meanwhile).status_code == 302

    assert first.post(restore_url, restore_form).status_code == 200
    assert Article.objects.get(pk=article.pk).for_you_en == "Saved by someone else while the restore page was open."


def test_a_deleted_record_can_be_restored_from_history(editor):
    article = article_with_rights()
    item = article.rights_and_duties.order_by("position").first()
    key, text, pk = item.key, item.text_en, item.pk
    before_delete = Version.objects.get_for_object(item).order_by("-revision__date_created").first()
    client = signed_in(editor)
    item.delete()
    # The article's history page for the revision that still had it opens (reversion reverts it).
    url = f"/admin/law/article/{article.pk}/history/{Version.objects.get_for_object(article).first().pk}/"
    assert client.get(url).status_code == 200
    before_delete.revert()
    restored = RightOrDuty.objects.get(pk=pk)
    assert (restored.key, restored.text_en) == (key, text)
