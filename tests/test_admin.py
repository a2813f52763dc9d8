"""The editors' admin: editing in three languages, publishing, history, no lost updates, roles."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from law.models import Article, Edition

from .admin_forms import PASSWORD, form_fields, signed_in
from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db
# A publish from the list, confirmed on the page that shows what it publishes.
PUBLISH_CONFIRMED = {"action": "publish", "index": 0, "confirmed": "yes"}


def article(number="16"):
    return Article.objects.get(edition__slug="draft-2025", number=number)


def unpublished(obj):
    Article.objects.filter(pk=obj.pk).update(status="draft")
    return Article.objects.get(pk=obj.pk)


def change_url(obj):
    return f"/admin/law/article/{obj.pk}/change/"


def test_an_editor_edits_the_kazakh_explanation_and_the_public_page_changes(editor, django_user_model):
    client = signed_in(editor)
    target = article("16")
    form = client.get(change_url(target))
    assert form.status_code == 200
    data = form_fields(form, "article_form")
    data["summary_kk"] = "Пайдаланушы ретінде сіздің **құқықтарыңыз** бар."
    response = client.post(change_url(target), data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))
    # The article is published: the edit waits as its next version until a second editor publishes it.
    reviewer = django_user_model.objects.create_superuser("daniyar", "d@example.kz", PASSWORD)
    assert signed_in(reviewer).post(f"/admin/law/article/{target.pk}/review/", {"step": "publish"}).status_code == 302
    public = Client().get("/kk/ai-law/draft-2025/article-16/")
    plain = soup(public).find(id="plain-language")
    assert plain.find("strong").get_text() == "құқықтарыңыз"


def test_a_draft_is_hidden_from_the_public_and_visible_to_staff(editor, colleague):
    client = signed_in(editor)
    target = article("20")
    take_off = {"action": "take_off_the_site", "_selected_action": [target.pk], "index": 0, "confirmed": "yes"}
    assert client.post("/admin/law/article/?edition=all", take_off).status_code == 302
    target.refresh_from_db()
    assert target.status == "published"  # asked: a second editor confirms
    assert signed_in(colleague).post("/admin/law/article/?edition=all", take_off).status_code == 302
    target.refresh_from_db()
    assert target.status == "draft"
    assert Client().get("/en/ai-law/draft-2025/article-20/").status_code == 404
    toc = soup(Client().get("/en/ai-law/draft-2025/"))
    assert not toc.find("a", href="/en/ai-law/draft-2025/article-20/")
    preview = client.get("/en/ai-law/draft-2025/article-20/")
    assert preview.status_code == 200
    assert soup(preview).find(class_="preview-marker") is not None
    client.post("/admin/law/article/?edition=all", PUBLISH_CONFIRMED | {"_selected_action": [target.pk]})
    assert Client().get("/en/ai-law/draft-2025/article-20/").status_code == 200


def test_two_conflicting_saves_keep_both(editor, django_user_model):
    other = django_user_model.objects.create_superuser("daniyar", "d@example.kz", PASSWORD)
    first, second = signed_in(editor), signed_in(other)
    target = unpublished(article("17"))  # a published one's saves wait as its next version (test_review.py)
    form_a = form_fields(first.get(change_url(target)), "article_form")
    form_b = form_fields(second.get(change_url(target)), "article_form")
    form_a["summary_en"] = "First editor's summary."
    assert first.post(change_url(target), form_a).status_code == 302
    form_b["for_you_en"] = "Second editor's text for you."
    refused = second.post(change_url(target), form_b)
    assert refused.status_code == 200
    page = soup(refused)
    conflict = page.find("table", class_="conflict")
    assert conflict is not None
    theirs = [visible_text(td) for td in conflict.find_all("td", class_="theirs")]
    assert "First editor's summary." in theirs  # what changed in the meantime, shown to the second editor
    assert page.find("textarea", attrs={"name": "for_you_en"}).get_text().strip() == "Second editor's text for you."
    target.refresh_from_db()
    assert target.summary_en == "First editor's summary."
    assert target.for_you_en != "Second editor's text for you."


def test_a_change_is_restored_from_history(editor):
    client = signed_in(editor)
    target = unpublished(article("23"))  # so that the edit is saved on the article itself
    before = target.summary_en
    data = form_fields(client.get(change_url(target)), "article_form")
    data["summary_en"] = "A mistaken edit."
    assert client.post(change_url(target), data).status_code == 302
    history = client.get(f"/admin/law/article/{target.pk}/history/")
    assert history.status_code == 200
    versions = Version.objects.get_for_object(target).order_by("revision__date_created")
    assert versions.count() >= 2
    loaded_version = versions.first()  # the revision made when content/ was loaded
    url = f"/admin/law/article/{target.pk}/history/{loaded_version.pk}/"
    revert_form = client.get(url)
    assert revert_form.status_code == 200
    assert client.post(url, form_fields(revert_form, "article_form")).status_code == 302
    target.refresh_from_db()
    assert target.summary_en == before


def test_an_editor_cannot_manage_users_groups_or_permissions(editor):
    client = signed_in(editor)
    for url in ("/admin/auth/user/", "/admin/auth/group/", f"/admin/auth/user/{editor.pk}/change/"):
        assert client.get(url).status_code == 403
    assert client.get("/admin/law/article/").status_code == 200
    assert client.get("/admin/checker/flowtext/").status_code == 200


def test_the_sixth_wrong_password_locks_the_login(editor):
    client = Client()
    for attempt in range(1, 6):
        response = client.post("/admin/login/", {"username": "aigerim", "password": f"wrong-{attempt}"})
        assert response.status_code == 200, attempt
    locked = client.post("/admin/login/", {"username": "aigerim", "password": "wrong-6"})
    assert locked.status_code == 429
    assert "30" in visible_text(soup(locked))
    still_locked = Client().post("/admin/login/", {"username": "aigerim", "password": PASSWORD})
    assert still_locked.status_code == 429
    call_command("axes_reset")
    assert Client().post("/admin/login/", {"username": "aigerim", "password": PASSWORD}).status_code == 302


def test_translation_status_reports_a_removed_kazakh_text_as_missing(editor):
    target = article("12")
    target.summary_kk = ""
    target.plain_title_kk = ""
    target.for_you_kk = ""
    target.save()
    page = soup(signed_in(editor).get("/admin/law/article/translation-status/?edition=draft-2025"))
    row = page.find("a", href=change_url(target)).find_parent("tr")
    kk_explanation = row.find("td", attrs={"data-lang": "kk"})  # the draft has no official text: no such column
    assert "state-missing" in kk_explanation["class"]
    assert kk_explanation.find("a")["href"].startswith(f"/admin/law/article/{target.pk}/change/")


def test_translation_status_marks_a_language_out_of_date_when_another_changed_later(editor):
    target = article("13")
    long_ago = (timezone.now() - datetime.timedelta(hours=2)).isoformat()
    target.summary_kk = target.summary_kk or "Қысқаша."
    target.summary_ru = target.summary_ru or "Кратко."
    target.summary_en = target.summary_en or "In short."
    target.save()
    for lang in ("kk", "ru", "en"):
        target.language_changes["explanation"][lang]["at"] = long_ago
    target.summary_en = target.summary_en + " One more sentence."
    target.save()
    page = soup(signed_in(editor).get("/admin/law/article/translation-status/?edition=draft-2025&state=all"))
    row = page.find("a", href=change_url(target)).find_parent("tr")
    cells = {cell["data-lang"]: cell for cell in row.find_all("td")}  # the draft has no official text column
    assert cells["kk"]["class"][0] == "state-stale" and cells["ru"]["class"][0] == "state-stale"
    assert cells["en"]["class"][0] in ("state-ok", "state-long") and not cells["en"].select(".fix-stale")


def test_translation_status_lists_the_laws_explanations_not_yet_checked(editor):
    law_articles = Article.objects.filter(edition__kind="law")
    law_articles.exclude(number="17").update(last_checked=None)  # as if only Article 17 had been checked
    checked = law_articles.get(number="17")
    checked.last_checked = datetime.date(2026, 11, 20)
    checked.save()
    page = soup(signed_in(editor).get("/admin/law/article/translation-status/"))
    listed = {a["href"].split("#")[0] for a in page.select(".unchecked-articles a")}
    expected = {change_url(a) for a in law_articles.filter(last_checked__isnull=True)}
    assert listed == expected and len(expected) == law_articles.count() - 1
    assert change_url(checked) not in listed
    assert change_url(article("17")) not in listed  # the draft has no official text to check against


def test_admin_pages_load_nothing_from_other_sites(editor):
    page = soup(signed_in(editor).get(change_url(article("15"))))
    sources = [tag.get("src") or tag.get("href") for tag in page.find_all(["script", "link"])]
    assert any("jquery-ui" in (s or "") for s in sources)
    assert all(s.startswith("/") and not s.startswith("//") for s in sources if s)


def test_markdown_preview_and_view_on_site(editor):
    client = signed_in(editor)
    page = soup(client.get(change_url(article("18"))))
    assert page.select(".md-preview[lang=kk]")
    assert page.find("a", class_="viewsitelink")


def fail_six_times(username, address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(**extra)
    for attempt in range(6):
        response = client.post("/admin/login/", {"username": username, "password": f"wrong-{attempt}"})
    return response.status_code


def test_a_stranger_cannot_lock_an_editor_out(editor):
    """Locks are per account and address: guesses from elsewhere, or at other names from the same
    address, leave the editor able to sign in."""
    assert fail_six_times("aigerim", "203.0.113.9") == 429
    assert fail_six_times("someone-else", "198.51.100.7") == 429
    assert (
        Client(REMOTE_ADDR="198.51.100.7")
        .post("/admin/login/", {"username": "aigerim", "password": PASSWORD})
        .status_code
        == 302
    )


def test_behind_a_trusted_proxy_the_clients_own_address_counts(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"  # every request reaches the site from the proxy
    assert fail_six_times("aigerim", proxy, forwarded="203.0.113.9") == 429
    editor_from_home = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert editor_from_home.post("/admin/login/", {"username": "aigerim", "password": PASSWORD}).status_code == 302
    # A client-written address to the left of the proxy's is ignored: still the attacker's lock.
    spoofed = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20, 203.0.113.9")
    assert spoofed.post("/admin/login/", {"username": "aigerim", "password": PASSWORD}).status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(editor):
    assert fail_six_times("aigerim", "10.0.0.2", forwarded="203.0.113.9") == 429
    other_header = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other_header.post("/admin/login/", {"username": "aigerim", "password": PASSWORD}).status_code == 429


def test_createeditor_never_takes_over_an_administrator_or_another_account(editor, monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    monkeypatch.setenv("EDITOR_PASSWORD", "another-long-passphrase-77")
    admin = get_user_model().objects.create_superuser("chief", "chief@example.kz", "chief-own-passphrase-99")
    plain = get_user_model().objects.create_user("visitor", "v@example.kz", "visitor-passphrase-55")
    for name in ("chief", "visitor"):
        with pytest.raises(CommandError, match="was not changed"):
            call_command("createeditor", name, "--no-input")
    admin.refresh_from_db()
    plain.refresh_from_db()
    assert admin.is_superuser and admin.check_password("chief-own-passphrase-99")
    assert not plain.is_staff and plain.check_password("visitor-passphrase-55")
    call_command("createeditor", "aigerim", "--no-input")  # an editor's own password can be reset
    assert get_user_model().objects.get(username="aigerim").check_password("another-long-passphrase-77")


@pytest.mark.parametrize(("field", "value"), [("number", "16a"), ("number", "16/../1"), ("number", "")])
def test_an_article_number_that_would_break_its_address_is_refused(editor, field, value):
    client = signed_in(editor)
    target = article("16")
    data = form_fields(client.get(change_url(target)), "article_form")
    data[field] = value
    response = client.post(change_url(target), data)
    assert response.status_code == 200  # the form again, with the error; never a 500
    assert soup(response).find(class_="errorlist") is not None
    target.refresh_from_db()
    assert target.number == "16"
    assert Client().get("/en/ai-law/draft-2025/article-16/").status_code == 200


def test_paragraph_labels_and_chapter_numbers_are_checked_by_the_model():
    from django.core.exceptions import ValidationError

    from law.models import Chapter, Paragraph

    paragraph = Paragraph(article=article("16"), label="3 b")
    with pytest.raises(ValidationError, match="label"):
        paragraph.full_clean()
    chapter = Chapter.objects.exclude(number="").first()
    chapter.number = "IV"
    with pytest.raises(ValidationError, match="number"):
        chapter.full_clean()


def test_the_article_list_opens_on_the_law_in_force_and_shows_all_on_request(editor):
    client = signed_in(editor)
    main = Edition.objects.main()
    shown = soup(client.get("/admin/law/article/"))
    rows = shown.select("#result_list tbody tr")
    assert len(rows) == Article.objects.filter(edition=main).count()
    everything = soup(client.get("/admin/law/article/", {"edition": "all"}))
    assert len(everything.select("#result_list tbody tr")) == Article.objects.count()
    assert client.get("/admin/law/article/", {"edition": "not-an-edition"}).status_code == 200
    # Save is at the top of the long form too.
    form = soup(client.get(f"/admin/law/article/{Article.objects.filter(edition=main).first().pk}/change/"))
    assert len(form.select("input[name=_save]")) == 2
