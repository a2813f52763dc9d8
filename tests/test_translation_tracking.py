"""Translation tracking (editorial/tracking.py): which language is out of date after which edit,
with texts as browsers send them (CRLF) and as the importer leaves them (NULL)."""

import pytest
from django.db import connection

from law.models import Article, RightOrDuty

from .admin_forms import form_fields, signed_in

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]


def duty():
    return RightOrDuty.objects.filter(article__edition__slug="draft-2025", text_ru__contains=" ").first()


def states(record, group="explanation"):
    return {lang: record.translation_state(group, lang) for lang in ("kk", "ru", "en")}


def edit(record, **texts):
    record = type(record).objects.get(pk=record.pk)
    for name, value in texts.items():
        setattr(record, name, value)
    record.save()
    return type(record).objects.get(pk=record.pk)


def test_a_russian_edit_makes_kazakh_and_english_out_of_date_and_a_catch_up_does_not_ping_pong():
    item = duty()
    assert states(item) == {"kk": "ok", "ru": "ok", "en": "ok"}
    item = edit(item, text_ru=item.text_ru + " Ещё одно предложение.")
    assert states(item) == {"kk": "stale", "ru": "ok", "en": "stale"}
    assert item.stale_sources("explanation", "kk") == ["ru"]
    item = edit(item, text_kk=item.text_kk + " Тағы бір сөйлем.")
    # Kazakh caught up: it is up to date, and Russian is not flagged in turn; English still waits.
    assert states(item) == {"kk": "ok", "ru": "ok", "en": "stale"}
    item = edit(item, text_en=item.text_en + " One more sentence.")
    assert states(item) == {"kk": "ok", "ru": "ok", "en": "ok"}


def test_an_edit_in_an_up_to_date_language_is_news_for_the_others():
    item = duty()
    item = edit(item, text_kk=item.text_kk + " Түзету.")
    assert states(item) == {"kk": "ok", "ru": "stale", "en": "stale"}


def test_crlf_from_a_browser_is_the_same_text_and_is_stored_with_lf():
    item = duty()
    before = dict(item.language_changes)
    item = edit(
        item,
        **{f"text_{lang}": getattr(item, f"text_{lang}").replace("\n", "\r\n") + "\r\n" for lang in ("kk", "ru", "en")},
    )
    assert item.language_changes == before
    assert all("\r" not in getattr(item, f"text_{lang}") for lang in ("kk", "ru", "en"))


def test_a_whole_admin_form_saved_by_a_browser_marks_only_the_language_that_changed(editor):
    # Not published, so that the save changes the article itself (a published one's waits for review).
    Article.objects.filter(edition__slug="draft-2025", number="17").update(status="draft")
    target = Article.objects.get(edition__slug="draft-2025", number="17")
    client = signed_in(editor)
    url = f"/admin/law/article/{target.pk}/change/"
    data = form_fields(client.get(url), "article_form")
    assert any("\r\n" in value for value in data.values()), "the form should have multi-line texts"
    data["summary_ru"] = data["summary_ru"] + "\r\nЕщё одно предложение."
    response = client.post(url, data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert states(target) == {"kk": "stale", "ru": "ok", "en": "stale"}


def test_null_texts_are_missing_and_not_up_to_date():
    item = duty()
    RightOrDuty.objects.filter(pk=item.pk).update(text_kk=None)
    item = RightOrDuty.objects.get(pk=item.pk)
    assert item.translation_state("explanation", "kk") == "missing"
    assert RightOrDuty.objects.filter(RightOrDuty.missing_in("kk"), pk=item.pk).exists()
    with connection.cursor() as cursor:  # NULL, not "": what the importer leaves
        cursor.execute("SELECT text_kk FROM law_rightorduty WHERE id = %s", [item.pk])
        assert cursor.fetchone()[0] is None
