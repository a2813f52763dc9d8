"""The editors' second round (issue #40): what an editor does every day keeps everyone's work."""

import re

import pytest
from django.test import Client
from django.utils import translation
from reversion.models import Version

from concordance.models import Correspondence, DeletedArticleLink
from law.models import Article, Status
from review import actions
from review.models import Draft, PastNextVersion
from review.snapshot import record_fields

from .admin_forms import change_url, form_fields, review_url, signed_in
from .admin_forms import save_next_version as saved_through_the_form
from .conftest import soup

pytestmark = pytest.mark.django_db


def links_of(article):
    return (
        sorted(Correspondence.objects.filter(earlier_articles=article).values_list("key", flat=True)),
        sorted(Correspondence.objects.filter(later_articles=article).values_list("key", flat=True)),
    )


def test_deleting_and_recovering_an_article_keeps_its_concordance_rows(editor):
    article = Article.objects.get(edition__slug="draft-2025", number="2")
    before = links_of(article)
    assert before != ([], []), "the draft's Article 2 is in the concordance"
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)  # only what is off the site is deleted
    client = signed_in(editor)
    delete = client.post(f"/admin/law/article/{article.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert DeletedArticleLink.objects.filter(article_id=article.pk).exists()
    version = Version.objects.get_deleted(Article).filter(object_id=str(article.pk)).first()
    url = f"/admin/law/article/recover/{version.pk}/"
    recover = client.post(url, form_fields(client.get(url), "article_form"))
    assert recover.status_code == 302, soup(recover).select(".errornote, .messagelist")
    recovered = Article.objects.get(pk=article.pk)
    assert links_of(recovered) == before
    assert not DeletedArticleLink.objects.filter(article_id=article.pk).exists()


def test_the_delete_page_names_no_internal_rows(editor):
    article = Article.objects.get(edition__slug="draft-2025", number="2")
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    page = soup(signed_in(editor).get(f"/admin/law/article/{article.pk}/delete/"))
    text = page.select_one("#content").get_text(" ", strip=True)
    assert "object (" not in text and "Correspondence" not in text
    assert "search" not in text.lower()


# ------------------------------------------------------------------ item 1: work is never lost


def law_article(number="16"):
    return Article.objects.get(edition__slug="law-230-viii", number=number)


def save_next_version(client, target, **changes):
    response = saved_through_the_form(client, target, **changes)
    assert response.status_code == 302
    return response


def test_discarding_a_next_version_asks_first_naming_its_author_and_keeps_it_in_history(editor, colleague):
    target = law_article()
    save_next_version(signed_in(editor), target, summary_en="Aigerim's unfinished words.")
    client = signed_in(colleague)
    asked = client.post(review_url(target), {"step": "discard"})
    assert asked.status_code == 200
    assert editor.username in soup(asked).select_one("#content-main").get_text()
    assert actions.has_next_version(target)  # nothing discarded yet
    client.post(review_url(target), {"step": "discard", "confirmed": "yes"})
    assert not actions.has_next_version(target)
    past = PastNextVersion.of(target).get()
    assert (past.ending, past.author, past.ended_by) == ("discarded", editor, colleague)
    history = soup(client.get(f"/admin/law/article/{target.pk}/history/"))
    link = history.select_one("#past-next-version-list a")
    assert link is not None
    page = client.get(link["href"])
    assert "Aigerim" in soup(page).select_one(".review-diff").get_text()
    # Reopened, it is the next version again, with its words.
    reopened = client.post(link["href"])
    assert reopened.status_code == 302
    assert record_fields(actions.next_version(target))["summary_en"] == "Aigerim's unfinished words."
    target.refresh_from_db()
    assert target.summary_en != "Aigerim's unfinished words."  # visitors still see the published text


def test_a_restore_over_my_own_next_version_keeps_it_in_history(editor):
    target = law_article()
    client = signed_in(editor)
    save_next_version(client, target, summary_en="Mine, before the restore.")
    oldest = Version.objects.get_for_object(target).order_by("pk").first()
    url = f"/admin/law/article/{target.pk}/history/{oldest.pk}/"
    assert client.post(url, form_fields(client.get(url), "article_form")).status_code == 302
    past = PastNextVersion.of(target).get()
    assert past.ending == "replaced"
    assert record_fields(past.data)["summary_en"] == "Mine, before the restore."


def test_a_returned_next_version_is_kept_as_it_was_returned(editor, colleague):
    target = law_article()
    save_next_version(signed_in(editor), target, summary_en="First try.")
    signed_in(colleague).post(review_url(target), {"step": "return", "comment": "Shorter, please."})
    save_next_version(signed_in(editor), target, summary_en="Second try.")
    past = PastNextVersion.of(target).get()
    assert (past.ending, past.comment) == ("returned", "Shorter, please.")
    assert record_fields(past.data)["summary_en"] == "First try."


def test_nobody_reopens_over_another_editors_next_version(editor, colleague):
    target = law_article()
    save_next_version(signed_in(editor), target, summary_en="Old words.")
    actions.discard(target, editor)
    save_next_version(signed_in(colleague), target, summary_en="Dana's words.")
    past = PastNextVersion.of(target).get()
    url = f"/admin/law/article/{target.pk}/history/unpublished/{past.pk}/"
    response = signed_in(editor).post(url, follow=True)
    assert soup(response).select(".messagelist .error")
    assert record_fields(actions.next_version(target))["summary_en"] == "Dana's words."


# ------------------------------------------------------------------ item 4: bulk actions with a look

LIST = "/admin/law/article/?edition=all"


def list_action(client, action, objs, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objs], "index": 0, **extra}
    return client.post(LIST, data)


