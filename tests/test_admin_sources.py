"""The other two languages beside each translated field in the admin, and the mark of a changed source
(editors/admin/sources.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from law.models import Article, RightOrDuty

from .admin_forms import form_fields, signed_in
from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

LANGS = ("kk", "ru", "en")
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def unpublished(article):
    """The article as a draft: its records are then saved as they are edited (a published one's edits
    wait as its next version until they are published, review/)."""
    Article.objects.filter(pk=article.pk).update(status="draft")
    return article


def duty():
    item = RightOrDuty.objects.filter(article__edition__slug="draft-2025", text_ru__contains=" ").order_by("pk").first()
    unpublished(item.article)
    return item


def duty_url(item):
    return f"/admin/law/rightorduty/{item.pk}/change/"


def article_url(article):
    return f"/admin/law/article/{article.pk}/change/"


def beside(page, field_id):
    """The box of sources rendered with the input `field_id`, checked to sit in the input's own form row."""
    control = page.find(id=field_id)
    assert control is not None, f"no #{field_id}"
    box = control.find_parent(class_="sources-beside")
    assert box is not None, f"no sources beside #{field_id}"
    assert box.find_parent(class_="form-row") is control.find_parent(class_="form-row")
    return box


def source_texts(box):
    return {source["lang"]: source.find(class_="source-text") for source in box.find_all(class_="source")}


def plain(text):
    return " ".join((text or "").split())


def test_an_articles_page_shows_the_other_two_languages_beside_each_field(editor):
    article = Article.objects.get(edition__slug="draft-2025", number="16")
    page = soup(signed_in(editor).get(article_url(article), **ENGLISH))
    for name in ("plain_title", "summary", "for_you"):
        for lang in LANGS:
            box = beside(page, f"id_{name}_{lang}")
            texts = source_texts(box)
            assert sorted(texts) == sorted(other for other in LANGS if other != lang)
            for other, shown in texts.items():
                assert plain(shown.get_text()) == plain(getattr(article, f"{name}_{other}")), (name, lang, other)
                assert shown.find_parent(class_="source").find(class_="source-name").get_text()
            # The article's own fields: the sources are open; nothing changed, so nothing is marked.
            assert box.find("details", class_="sources").has_attr("open")
            assert box.find(class_="sources-mark") is None
    # Inline rows (paragraphs, rights and duties): the same, folded while nothing changed.
    item = article.rights_and_duties.order_by("position", "pk").first()
    row_id = next(
        control["id"]
        for control in page.find_all("textarea")
        if control.get("name", "").startswith("rights_and_duties-")
        and control["name"].endswith("-text_kk")
        and control.get_text().strip() == item.text_kk.strip()
    )
    row_box = beside(page, row_id)
    assert plain(source_texts(row_box)["ru"].get_text()) == plain(item.text_ru)
    assert not row_box.find("details", class_="sources").has_attr("open")


def test_a_right_or_dutys_page_shows_the_other_two_languages_beside_its_text(editor):
    item = duty()
    page = soup(signed_in(editor).get(duty_url(item), **ENGLISH))
    for lang in LANGS:
        texts = source_texts(beside(page, f"id_text_{lang}"))
        assert {other: plain(shown.get_text()) for other, shown in texts.items()} == {
            other: plain(getattr(item, f"text_{other}")) for other in LANGS if other != lang
        }


def test_the_sources_are_read_only_and_the_form_still_sends_what_it_did(editor):
    item = duty()
    response = signed_in(editor).get(duty_url(item))
    page = soup(response)
    sources = page.find_all(class_="sources")
    assert sources
    for box in sources:
        assert box.find(["input", "textarea", "select", "label"]) is None
    data = form_fields(response, "rightorduty_form")
    assert data["loaded_version"] == str(item.version)
    assert {name for name in data if name.startswith("text_")} == {f"text_{lang}" for lang in LANGS}


def russian_edit_through_the_form(client, item, old_word, new_word):
    response = client.get(duty_url(item))
    data = form_fields(response, "rightorduty_form")
    assert old_word in data["text_ru"]
    data["text_ru"] = data["text_ru"].replace(old_word, new_word, 1) + "\r\n"
    saved = client.post(duty_url(item), data)
    assert saved.status_code == 302, visible_text(soup(saved).find(class_="errornote") or soup(saved))
    assert new_word in RightOrDuty.objects.get(pk=item.pk).text_ru


