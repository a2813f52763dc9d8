"""History in the editors' admin (#24 item 7, #25 item 4): what changed between two versions, word
by word and per language; status changes named in the history; a restore that keeps the search index,
the rendered HTML, translation tracking and the version in step, and leaves the publishing status alone."""

import datetime

import pytest
import reversion
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.text import capfirst
from reversion.models import Version

from law import restore
from law.models import Article, GlossaryTerm, Paragraph, RightOrDuty, Status
from search.models import SearchEntry

from .admin_forms import form_fields, signed_in
from .conftest import soup, visible_text

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]


def article_with_parts():
    """An article with paragraphs that have notes and with rights and duties, all written in Russian."""
    return (
        Article.objects.filter(paragraphs__note_ru__gt="", rights_and_duties__text_ru__gt="")
        .exclude(summary_ru="")
        .distinct()
        .order_by("edition__position", "position")
        .first()
    )


def edit(article, *records, comment=""):
    """Save the records (the article's own fields or its parts) as one revision of the article's history."""
    with reversion.create_revision():
        for record in records:
            record.save()
        reversion.add_to_revision(Article.objects.get(pk=article.pk))  # with its paragraphs, rights and duties
        reversion.set_comment(comment)


def history_url(article):
    return f"/admin/law/article/{article.pk}/history/"


def in_russian(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ru"
    return client


def saved(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))
    return response


def first_sentence_word(text):
    """A word of the text's first sentence long enough to be its own token (no punctuation on it)."""
    return next(word for word in text.split() if word.isalpha() and len(word) > 4)


def test_compare_shows_exactly_the_changed_russian_words_with_russian_labels(editor):
    client = in_russian(signed_in(editor))
    article = article_with_parts()
    old_word = first_sentence_word(article.summary_ru)
    article.summary_ru = article.summary_ru.replace(old_word, "ЗАМЕНЁННОЕ", 1)
    edit(article, article, comment="Одно слово заменено.")

    history = client.get(history_url(article))
    assert history.status_code == 200
    choice = form_fields(history, "history-compare-form")  # latest against the one before, as offered
    latest, before = Version.objects.get_for_object(article).order_by("-pk")[:2]
    assert (choice["to"], choice["from"]) == (str(latest.pk), str(before.pk))
    page = soup(client.get(f"/admin/law/article/{article.pk}/history/compare/", choice))

    with translation.override("ru"):
        field = capfirst(Article._meta.get_field("summary").verbose_name)
        label = f"{field} — {translation.get_language_info('ru')['name_translated']}"
    rows = {visible_text(row.th): row.td for row in page.select("table.history-changes tr") if row.th and row.td}
    assert list(rows) == [label], rows  # only the field that differs, named in the editor's language
    assert "русский" in label.casefold() and "Markdown" in label
    diff = rows[label]
    assert [d.get_text() for d in diff.find_all("del")] == [old_word]
    assert [i.get_text() for i in diff.find_all("ins")] == ["ЗАМЕНЁННОЕ"]
    # The same comparison is the compare page's default, and the history row links to it.
    default = soup(client.get(f"/admin/law/article/{article.pk}/history/compare/"))
    assert [d.get_text() for d in default.select("td.word-diff del")] == [old_word]
    links = [a["href"] for a in soup(history).select("a.history-what-changed")]
    assert f"/admin/law/article/{article.pk}/history/compare/?from={before.pk}&to={latest.pk}" in links


def test_compare_lists_changed_and_removed_paragraphs_and_duties(editor):
    client = signed_in(editor)
    article = article_with_parts()
    paragraph = article.paragraphs.exclude(note_ru="").order_by("position").first()
    item = article.rights_and_duties.exclude(text_ru="").order_by("position").first()
    paragraph.note_ru += " Новое предложение."
    with reversion.create_revision():
        paragraph.save()
        item.delete()
        reversion.add_to_revision(Article.objects.get(pk=article.pk))

    page = soup(client.get(f"/admin/law/article/{article.pk}/history/compare/"))
    changed = page.select_one("h3.history-part-changed")
    assert visible_text(changed).startswith(f"{capfirst(Paragraph._meta.verbose_name)} {paragraph.label}")
    removed = page.select_one("h3.history-part-removed")
    assert removed is not None and visible_text(removed).startswith(
        f"{capfirst(RightOrDuty._meta.verbose_name)} {item.key}"
    )
    assert [visible_text(i) for i in page.select("td.word-diff ins")] == ["Новое предложение."]
    assert page.select_one("table.history-record-changes") is None  # the article's own fields did not change