def test_bulk_publish_shows_each_records_changes_and_publishes_only_on_confirmation(editor, colleague):
    changed, untouched = law_article("16"), law_article("20")
    save_next_version(signed_in(editor), changed, summary_en="A sentence nobody has read yet.")
    client = signed_in(colleague)
    look = list_action(client, "publish", [changed, untouched])
    assert look.status_code == 200
    page = soup(look)
    sections = page.select(".bulk-record")
    assert len(sections) == 2
    added = " ".join(ins.get_text() for ins in sections[0].select(".review-diff ins"))
    assert "nobody" in added and "read" in added
    assert sections[1].select_one(".bulk-why") is not None and not sections[1].select(".review-diff")
    changed.refresh_from_db()
    assert "nobody has read" not in changed.summary_en  # nothing published by looking
    hidden = {
        i["name"]: i["value"]
        for i in page.select(".bulk-look form input[type=hidden]")
        if i["name"] != "_selected_action"
    }
    assert hidden["action"] == "publish" and hidden["confirmed"] == "yes"
    done = client.post(LIST, {**hidden, "_selected_action": [changed.pk, untouched.pk]}, follow=True)
    changed.refresh_from_db()
    assert changed.summary_en == "A sentence nobody has read yet."
    success = [li.get_text() for li in soup(done).select(".messagelist .success")]
    info = [li.get_text() for li in soup(done).select(".messagelist .info")]
    assert len(success) == 1 and "16" in success[0]
    assert len(info) == 1 and "20" in info[0]  # "nothing to publish", not "published"


def test_taking_records_off_the_site_from_the_list_asks_first(editor):
    target = law_article("20")
    client = signed_in(editor)
    look = list_action(client, "take_off_the_site", [target])
    assert look.status_code == 200
    assert soup(look).select_one(".bulk-record .bulk-why") is not None
    assert Draft.of(target) is None or Draft.of(target).take_off_asked_by is None
    list_action(client, "take_off_the_site", [target], confirmed="yes")
    assert Draft.of(target).take_off_asked_by == editor


# ------------------------------------------------------------------ item 5: the public list of official changes


