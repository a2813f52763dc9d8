"""The public change log and its Atom feed, made from the history editors keep (#21 item 2)."""

import xml.etree.ElementTree as ET
from datetime import UTC

import pytest
import reversion

from law.models import Article, RightOrDuty, Status

from .admin_forms import signed_in
from .conftest import LANGS, soup, visible_text

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def edit(obj, comment="Edited in the admin", **fields):
    with reversion.create_revision():
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        reversion.set_comment(comment)
    return reversion.models.Version.objects.get_for_object(obj).first().revision


def entries_on_page(client, lang):
    page = soup(client.get(f"/{lang}/changes/"))
    return [visible_text(li) for li in page.select(".change-log-entry")]


def test_the_log_starts_empty_the_first_load_is_not_a_change(client, lang):
    assert entries_on_page(client, lang) == []


def test_a_change_to_an_explanation_is_listed_with_what_and_which_languages(client, lang):
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    edit(article, summary_ru=article.summary_ru + " Ещё одно предложение.")
    duty = RightOrDuty.objects.filter(article__edition__slug="draft-2025", article__number="15").first()
    edit(duty, text_kk=duty.text_kk + " Тағы бір сөйлем.")
    listed = entries_on_page(client, lang)
    assert len(listed) == 2
    newest, older = listed
    assert "Русский" not in newest and "Қазақша" in newest  # the right or duty, changed in Kazakh only
    assert "Русский" in older and "English" not in older and "16" in older


def test_the_feed_lists_the_latest_changes_in_each_language(client):
    article = Article.objects.get(edition__slug="law-230-viii", number="17")
    edit(article, plain_title_en=article.plain_title_en + " (revised)")
    for lang in LANGS:
        response = client.get(f"/{lang}/changes/feed.atom")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall("a:entry", ATOM)
        assert len(entries) == 1
        link = entries[0].find("a:link", ATOM).get("href")
        assert link.endswith(f"/{lang}/ai-law/law-230-viii/article-17/")
        assert "17" in entries[0].find("a:title", ATOM).text
        assert "English" in (entries[0].find("a:summary", ATOM).text or "")


def test_unpublished_articles_and_hidden_changes_stay_out(client, editor):
    draft = Article.objects.get(edition__slug="law-230-viii", number="18")
    edit(draft, status=Status.DRAFT)
    edit(draft, summary_en=draft.summary_en + " More.")
    assert entries_on_page(client, "en") == []
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    revision = edit(article, summary_en=article.summary_en + " A comma moved.")
    assert len(entries_on_page(client, "en")) == 1
    admin = signed_in(editor)
    response = admin.post(
        "/admin/changelog/loggedchange/",
        {"action": "hide_from_log", "_selected_action": [revision.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert entries_on_page(client, "en") == []  # at once, though the page is cached for the public
    admin.post("/admin/changelog/loggedchange/", {"action": "show_in_log", "_selected_action": [revision.pk]})
    assert len(entries_on_page(client, "en")) == 1


def test_nobody_hides_their_own_change_from_the_public_log(client, editor, colleague):
    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    revision = edit(article, summary_en=article.summary_en + " A change of substance.")
    revision.user = editor
    revision.save()
    hide = {"action": "hide_from_log", "_selected_action": [revision.pk]}
    response = signed_in(editor).post("/admin/changelog/loggedchange/", hide, follow=True)
    assert soup(response).select(".messagelist .error")
    assert len(entries_on_page(client, "en")) == 1
    signed_in(colleague).post("/admin/changelog/loggedchange/", hide)
    assert entries_on_page(client, "en") == []


def test_work_on_an_unpublished_article_is_not_logged_as_it_happens(client):
    article = Article.objects.get(edition__slug="law-230-viii", number="18")
    edit(article, status=Status.DRAFT)
    duty = article.rights_and_duties.first()
    edit(duty, text_en=duty.text_en + " First draft edit.")
    edit(duty, text_en=duty.text_en + " Second draft edit.")
    edit(article, status=Status.PUBLISHED)
    assert entries_on_page(client, "en") == []  # neither draft edit is a change the public saw


def test_a_duty_added_or_made_a_rule_is_logged_in_every_language(client):
    article = Article.objects.get(edition__slug="draft-2025", number="16")
    with reversion.create_revision():
        RightOrDuty.objects.create(
            article=article, key="user-new-test-duty", role="user", kind="duty", text_en="A new duty.", text_ru="Новая."
        )
    other = RightOrDuty.objects.filter(article__edition__slug="draft-2025", article__number="15").first()
    edit(other, kind="rule")
    listed = entries_on_page(client, "en")
    assert len(listed) == 2
    assert all("Қазақша" in line and "Русский" in line and "English" in line for line in listed)


ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def test_dates_are_in_the_sites_time_zone(client, settings):
    from datetime import datetime, timedelta

    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    revision = edit(article, summary_en=article.summary_en + " Late at night.")
    # 20:30 UTC tomorrow, so the edit stays newer than the session's content load whatever today is:
    # it is 01:30 on the day after in Almaty (UTC+5 all year).
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    late = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 20, 30, tzinfo=UTC)
    type(revision).objects.filter(pk=revision.pk).update(date_created=late)
    page = soup(client.get("/en/changes/"))
    stamp = page.select_one(".change-log-entry time")
    almaty_day = tomorrow + timedelta(days=1)
    assert stamp["datetime"].startswith(f"{almaty_day.isoformat()}T01:30")
    assert f"{almaty_day.day} {ENGLISH_MONTHS[almaty_day.month - 1]} {almaty_day.year}" in visible_text(stamp)


def test_the_log_page_reads_rows_not_stored_versions(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from reversion.models import Version

    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    edit(article, summary_en=article.summary_en + " Read from a row.")
    with CaptureQueriesContext(connection) as queries:
        listed = entries_on_page(client, "en")
    assert len(listed) == 1
    versions = Version._meta.db_table
    assert not [q["sql"] for q in queries if versions in q["sql"]]


def test_entries_are_written_once_and_the_history_kept_before_writes_the_same(client):
    from reversion.models import Revision

    from changelog.models import ChangeLogEntry
    from changelog.writer import Models, backfill

    article = Article.objects.get(edition__slug="law-230-viii", number="16")
    edit(article, summary_en=article.summary_en + " Once.")
    duty = RightOrDuty.objects.filter(article__edition__slug="law-230-viii").first()
    edit(duty, kind="rule" if duty.kind != "rule" else "duty")
    for _other in range(3):  # later saves of other records do not change what was written
        other = Article.objects.get(edition__slug="draft-2025", number="3")
        edit(other, status=Status.DRAFT)
        edit(other, status=Status.PUBLISHED)
    written = sorted(ChangeLogEntry.objects.values_list("revision_id", "article_id", "changed"))
    assert len(written) == 2
    ChangeLogEntry.objects.all().delete()
    backfill(Models.current(), Revision)
    assert sorted(ChangeLogEntry.objects.values_list("revision_id", "article_id", "changed")) == written