def test_a_status_change_is_named_in_the_history_never_a_blank_row(editor):
    client = in_russian(signed_in(editor))
    article = article_with_parts()
    assert article.status == Status.PUBLISHED
    with reversion.create_revision():  # as a list action saves it: the status alone, no comment
        article.status = Status.DRAFT
        article.save(update_fields=["status"])

    page = soup(client.get(history_url(article)))
    descriptions = [visible_text(td) for td in page.select("td.history-description")]
    with translation.override("ru"):
        expected = (
            f"{capfirst(Article._meta.get_field('status').verbose_name)}: "
            f"{Status.PUBLISHED.label} → {Status.DRAFT.label}"
        )
    assert descriptions[0] == expected, descriptions  # the latest first
    assert expected.startswith("Статус: ")
    assert len(descriptions) >= 2 and all(descriptions), descriptions


def found_by_search(client, words):
    page = soup(client.get("/ru/search/", {"q": words}))
    return [a["href"] for a in page.select("li.search-result a[href]")]


def test_a_restore_through_the_admin_keeps_search_tracking_version_and_status_in_step(editor):
    client = in_russian(signed_in(editor))
    article = article_with_parts()
    paragraph = article.paragraphs.exclude(note_ru="").order_by("position").first()
    item = article.rights_and_duties.exclude(text_ru="").order_by("position").first()
    original_text, original_note, original_html = item.text_ru, paragraph.note_ru, paragraph.note_html_ru
    loaded = Version.objects.get_for_object(article).order_by("pk").first()

    # An edit brings in new wording; then the article is taken off the site.
    item.text_ru = "Хранить документацию зебразавра вечно."
    paragraph.note_ru = "Пояснение про **жирафозавра**."
    edit(article, item, paragraph, comment="Новая формулировка.")
    with reversion.create_revision():
        draft = Article.objects.get(pk=article.pk)
        draft.status = Status.DRAFT
        draft.save(update_fields=["status"])
    edited = {m: m.objects.get(pk=r.pk) for m, r in ((Article, article), (Paragraph, paragraph), (RightOrDuty, item))}
    assert not SearchEntry.objects.filter(article=article).exists()  # off the site: out of the index (#35 item 5)
    # A glossary term added since: the restored note must link it (its stored HTML predates the term).
    unlinked = BeautifulSoup(original_html, "html.parser")
    for link in unlinked.find_all("a"):
        link.decompose()
    term_word = first_sentence_word(unlinked.get_text(" "))
    GlossaryTerm.objects.create(edition=article.edition, slug="h4-restored-link", name_ru=term_word, definition_ru="Т.")
    # Another article, changed after the same load: the restore of this one leaves it alone.
    other = Article.objects.exclude(pk=article.pk).exclude(summary_en="").order_by("position").first()
    other.summary_en += " Changed later by someone else."
    edit(other, other)

    # The restore page says what it will change, and that the status stays.
    url = f"/admin/law/article/{article.pk}/history/{loaded.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    preview = soup(page).find(class_="restore-preview")
    with translation.override("ru"):
        assert str(Status.DRAFT.label) in visible_text(preview.find(class_="history-kept-status"))
    assert "зебразавра" in " ".join(d.get_text() for d in preview.select("del"))
    before_restore = datetime.datetime.now(datetime.UTC)
    saved(client, url, form_fields(page, "article_form"))

    restored = {m: m.objects.get(pk=r.pk) for m, r in edited.items()}
    assert Article.objects.get(pk=other.pk).summary_en == other.summary_en  # not in this record's restore
    assert restored[RightOrDuty].text_ru == original_text
    assert restored[Paragraph].note_ru == original_note
    assert restored[Article].status == Status.DRAFT  # a restore brings back text, not a publishing decision
    for model, record in restored.items():
        assert record.version > edited[model].version, model  # the version only grows
    # Search holds nothing of it while it is off the site; published again, the restored wording.
    assert not SearchEntry.objects.filter(article=article).exists()
    restored[Article].status = Status.PUBLISHED
    restored[Article].save(update_fields=["status"])
    entries = " ".join(SearchEntry.objects.filter(right=item, lang="ru").values_list("text", flat=True))
    assert "зебразавра" not in entries and " ".join(original_text.split()) in entries
    assert not found_by_search(client, "зебразавра")
    notes = " ".join(SearchEntry.objects.filter(paragraph=paragraph).values_list("text", flat=True))
    assert notes and "жирафозавра" not in notes
    # The rendered note is the restored one, with today's glossary links.
    assert "жирафозавра" not in restored[Paragraph].note_html_ru
    assert "#h4-restored-link" in restored[Paragraph].note_html_ru and "#h4-restored-link" not in original_html
    # Translation tracking is kept: the restored Russian counts as a new edit, Kazakh stays as it was.
    for model in (Paragraph, RightOrDuty):
        changes = restored[model].language_changes["explanation"]
        before = edited[model].language_changes["explanation"]
        assert datetime.datetime.fromisoformat(changes["ru"]["at"]) >= before_restore, model
        assert changes["kk"] == before["kk"], model