def test_a_mistaken_import_can_be_hidden_with_a_reason_and_the_page_names_the_source_not_the_file(
    editor, tmp_path, monkeypatch
):
    import io

    from django.core.management import call_command

    from editors.admin import official as official_admin
    from official.models import OfficialTextVersion

    from .conftest import make_test_edition
    from .official_documents import fixture_lines, publish_imported

    make_test_edition(official_url_en="https://adilet.zan.kz/eng/docs/T1")

    def load(lines, name):
        path = tmp_path / name
        path.write_text("\n".join(lines), encoding="utf-8")
        call_command("import_official", str(path), "--edition", "test-law", "--lang", "en", stdout=io.StringIO())
        publish_imported()

    lines = fixture_lines("en")
    load(lines, "first.txt")
    wrong = [line.replace("by a trier.", "by a trier who never was.") for line in lines]
    load(wrong, "my-laptop-copy.txt")
    load(lines, "repaired.txt")
    public = soup(Client().get("/en/ai-law/test-law/official-changes/"))
    sections = public.select(".official-change")
    assert len(sections) == 3
    text = public.get_text(" ")
    assert "my-laptop-copy" not in text and "adilet.zan.kz" in text
    mistaken = OfficialTextVersion.objects.get(source_name="my-laptop-copy.txt")
    url = f"/admin/official/officialtextversion/{mistaken.pk}/change/"
    client = signed_in(editor)
    form = form_fields(client.get(url), "officialtextversion_form")
    refused = client.post(url, {**form, "hidden": "on", "hidden_note": ""})
    assert refused.status_code == 200 and soup(refused).select(".errorlist")
    hide = {**form, "hidden": "on", "hidden_note": "A wrong file, repaired the same day."}
    bumps = []  # an earlier import's bump waits for this test's transaction: count the call instead
    monkeypatch.setattr(official_admin, "bump", lambda: bumps.append(1))
    assert client.post(url, hide).status_code == 302
    assert bumps == [1]  # article pages name the versions: kept copies of them go
    public = soup(Client().get("/en/ai-law/test-law/official-changes/"))
    assert len(public.select(".official-change")) == 2 and public.find(id=mistaken.anchor) is None
    # The repair of a mistake is no change of the law either: hidden too, the page is as if neither happened.
    repair = OfficialTextVersion.objects.get(source_name="repaired.txt")
    url = f"/admin/official/officialtextversion/{repair.pk}/change/"
    assert client.post(url, {**hide, "hidden_note": "Repaired a wrong file."}).status_code == 302
    public = soup(Client().get("/en/ai-law/test-law/official-changes/"))
    assert len(public.select(".official-change")) == 1
    assert "who never was" not in public.get_text(" ")


# ------------------------------------------------------------------ item 3: stale next versions found early


def published_side_changes(target):
    """What an import does to a published article: its official text and the review flags change."""
    target.refresh_from_db()
    target.flag_for_review()
    target.save()
    paragraph = target.paragraphs.first()
    paragraph.official_text_ru = paragraph.official_text_ru + " (изменено)"
    paragraph.save()


def test_a_stale_next_version_is_said_early_and_carried_over_onto_the_published_text(editor, colleague):
    target = law_article("16")
    save_next_version(signed_in(editor), target, summary_en="My better summary.")
    published_side_changes(target)
    client = signed_in(editor)
    # My work and the review page say so, and nothing can be sent or published as it is.
    assert client.get("/admin/review/draft/my-work/").content.decode().count("stale-mark") == 1
    page = soup(client.get(review_url(target)))
    assert page.select_one(".stale-next-version") is not None
    assert not page.select("button[value=send], button[value=publish]")
    refused = client.post(review_url(target), {"step": "send"}, follow=True)
    assert soup(refused).select(".messagelist .error")
    # Carried over: my words, and the import's flags and text.
    client.post(review_url(target), {"step": "carry_over"})
    assert not actions.why_stale(target)
    data = record_fields(actions.next_version(target))
    assert data["summary_en"] == "My better summary." and data["needs_review_kk"] is True
    client.post(review_url(target), {"step": "send"})
    signed_in(colleague).post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.summary_en == "My better summary." and target.review_languages() == ["kk", "ru", "en"]
    assert target.paragraphs.first().official_text_ru.endswith("(изменено)")


def test_a_real_conflict_is_refused_and_names_the_field(editor, colleague):
    target = law_article("16")
    save_next_version(signed_in(editor), target, summary_en="Mine.")
    target.refresh_from_db()
    target.summary_en = "Changed on the published side."
    target.save()
    response = signed_in(editor).post(review_url(target), {"step": "carry_over"}, follow=True)
    error = soup(response).select_one(".messagelist .error").get_text()
    with translation.override("kk"):  # the editor's admin language, as the message is written in it
        assert str(Article._meta.get_field("summary_en").translated_field.verbose_name) in error
    assert record_fields(actions.next_version(target))["summary_en"] == "Mine."  # nothing lost


