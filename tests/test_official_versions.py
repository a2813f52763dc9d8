"""Versions of the official text as visitors and editors see them: "official text as of …" on the
article page, earlier versions with their dates, the public list of changes, the notice on an
article until its explanation is reviewed, and the editors' list of what waits for review."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from law.models import Article
from law.presentation import long_date
from official.importer import parse
from official.models import OfficialTextVersion
from official.versions import as_of, dates_in

from .admin_forms import form_fields, signed_in
from .conftest import make_test_edition, soup, visible_text
from .official_documents import FIXTURES, fixture_lines, publish_imported

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]


@pytest.fixture
def edition():
    return make_test_edition(official_url_en="https://adilet.zan.kz/eng/docs/T1")


def import_lines(tmp_path, lines, lang="en", name="law.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    out = io.StringIO()
    call_command("import_official", str(path), "--edition", "test-law", "--lang", lang, stdout=out)
    publish_imported()  # new articles are drafts until an editor publishes them
    return out.getvalue()


def reworded(lines, old, new, note=None):
    lines = [new if line == old else line for line in lines]
    return [note, *lines] if note else lines


OLD = "1. A trial is carried out by a trier."
NEW = "1. A trial is carried out by two triers."
NOTE = "Footnote. The Law as amended by Law of the Republic of Kazakhstan No. 9-VIII of 24.06.2026."


def page(url):
    return soup(Client().get(url))


def test_the_date_of_a_text_comes_from_its_notes_in_every_language():
    for lang in ("kk", "ru", "en"):
        law = parse((FIXTURES / f"{lang}.txt").read_bytes().decode("utf-8-sig"), lang)
        assert as_of(law, datetime.date(2026, 11, 29)) == (datetime.date(2026, 1, 1), "notes")
    assert dates_in("ҚР 2026.06.24 № 326-VIII Заңымен; от 24.06.2026; 31.02.2026") == [
        datetime.date(2026, 6, 24),
        datetime.date(2026, 6, 24),
    ]
    law = parse((FIXTURES / "en.txt").read_text(encoding="utf-8"), "en")
    # Later dates are not yet; the made-up text's title gives no date: then, and only then, the day of the import.
    assert as_of(law, datetime.date(2025, 12, 1)) == (datetime.date(2025, 12, 1), "import")


def test_the_article_page_says_as_of_when_and_from_where(edition, tmp_path):
    import_lines(tmp_path, fixture_lines("en"))
    box = page("/en/ai-law/test-law/article-2/").find(id="official-text").find(class_="official-version")
    text = visible_text(box)
    assert f"Official text as of {long_date(datetime.date(2026, 1, 1), 'en')}" in text
    assert "latest change that the legal database notes" in text
    assert "law.txt" in text
    assert box.find("a", href="/en/ai-law/test-law/official-changes/")
    assert box.find("details") is None  # no earlier version yet
    # Where the text is not loaded in the page's language, nothing is claimed about it.
    assert page("/kk/ai-law/test-law/article-2/").find(class_="official-version") is None


def test_a_second_import_lists_the_change_and_the_earlier_version(edition, tmp_path):
    import_lines(tmp_path, fixture_lines("en"))
    first = OfficialTextVersion.objects.get(edition=edition)
    import_lines(tmp_path, reworded(fixture_lines("en"), OLD, NEW, NOTE), name="amended.txt")
    second = OfficialTextVersion.objects.filter(edition=edition).exclude(pk=first.pk).get()
    assert second.as_of == datetime.date(2026, 6, 24)

    article = page("/en/ai-law/test-law/article-2/")
    box = article.find(class_="official-version")
    assert f"as of {long_date(second.as_of, 'en')}" in visible_text(box)
    earlier = box.find("details")
    assert f"Text as of {long_date(first.as_of, 'en')}" in visible_text(earlier)
    assert earlier.find("a", href=f"/en/ai-law/test-law/official-changes/#version-{second.pk}")
    # An article the import did not change keeps no earlier version.
    assert page("/en/ai-law/test-law/article-3/").find(class_="official-version").find("details") is None

    changes = page("/en/ai-law/test-law/official-changes/")
    section = changes.find(id=f"version-{second.pk}")
    assert "English: text as of" in visible_text(section.find("h2"))
    item = section.find("li", class_="official-change-item--changed")
    assert item.find("a", href="/en/ai-law/test-law/article-2/#p-1")
    assert [d.get_text(" ", strip=True) for d in item.find_all("del")] == ["removed: a trier."]
    assert [i.get_text(" ", strip=True) for i in item.find_all("ins")] == ["added: two triers."]
    assert "notes on the law" in visible_text(section)
    assert "The first load of the text in this language: 4 articles." in visible_text(
        changes.find(id=f"version-{first.pk}")
    )


def test_the_notice_stays_until_the_explanation_is_reviewed(edition, tmp_path, admin_client):
    import_lines(tmp_path, fixture_lines("en"))
    assert page("/en/ai-law/test-law/article-2/").find(class_="review-notice") is None
    import_lines(tmp_path, reworded(fixture_lines("en"), OLD, NEW), name="amended.txt")
    article = Article.objects.get(edition=edition, number="2")
    assert article.official_changed_on == timezone.localdate()
    for url in ("/en/ai-law/test-law/article-2/", "/en/ai-law/test-law/article-2/print/"):
        notice = page(url).find(class_="review-notice")
        assert notice is not None and "We have not yet checked this explanation" in visible_text(notice)
    status = soup(admin_client.get("/admin/law/article/translation-status/"))
    listed = status.find("ul", class_="official-changed-articles")
    hrefs = [a["href"] for a in listed.find_all("a")]
    assert hrefs == [f"/admin/law/article/{article.pk}/change/#id_needs_review_{lang}" for lang in ("kk", "ru", "en")]

    # The English editor checked the English explanation: its notice goes; the Kazakh one stays.
    article.needs_review_en = False
    article.save()
    article.refresh_from_db()
    assert article.official_changed_on is not None
    assert page("/en/ai-law/test-law/article-2/").find(class_="review-notice") is None
    assert page("/kk/ai-law/test-law/article-2/").find(class_="review-notice") is not None
    listed = soup(admin_client.get("/admin/law/article/translation-status/")).find(
        "ul", class_="official-changed-articles"
    )
    assert [a["href"].rsplit("_", 1)[1] for a in listed.find_all("a")] == ["kk", "ru"]

    article.needs_review_kk = article.needs_review_ru = False
    article.save()
    article.refresh_from_db()
    assert article.official_changed_on is None
    assert page("/kk/ai-law/test-law/article-2/").find(class_="review-notice") is None
    status = soup(admin_client.get("/admin/law/article/translation-status/"))
    assert status.find("ul", class_="official-changed-articles") is None


def test_the_same_text_again_makes_no_new_version(edition, tmp_path):
    import_lines(tmp_path, fixture_lines("en"))
    output = import_lines(tmp_path, fixture_lines("en"))
    assert "No changes" in output
    version = OfficialTextVersion.objects.get(edition=edition)
    assert version.checked_at is not None
    text = visible_text(page("/en/ai-law/test-law/article-1/").find(class_="official-version"))
    assert "Last found unchanged on" in text


def test_changes_to_unpublished_articles_stay_hidden(edition, tmp_path):
    import_lines(tmp_path, fixture_lines("en"))
    import_lines(tmp_path, reworded(fixture_lines("en"), OLD, NEW), name="amended.txt")
    Article.objects.filter(edition=edition, number="2").update(status="draft")
    changes = page("/en/ai-law/test-law/official-changes/")
    assert "two triers" not in visible_text(changes)
    assert "No change to published articles." in visible_text(changes)


def test_the_changes_page_without_versions_says_so(edition):
    text = visible_text(page("/ru/ai-law/test-law/official-changes/").find("main"))
    assert "ещё не загружен" in text or "not been loaded" in text
    assert Client().get("/en/ai-law/no-such-law/official-changes/").status_code == 404


def test_editors_see_the_imports_read_only(edition, tmp_path, editor):
    import_lines(tmp_path, fixture_lines("en"))
    version = OfficialTextVersion.objects.get(edition=edition)
    client = signed_in(editor)
    listing = client.get("/admin/official/officialtextversion/")
    assert listing.status_code == 200 and "law.txt" in listing.content.decode()
    url = f"/admin/official/officialtextversion/{version.pk}/change/"
    detail = client.get(url)
    assert detail.status_code == 200
    assert not soup(detail).select(".deletelink")  # nothing to delete
    assert [field["name"] for field in soup(detail).select("#officialtextversion_form [name^=hidden]")] == [
        "hidden",
        "hidden_note",
    ]  # the one thing to change: whether visitors see it (a mistaken import)
    assert client.get("/admin/official/officialtextversion/add/").status_code == 403
    client.post(url, {**form_fields(detail, "officialtextversion_form"), "source_name": "changed.txt"})
    assert client.post(url.replace("/change/", "/delete/"), {"post": "yes"}).status_code == 403
    version.refresh_from_db()
    assert version.source_name == "law.txt" and not version.hidden


def test_a_title_change_alone_is_a_change(edition, tmp_path):
    import_lines(tmp_path, fixture_lines("en"))
    lines = reworded(fixture_lines("en"), "Article 2-1. Results of a trial", "Article 2-1. Keeping the results")
    output = import_lines(tmp_path, lines, name="retitled.txt")
    assert "changed  article 2-1" in output
    article = Article.objects.get(edition=edition, number="2-1")
    assert article.official_title_en == "Keeping the results" and article.needs_review
    assert article.review_reasons[-1]["lang"] == "en" and article.review_reasons[-1]["title"]


def test_an_excluded_article_is_not_added_again_by_every_import(edition, tmp_path):
    """An amendment leaves an article's heading and removes its paragraphs ("excluded")."""
    lines = [line for line in fixture_lines("en") if line != "1. Results shall be kept for one year."]
    import_lines(tmp_path, lines)
    assert "No changes" in import_lines(tmp_path, lines)
    assert OfficialTextVersion.objects.filter(edition=edition).count() == 1


def test_earlier_versions_pair_each_change_with_the_text_it_replaced(edition, tmp_path):
    first_lines = fixture_lines("en")
    import_lines(tmp_path, first_lines)  # V1
    second = reworded(first_lines, "1. Results shall be kept for one year.", "1. Results shall be kept for two years.")
    import_lines(tmp_path, second, name="v2.txt")  # V2 changes article 2-1 only
    import_lines(tmp_path, reworded(second, OLD, NEW), name="v3.txt")  # V3 changes article 2 only
    v1, v2, v3 = OfficialTextVersion.objects.filter(edition=edition).order_by("imported_at", "id")
    from official.versions import article_versions

    article_2 = Article.objects.get(edition=edition, number="2")
    article_2_1 = Article.objects.get(edition=edition, number="2-1")
    assert [(e["version"], e["replaced_by"]) for e in article_versions(article_2, "en")["earlier"]] == [(v2, v3)]
    assert [(e["version"], e["replaced_by"]) for e in article_versions(article_2_1, "en")["earlier"]] == [(v1, v2)]
    assert article_versions(article_2, "en")["current"] == v3