@pytest.mark.parametrize("bulk_from", [restore.BULK_FROM, 1], ids=["record-by-record", "as-a-bulk-change"])
def test_a_restore_from_code_reindexes_search_keeps_tracking_and_status(monkeypatch, bulk_from):
    monkeypatch.setattr(restore, "BULK_FROM", bulk_from)
    article = article_with_parts()
    item = article.rights_and_duties.exclude(text_ru="").order_by("position").first()
    item.text_ru = "Первая правка: слово бегемотозавр."
    edit(article, item)
    first_edit = Version.objects.get_for_object(article).order_by("-pk").first()
    item.text_ru = "Вторая правка: слово носорогозавр."
    edit(article, item)
    second_edit = Version.objects.get_for_object(article).order_by("-pk").first()
    item = RightOrDuty.objects.get(pk=item.pk)
    assert SearchEntry.objects.filter(right=item, text__contains="носорогозавр").exists()

    first_edit.revision.revert(delete=True)

    restored = RightOrDuty.objects.get(pk=item.pk)
    assert restored.text_ru == "Первая правка: слово бегемотозавр."
    assert not SearchEntry.objects.filter(right=item, text__contains="носорогозавр").exists()
    assert SearchEntry.objects.filter(right=item, text__contains="бегемотозавр").exists()
    # Off the site, a restore keeps the status, and search holds nothing of it (#35 item 5).
    article = Article.objects.get(pk=article.pk)
    article.status = Status.WITHDRAWN
    article.save()
    second_edit.revision.revert(delete=True)
    assert Article.objects.get(pk=article.pk).status == Status.WITHDRAWN
    assert RightOrDuty.objects.get(pk=item.pk).text_ru == "Вторая правка: слово носорогозавр."
    assert not SearchEntry.objects.filter(article=article).exists()
    assert restored.version > item.version
    tracked, before = restored.language_changes["explanation"], item.language_changes["explanation"]
    assert tracked["kk"] == before["kk"]
    assert tracked["ru"]["at"] > before["ru"]["at"]
    assert tracked["ru"]["digest"] != before["ru"]["digest"]


def test_a_version_restored_on_its_own_is_indexed_again():
    item = RightOrDuty.objects.exclude(text_ru="").order_by("pk").first()
    loaded = Version.objects.get_for_object(item).order_by("pk").first()
    original = item.text_ru
    item.text_ru = "Слово жирафозавр ненадолго."
    item.save()
    loaded.revert()
    assert RightOrDuty.objects.get(pk=item.pk).text_ru == original
    assert not SearchEntry.objects.filter(right=item, text__contains="жирафозавр").exists()
    assert RightOrDuty.objects.get(pk=item.pk).language_changes["explanation"]["ru"]["digest"]


def test_every_history_page_compare_page_and_restore_page_opens(editor):
    from django.contrib import admin

    from editors.admin.history_compare import HistoryCompareMixin

    client = signed_in(editor)
    checked = []
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, HistoryCompareMixin):
            continue
        version = Version.objects.get_for_model(model).order_by("-pk").first()
        if version is None:
            continue
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{version.object_id}/history/"
        for url in (base, f"{base}compare/", f"{base}{version.pk}/"):
            response = client.get(url)
            if model is RightOrDuty and url.endswith(f"/{version.pk}/") and response.status_code == 302:
                # a published article's row is restored in the article's next version, on its page
                assert response["Location"].startswith("/admin/law/article/"), response["Location"]
                continue
            assert response.status_code == 200, (url, response.status_code)
        checked.append(model)
    assert Article in checked and RightOrDuty in checked, checked