# ------------------------------------------------------------------ item 7: daily comfort


def test_my_work_says_who_returned_what_and_links_it_to_the_form_and_the_home_page_counts(editor, colleague):
    target = law_article("16")
    save_next_version(signed_in(editor), target, summary_en="Draft words.")
    signed_in(editor).post(review_url(target), {"step": "send"})
    home = soup(signed_in(colleague).get("/admin/"))
    counts = [li.get_text(" ", strip=True) for li in home.select(".my-work-counts li")]
    assert counts[0].endswith("1") and counts[1].endswith("0")
    signed_in(colleague).post(review_url(target), {"step": "return", "comment": "Shorter."})
    mine = soup(signed_in(editor).get("/admin/review/draft/my-work/"))
    returned = mine.select_one(".my-work li")
    assert returned.find("a")["href"] == change_url(target)
    assert colleague.username in returned.get_text()
    home = soup(signed_in(editor).get("/admin/"))
    assert home.select(".my-work-counts li")[1].get_text(strip=True).endswith("1")


def test_the_articles_inlines_are_folded(editor):
    form = soup(signed_in(editor).get(change_url(law_article("16"))))
    for prefix in ("paragraphs", "rights_and_duties"):
        group = form.find(id=f"{prefix}-group")
        assert group.find("details") is not None and not group.find("details").has_attr("open")


# ------------------------------------------------------------------ item 6: the admin in the editor's language


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_history_speaks_the_readers_language_whoever_saved(editor, colleague, lang):
    from .admin_language import client_in, english_left

    target = law_article("16")
    # Saved by a Russian-speaking editor, published by a Kazakh-speaking one.
    save_next_version(client_in(editor, "ru"), target, summary_en="Changed in the English summary.")
    client_in(colleague, "kk").post(review_url(target), {"step": "publish"})
    history = soup(client_in(editor, lang).get(f"/admin/law/article/{target.pk}/history/"))
    cells = [td.get_text(" ", strip=True) for td in history.select(".history-description")]
    assert cells and english_left(cells, lang) == []
    with translation.override(lang):
        published = translation.gettext("Published the next version.")
        loaded = translation.gettext("Loaded from content/")
    newest = cells[0]
    assert published in newest and "[en]" not in newest
    assert any(loaded in cell for cell in cells)


def test_kazakh_counts_take_the_singular_and_editions_are_named_not_slugged(editor):
    from .admin_language import client_in

    client = client_in(editor, "kk")
    paginator = soup(client.get("/admin/law/article/")).select_one(".paginator").get_text(" ", strip=True)
    count = Article.objects.filter(edition__slug="law-230-viii").count()
    with translation.override("kk"):
        assert f"{count} {Article._meta.verbose_name}" in paginator
        assert str(Article._meta.verbose_name_plural) not in paginator
    status = soup(client.get("/admin/law/article/translation-status/"))
    assert "law-230-viii" not in status.select_one("#content").get_text(" ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_import_preview_has_no_english(editor, lang):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from official.importer import Source, apply, parse, plan

    from .admin_language import client_in, english_left, texts_of
    from .conftest import make_test_edition
    from .official_documents import TRIAL_LAW_RU, text_file, trial_law

    edition = make_test_edition()
    apply(plan(edition, parse("\n".join(TRIAL_LAW_RU), "ru")), Source(format="text", name="v1.txt"))
    lines = trial_law(
        replace={"2. Проверяющий ведёт журнал проб.": "2. Проверяющий ведёт электронный журнал проб."},
        drop=("Статья 5. Отчёт", "1. Проверяющий представляет отчёт."),
    )
    upload = SimpleUploadedFile("law-ru.txt", text_file(lines), "text/plain")
    client = client_in(editor, lang)
    preview = soup(client.post(f"/admin/law/edition/{edition.pk}/import/", {"lang": "ru", "file": upload}))
    assert preview.find(id="import-changes") is not None and preview.find(id="import-removals") is not None
    assert english_left(texts_of(preview, lang), lang) == []
    # Dates as the rest of the admin writes them, not ISO.
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", preview.select_one("#import-read-as").get_text())