def test_after_a_russian_edit_the_kazakh_and_english_texts_show_the_change_word_by_word(editor):
    item = duty()
    client = signed_in(editor)
    old_word = item.text_ru.split()[1]
    russian_edit_through_the_form(client, item, old_word, "непременно")
    page = soup(client.get(duty_url(item), **ENGLISH))
    sentences = {
        "kk": "Changed in Russian since the Kazakh text was last edited.",
        "en": "Changed in Russian since the English text was last edited.",
    }
    for lang, sentence in sentences.items():
        box = beside(page, f"id_text_{lang}")
        mark = box.find(class_="sources-mark")
        assert mark is not None, lang
        assert sentence in visible_text(mark)
        assert mark["id"] in page.find(id=f"id_text_{lang}")["aria-describedby"].split()
        russian = box.find(class_="source", lang="ru")
        assert "source--changed" in russian["class"]
        diff = russian.find(class_="source-diff")
        assert [node.get_text() for node in diff.find_all("del")] == [old_word]
        assert [node.get_text() for node in diff.find_all("ins")] == ["непременно"]
        assert plain(diff.get_text()) == plain(item.text_ru.replace(old_word, old_word + "непременно", 1))
        # The other source did not change: shown as it is.
        other = "en" if lang == "kk" else "kk"
        assert box.find(class_="source", lang=other).find(class_="source-diff") is None
    # Russian itself is up to date: beside it, nothing is marked.
    assert beside(page, "id_text_ru").find(class_="sources-mark") is None
    # On the article's page the changed row's sources are open, the others stay folded.
    article_page = soup(client.get(article_url(item.article), **ENGLISH))
    marked = article_page.find_all(class_="sources-mark")
    assert marked, "the changed row is marked on its article's page too"
    for mark in marked:
        assert mark.find_parent(class_="sources-beside").find("details", class_="sources").has_attr("open")


def test_a_save_that_changes_only_line_ends_marks_nothing(editor):
    article = unpublished(Article.objects.get(edition__slug="draft-2025", number="17"))
    client = signed_in(editor)
    url = article_url(article)
    response = client.get(url)
    assert soup(response).find(class_="sources-mark") is None
    data = form_fields(response, "article_form")
    assert any("\r\n" in value for value in data.values()), "the form should have multi-line texts"
    saved = client.post(url, data)
    assert saved.status_code == 302, visible_text(soup(saved).find(class_="errornote") or soup(saved))
    assert Article.objects.get(pk=article.pk).version > article.version  # saved, not only kept as a draft
    page = soup(client.get(url))
    assert page.find(class_="sources-mark") is None
    assert page.find(class_="source-diff") is None


def test_a_change_whose_earlier_text_is_not_in_the_history_is_still_marked(editor):
    item = duty()
    client = signed_in(editor)
    russian_edit_through_the_form(client, item, item.text_ru.split()[1], "непременно")
    Version.objects.get_for_object(item).delete()
    box = beside(soup(client.get(duty_url(item), **ENGLISH)), "id_text_kk")
    assert "Changed in Russian since the Kazakh text was last edited." in visible_text(box.find(class_="sources-mark"))
    russian = box.find(class_="source", lang="ru")
    assert "the earlier text is not in the history" in visible_text(russian.find(class_="source-note"))
    assert russian.find(class_="source-diff") is None
    item.refresh_from_db()
    assert plain(russian.find(class_="source-text").get_text()) == plain(item.text_ru)


def test_a_refused_save_shows_the_saved_texts_beside_not_the_ones_sent(editor):
    item = duty()
    client = signed_in(editor)
    data = form_fields(client.get(duty_url(item)), "rightorduty_form")
    data["text_ru"] = "Текст, который не был сохранён."
    data["loaded_version"] = str(item.version - 1)  # opened before someone else's save
    refused = client.post(duty_url(item), data)
    assert refused.status_code == 200
    shown = source_texts(beside(soup(refused), "id_text_kk"))["ru"]
    assert plain(shown.get_text()) == plain(item.text_ru)


def test_an_unsaved_record_has_no_sources(editor):
    page = soup(signed_in(editor).get("/admin/law/rightorduty/add/"))
    assert page.find(id="id_text_kk") is not None
    assert page.find(class_="sources-beside") is None


def history_reads(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query for query in queries.captured_queries if "reversion_version" in query["sql"]]


def test_the_history_is_read_only_for_a_row_whose_source_changed(editor):
    item = duty()
    client = signed_in(editor)
    url = article_url(item.article)
    client.get(url)  # the session and the content types, read once
    assert history_reads(client, url) == []
    russian_edit_through_the_form(client, item, item.text_ru.split()[1], "непременно")
    assert len(history_reads(client, url)) == 1


@pytest.mark.parametrize(
    ("model_path", "field"),
    [
        ("law.GlossaryTerm", "definition"),
        ("law.Page", "body"),
        ("law.Chapter", "title"),
        ("law.Edition", "description"),
        ("checker.FlowText", "text"),
        ("concordance.Correspondence", "note"),
    ],
)
def test_every_editors_page_shows_the_other_languages_beside_its_texts(editor, model_path, field):
    from django.apps import apps

    model = apps.get_model(model_path)
    record = model.objects.order_by("pk").first()
    assert record is not None, f"the shipped content has no {model_path}"
    opts = model._meta
    response = signed_in(editor).get(f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/")
    assert response.status_code == 200
    page = soup(response)
    for lang in LANGS:
        texts = source_texts(beside(page, f"id_{field}_{lang}"))
        for other, shown in texts.items():
            saved = getattr(record, f"{field}_{other}")
            if saved:
                assert plain(shown.get_text()) == plain(saved), (model_path, lang, other)
            else:
                assert shown is None  # "No text yet." instead
