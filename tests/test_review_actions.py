"""Review's steps as actions on stored data (review.actions, review.snapshot): a next version is model
data, not a form; publishing needs no request; a next version the live record moved past is refused;
next versions saved in the old form are converted once."""

import datetime
import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from reversion.models import Version

from changelog.models import ChangeLogEntry
from law.models import Article, Paragraph, Status
from review import actions, snapshot
from review.models import Draft

from .admin_forms import form_fields, signed_in

pytestmark = pytest.mark.django_db
FORM_POSITION = re.compile(r"-\d+-")


@pytest.fixture
def colleague():
    return get_user_model().objects.create_user("dana-actions", is_staff=True)


def article(number="16"):
    return Article.objects.get(edition__slug="draft-2025", number=number)


def change_url(obj):
    return f"/admin/law/article/{obj.pk}/change/"


def saved_next_version(editor, target, **changes):
    client = signed_in(editor)
    data = form_fields(client.get(change_url(target)), "article_form")
    data.update(changes)
    assert client.post(change_url(target), data).status_code == 302
    return Draft.of(target).data


def test_a_next_version_is_stored_as_model_fields_not_as_a_form(editor):
    target = article()
    paragraph = Paragraph.objects.create(article=target, label="1", position=1, note_en="Old note.")
    data = saved_next_version(editor, target, summary_en="Model data.")
    assert snapshot.is_snapshot(data)
    assert data["record"]["pk"] == target.pk and data["record"]["fields"]["summary_en"] == "Model data."
    keys = [*data["record"]["fields"], *(k for g in data["parts"] for r in g["rows"] for k in r["fields"])]
    assert keys and not [k for k in keys if FORM_POSITION.search(k) or k.startswith(("_", "csrf"))]
    paragraphs = next(g for g in data["parts"] if g["model"] == "law.paragraph")
    assert [row["pk"] for row in paragraphs["rows"]] == [paragraph.pk]


def test_publishing_is_an_action_a_script_can_take_without_a_request(editor, colleague):
    target = article()
    saved_next_version(editor, target, summary_en="Published by a script.")
    with pytest.raises(actions.Refused):
        actions.publish(target, editor)  # the author may not publish their own change
    actions.publish(target, colleague)
    target.refresh_from_db()
    assert target.summary_en == "Published by a script." and target.status == Status.PUBLISHED
    assert actions.next_version(target) is None and Draft.of(target).changed_by is None
    latest = Version.objects.get_for_object(target).first()
    assert latest.revision.user == colleague and latest.revision.comment
    # The public change log's entry is written by the same publishing, with what changed and where.
    entry = ChangeLogEntry.objects.get(revision=latest.revision)
    assert entry.article_id == target.pk and entry.changed == {"summary": ["en"]}


def test_a_field_the_model_no_longer_has_does_not_stop_publishing(editor, colleague):
    target = article()
    saved_next_version(editor, target, summary_en="Still published.")
    draft = Draft.of(target)
    draft.data["record"]["fields"]["a_field_since_removed"] = "anything"
    draft.save()
    actions.publish(target, colleague)
    target.refresh_from_db()
    assert target.summary_en == "Still published."


def test_a_next_version_the_live_record_moved_past_is_refused_and_nothing_changes(editor, colleague):
    target = article()
    saved_next_version(editor, target, summary_en="Written before an import.")
    live = Article.objects.get(pk=target.pk)
    live.summary_ru = "Изменено импортом."
    live.save()
    assert actions.why_stale(target)
    with pytest.raises(actions.Refused):
        actions.publish(target, colleague)
    target.refresh_from_db()
    assert target.summary_en != "Written before an import." and target.summary_ru == "Изменено импортом."
    actions.discard(target, colleague)
    assert actions.next_version(target) is None


def test_a_removed_paragraph_is_removed_on_publishing_and_only_then(editor, colleague):
    target = article()
    kept = Paragraph.objects.create(article=target, label="1", position=1, note_en="Kept.")
    gone = Paragraph.objects.create(article=target, label="2", position=2, note_en="Removed.")
    client = signed_in(editor)
    data = form_fields(client.get(change_url(target)), "article_form")
    index = next(
        k.split("-")[1]
        for k, v in data.items()
        if k.startswith("paragraphs-") and k.endswith("-id") and v == str(gone.pk)
    )
    data[f"paragraphs-{index}-DELETE"] = "on"
    assert client.post(change_url(target), data).status_code == 302
    assert Paragraph.objects.filter(pk=gone.pk).exists()
    actions.publish(target, colleague)
    assert not Paragraph.objects.filter(pk=gone.pk).exists() and Paragraph.objects.filter(pk=kept.pk).exists()


def test_returning_needs_a_comment_and_taking_off_waits_for_the_next_version(editor, colleague):
    target = article()
    saved_next_version(editor, target, summary_en="Waiting.")
    with pytest.raises(actions.Refused):
        actions.return_with_comment(target, colleague, "  ")
    actions.return_with_comment(target, colleague, "Shorter, please.")
    assert Draft.of(target).state == Draft.State.RETURNED and Draft.of(target).comment == "Shorter, please."
    with pytest.raises(actions.Refused):
        actions.take_off_site(target, colleague)
    actions.discard(target, colleague)
    assert actions.take_off_site(target, colleague) == actions.ASKED
    assert actions.take_off_site(target, colleague) == actions.ASKED  # asking twice is still asking
    target.refresh_from_db()
    assert target.status == Status.PUBLISHED
    assert actions.take_off_site(target, editor) == actions.TAKEN_OFF
    target.refresh_from_db()
    assert target.status == Status.DRAFT
    assert Draft.of(target).take_off_asked_by is None
    assert actions.take_off_site(target, editor) == actions.NOT_LIVE


def test_next_versions_saved_as_forms_are_converted_once(editor, colleague):
    target = article()
    paragraph = Paragraph.objects.create(article=target, label="1", position=1, note_en="Old note.")
    target.flag_for_review()
    target.save()
    client = signed_in(editor)
    fields = form_fields(client.get(change_url(target)), "article_form")
    index = next(
        k.split("-")[1]
        for k, v in fields.items()
        if k.startswith("paragraphs-") and k.endswith("-id") and v == str(paragraph.pk)
    )
    checked = timezone.localdate() - datetime.timedelta(days=9)
    fields.update(
        {
            "summary_en": "From\r\nthe old form.",
            f"paragraphs-{index}-note_en": "New note.",
            "last_checked": checked.strftime("%d.%m.%Y"),  # as a Kazakh or Russian editor's form posts it
        }
    )
    for lang in ("kk", "ru", "en"):
        del fields[f"needs_review_{lang}"]  # unticked: a browser leaves it out
    old_form = {k: [v] for k, v in fields.items() if not k.startswith(("_", "csrf"))}
    Draft.objects.create(target=target, data=old_form, changed_by=editor, version=3)
    migration = importlib.import_module("review.migrations.0002_next_version_as_model_data")
    migration.forwards(django_apps, None)
    migration.forwards(django_apps, None)  # a second run leaves converted ones alone
    data = Draft.of(target).data
    assert snapshot.is_snapshot(data)
    assert snapshot.record_fields(data)["summary_en"] == "From\nthe old form."
    assert snapshot.record_fields(data)["needs_review_en"] is False
    assert snapshot.record_fields(data)["last_checked"] == checked.isoformat()
    actions.publish(target, colleague)
    target.refresh_from_db()
    paragraph.refresh_from_db()
    assert target.summary_en == "From\nthe old form." and paragraph.note_en == "New note."
    assert target.last_checked == checked and target.review_languages() == []
