"""An upload of the official text that would change what visitors read of a published article waits
for a second editor (settings.REVIEW_NEEDS_SECOND_EDITOR, the rule of review.actions): the
uploader's confirmation keeps it aside, the uploader cannot confirm it, another editor checks the
same changes and confirms them, and only then is it applied, whole. Articles an import creates
name the editor who applied it as their last editor, so that another editor publishes them."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from law.models import Article, Paragraph, Status
from official.importer import Source, apply, parse, plan
from official.models import OfficialTextVersion, PendingImport
from review import actions
from review.models import Draft

from .admin_forms import form_fields
from .admin_forms import signed_in as signed_in_kk
from .conftest import make_test_edition, soup, visible_text
from .official_documents import TRIAL_LAW_RU, text_file, trial_law

pytestmark = pytest.mark.django_db

OLD = "2. Проверяющий ведёт журнал проб."
NEW = "2. Проверяющий ведёт электронный журнал проб."


@pytest.fixture
def edition():
    """The made-up law imported (by a command: no editor), its article 3 published."""
    edition = make_test_edition()
    apply(plan(edition, parse("\n".join(TRIAL_LAW_RU), "ru")), Source(format="text", name="v1.txt"))
    Article.objects.filter(edition=edition, number="3").update(status=Status.PUBLISHED)
    return edition


def signed_in(user):
    """The admin in English (its default is Kazakh): these tests read its messages."""
    client = signed_in_kk(user)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(edition):
    return f"/admin/law/edition/{edition.pk}/import/"


def upload(client, edition, lines):
    data = {"lang": "ru", "file": SimpleUploadedFile("law-ru.txt", text_file(lines), "text/plain")}
    preview = client.post(url(edition), data)
    assert preview.status_code == 200 and soup(preview).find(id="import-changes") is not None
    return preview


def confirm(client, edition, preview):
    return client.post(url(edition), form_fields(preview, "import-confirm"))


def stored(edition, number="3", label="2"):
    return Paragraph.objects.get(article__edition=edition, article__number=number, label=label).official_text_ru


def test_a_change_to_a_published_article_waits_for_a_second_editor(edition, editor, colleague):
    uploader, second = signed_in(editor), signed_in(colleague)
    preview = upload(uploader, edition, trial_law(replace={OLD: NEW}))
    assert "another editor checks and confirms it" in visible_text(soup(preview).find(id="import-waits"))
    done = confirm(uploader, edition, preview)
    assert done.status_code == 302
    assert stored(edition) == "Проверяющий ведёт журнал проб."  # not applied
    assert OfficialTextVersion.objects.filter(edition=edition).count() == 1
    held = PendingImport.objects.get(edition=edition, lang="ru")
    assert held.uploaded_by == editor

    # The uploader sees it waiting, and cannot confirm it: no form, and a forged confirmation is refused.
    page = uploader.get(url(edition))
    link = soup(page).find(id="pending-imports").find("a")["href"]
    own = uploader.get(url(edition) + link)
    assert soup(own).find(id="import-confirm") is None
    assert "another editor must check and confirm it" in visible_text(soup(own).find(id="import-waits"))
    token = uploader.session[f"official-import-{edition.pk}"]["token"]
    refused = uploader.post(url(edition), {"confirm": token}, follow=True)
    assert "another editor must check and confirm it" in visible_text(soup(refused).find(class_="messagelist"))
    assert stored(edition) == "Проверяющий ведёт журнал проб." and PendingImport.objects.filter(pk=held.pk).exists()

    # The second editor sees who uploaded it and the same changes, and confirms them.
    review = second.get(url(edition) + link)
    assert "aigerim" in visible_text(soup(review).find(id="import-held"))
    assert "электронный" in visible_text(soup(review).find(id="import-changes"))
    assert confirm(second, edition, review).status_code == 302
    assert stored(edition) == "Проверяющий ведёт электронный журнал проб."
    assert not PendingImport.objects.exists()
    assert OfficialTextVersion.objects.filter(edition=edition).latest().imported_by == "aigerim, dana"
    assert Article.objects.get(edition=edition, number="3").needs_review


def test_a_held_import_cannot_be_confirmed_twice(edition, editor, colleague, admin_user):
    uploader, second, third = signed_in(editor), signed_in(colleague), signed_in(admin_user)
    confirm(uploader, edition, upload(uploader, edition, trial_law(replace={OLD: NEW})))
    link = f"?pending={PendingImport.objects.get().pk}"
    first, late = second.get(url(edition) + link), third.get(url(edition) + link)
    assert confirm(second, edition, first).status_code == 302
    again = third.post(url(edition), form_fields(late, "import-confirm"), follow=True)
    assert "already been confirmed" in visible_text(soup(again).find(class_="messagelist"))
    assert OfficialTextVersion.objects.filter(edition=edition).count() == 2


def test_with_one_editor_allowed_the_import_applies_at_once(edition, editor, settings):
    settings.REVIEW_NEEDS_SECOND_EDITOR = False
    client = signed_in(editor)
    preview = upload(client, edition, trial_law(replace={OLD: NEW}))
    assert soup(preview).find(id="import-waits") is None
    assert confirm(client, edition, preview).status_code == 302
    assert stored(edition) == "Проверяющий ведёт электронный журнал проб." and not PendingImport.objects.exists()


def test_new_articles_apply_at_once_and_name_the_importing_editor(edition, editor, colleague):
    client = signed_in(editor)
    lines = trial_law(
        add_after={
            "1. Настоящий Закон вводится в действие через десять дней.": [
                "Статья 7. Новая статья",
                "1. Проверяющий соблюдает новые правила.",
            ]
        }
    )
    preview = upload(client, edition, lines)
    assert soup(preview).find(id="import-waits") is None  # no published article changes
    assert confirm(client, edition, preview).status_code == 302
    new = Article.objects.get(edition=edition, number="7")
    assert new.status == Status.DRAFT
    assert Draft.of(new).changed_by == editor
    assert actions.publish_refusal(new, editor)  # the importer may not publish it alone
    assert actions.publish_refusal(new, colleague) is None
    # Articles that were there before keep no editor (the import changed no text of theirs).
    assert Draft.of(Article.objects.get(edition=edition, number="1")) is None


def test_a_held_import_names_the_confirming_editor_on_the_articles_it_creates(edition, editor, colleague):
    uploader, second = signed_in(editor), signed_in(colleague)
    lines = trial_law(
        replace={OLD: NEW},
        add_after={
            "1. Настоящий Закон вводится в действие через десять дней.": [
                "Статья 7. Новая статья",
                "1. Проверяющий соблюдает новые правила.",
            ]
        },
    )
    confirm(uploader, edition, upload(uploader, edition, lines))
    assert not Article.objects.filter(edition=edition, number="7").exists()
    review = second.get(url(edition) + f"?pending={PendingImport.objects.get().pk}")
    assert confirm(second, edition, review).status_code == 302
    assert Draft.of(Article.objects.get(edition=edition, number="7")).changed_by == colleague


@pytest.mark.parametrize(
    ("changed", "waits"),
    [
        ({"Глава 2. ОБЯЗАННОСТИ": "Глава 2. ОБЯЗАННОСТИ ПРОВЕРЯЮЩЕГО"}, True),  # a chapter: always public
        ({"Статья 4. Права проверяющего": "Статья 4. Права и гарантии проверяющего"}, False),  # a draft article
    ],
    ids=["chapter-title", "draft-article"],
)
def test_what_visitors_read_without_a_publishing_status_waits_too(edition, changed, waits):
    from official.pending import touches_published

    assert touches_published(plan(edition, parse("\n".join(trial_law(replace=changed)), "ru"))) is waits


def test_the_legal_databases_notes_on_the_act_are_public_text(edition):
    from official.pending import touches_published

    lines = trial_law(
        add_after={"Закон Республики Казахстан «О пробных делах»": ["Примечание ИЗПИ!", "", "Текст примечания."]}
    )
    changes = plan(edition, parse("\n".join(lines), "ru")).changes
    if not any(change.what == "notes" and not change.article for change in changes):
        pytest.fail(f"the made-up notes were not read as the act's notes: {changes}")
    assert touches_published(plan(edition, parse("\n".join(lines), "ru")))
