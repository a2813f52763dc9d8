"""The editors' admin reads in kk, ru and en: no English left in kk and ru, records named in the active language,
a language switcher, and Kazakh dates (issue #24 items 1 and 6)."""

import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from django import forms
from django.conf import settings
from django.test import Client
from django.utils import formats, translation
from django.utils.translation import gettext
from reversion.models import Version

from checker.models import FlowText
from concordance.models import Correspondence
from law.models import Article, Chapter, Edition, GlossaryTerm, Page, Paragraph, RightOrDuty

from .admin_forms import form_fields, signed_in
from .admin_language import (
    ADMIN_CATALOGUES,
    ROOT,
    VENDOR,
    client_in,
    english_left,
    javascript_catalogue,
    js_key,
    read,
    texts_of,
)
from .conftest import soup

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def law_article(number="16"):
    return Article.objects.select_related("edition").get(edition__slug="law-230-viii", number=number)


def admin_pages():
    """The pages an editor works with: lists (with a filter), forms, history, restore, the import and the
    translation status pages, the password change."""
    article = law_article()
    item = RightOrDuty.objects.filter(article=article).first() or RightOrDuty.objects.first()
    term = GlossaryTerm.objects.filter(edition=article.edition).first()
    chapter = article.chapter
    page = Page.objects.first()
    flow_text = FlowText.objects.first()
    version = Version.objects.get_for_object(article).first()
    pages = ["/admin/", "/admin/law/", "/admin/password_change/", "/admin/law/article/translation-status/"]
    pages.append(f"/admin/law/edition/{article.edition_id}/import/")
    pages.append("/admin/law/article/add/")
    for model, obj in (
        ("article", article),
        ("rightorduty", item),
        ("glossaryterm", term),
        ("chapter", chapter),
        ("page", page),
        ("edition", article.edition),
    ):
        base = f"/admin/law/{model}/"
        pages += [base, f"{base}{obj.pk}/change/", f"{base}{obj.pk}/history/"]
        if model != "edition":
            pages.append(f"{base}?missing=kk")  # the filter "missing in"
    draft = law_article("20")
    Article.objects.filter(pk=draft.pk).update(status="draft")  # editors delete only what visitors do not see
    pages += [f"/admin/law/article/{draft.pk}/delete/", "/admin/law/article/recover/"]
    pages += [f"/admin/law/article/{article.pk}/history/{version.pk}/", f"/admin/law/article/{article.pk}/review/"]
    pages += ["/admin/checker/flowtext/", f"/admin/checker/flowtext/{flow_text.pk}/change/"]
    row = Correspondence.objects.first()
    pages += ["/admin/concordance/correspondence/", f"/admin/concordance/correspondence/{row.pk}/change/"]
    pages += ["/admin/official/officialtextversion/", "/admin/feedback/pagefeedback/"]
    pages += ["/admin/changelog/loggedchange/"]
    return pages


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_on_the_pages_an_editor_sees(editor, lang):
    client = client_in(editor, lang)
    problems = {}
    for url in admin_pages():
        response = client.get(url, follow=True)  # a right or duty is edited on its article's page
        assert response.status_code == 200, url
        page = soup(response)
        assert page.find("html")["lang"] == lang, url
        left = english_left(texts_of(page, lang), lang)
        if left:
            problems[url] = left
    assert problems == {}, "\n".join(f"{url}: {', '.join(texts)}" for url, texts in problems.items())


def test_the_english_admin_is_in_english(editor):
    client = client_in(editor, "en")
    page = soup(client.get(f"/admin/law/article/{law_article().pk}/change/"))
    assert page.find("html")["lang"] == "en"
    labels = {" ".join(label.get_text(" ").split()) for label in page.find_all("label")}
    assert {"Edition:", "Chapter:", "Position:"} <= labels
    assert "History" in page.get_text()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_restore_pages_messages_and_sign_in_pages_are_translated(editor, lang):
    client = client_in(editor, lang)
    term = GlossaryTerm.objects.filter(edition__slug="law-230-viii").first()
    # A change saved through the form: the success message, then the record deleted and the recover pages.
    url = f"/admin/law/glossaryterm/{term.pk}/change/"
    data = form_fields(client.get(url), "glossaryterm_form")
    saved = client.post(url, data, follow=True)
    messages = [" ".join(li.get_text(" ").split()) for li in soup(saved).select("ul.messagelist li")]
    assert len(messages) == 1 and english_left(messages, lang) == [], messages
    page = Page.objects.order_by("pk").first()
    Page.objects.filter(pk=page.pk).update(status="draft")  # editors delete only what visitors do not see
    deleted = Version.objects.get_for_object(page).first()
    chosen = client.post("/admin/law/page/", {"action": "delete_selected", "_selected_action": [page.pk], "index": 0})
    assert chosen.status_code == 200 and english_left(texts_of(soup(chosen), lang), lang) == []
    page.delete()
    pages = ["/admin/law/page/recover/", f"/admin/law/page/recover/{deleted.pk}/"]
    for page_url in pages:
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        assert english_left(texts_of(soup(response), lang), lang) == [], page_url
    # A wrong password change: the form's errors and the password rules.
    refused = client.post(
        "/admin/password_change/", {"old_password": "not it", "new_password1": "short", "new_password2": "other"}
    )
    texts = texts_of(soup(refused), lang)
    assert soup(refused).select("ul.errorlist") and english_left(texts, lang) == []
    # Signed out, and the sign-in page, in the language the editor chose.
    signed_out = client.post("/admin/logout/")
    assert signed_out.status_code == 200 and english_left(texts_of(soup(signed_out), lang), lang) == []
    login = client.get("/admin/login/?next=/admin/")
    assert soup(login).find("html")["lang"] == lang
    assert english_left(texts_of(soup(login), lang), lang) == []


def test_the_history_columns_and_title_are_right_in_kazakh(editor):
    """Django's own kk has "Өшіру/Уақыт" (delete/time) for "Date/time" and the typo "Өзгерес тарихы"."""
    client = client_in(editor, "kk")
    history = soup(client.get(f"/admin/law/article/{law_article().pk}/history/"))
    with translation.override("kk"):
        assert gettext("Change history: %s") == "Өзгерістер тарихы: %s"
        assert gettext("Date/time") == "Күні/уақыты"
    Article.objects.filter(pk=law_article("20").pk).delete()
    recover = soup(client.get("/admin/law/article/recover/"))
    heads = [th.get_text(strip=True) for th in recover.select("#change-history thead th")]
    assert heads[0] == "Күні/уақыты"
    for page in (history, recover):
        assert "Өшіру/Уақыт" not in page.get_text() and "Өзгерес" not in page.get_text()


@pytest.mark.parametrize(("lang", "now", "today"), [("kk", "Қазір", "Бүгін"), ("ru", "Сейчас", "Сегодня")])
def test_the_calendar_and_clock_speak_the_editors_language(editor, lang, now, today):
    messages, date_formats = javascript_catalogue(client_in(editor, lang))
    assert messages["Now"] == now and messages["Today"] == today
    english = {js_key(m) for m in read(ADMIN_CATALOGUES[1])}
    assert english <= set(messages), sorted(english - set(messages))
    assert date_formats["FIRST_DAY_OF_WEEK"] == 1
    # What the calendar writes into a date field is what the form reads back.
    assert date_formats["DATE_INPUT_FORMATS"][0] == "%d.%m.%Y"


# ------------------------------------------------------------------ the switcher and the language cookie


def test_the_switcher_is_a_form_that_works_without_javascript(editor):
    client = signed_in(editor)
    page = soup(client.get("/admin/law/article/"))
    form = page.find("form", action="/i18n/setlang/")
    assert form is not None and form["method"] == "post"
    assert form.find("input", attrs={"name": "next"})["value"] == "/admin/law/article/"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    buttons = {b["value"]: b for b in form.find_all("button", attrs={"type": "submit"})}
    current = form.find(attrs={"aria-current": "true"})
    assert current is not None and current["lang"] not in buttons
    assert set(buttons) | {current["lang"]} == {"kk", "ru", "en"}
    names = {b["lang"]: b.get_text(strip=True) for b in [current, *buttons.values()]}
    assert names == {"kk": "Қазақша", "ru": "Русский", "en": "English"}  # each in its own language
    # Sign-in page too: a language can be chosen before signing in.
    assert soup(Client().get("/admin/login/")).find("form", action="/i18n/setlang/") is not None


def test_the_chosen_language_sticks_in_the_admin_only(editor):
    client = signed_in(editor)
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/admin/law/article/?q=16"})
    assert response["Location"] == "/admin/law/article/?q=16"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ru" and cookie["path"] == "/admin/"  # never sent with the public pages
    assert soup(client.get("/admin/law/article/")).find("html")["lang"] == "ru"
    assert soup(client.get("/admin/law/chapter/")).find("html")["lang"] == "ru"
    # The public pages keep the language of their address.
    assert soup(client.get("/kk/ai-law/law-230-viii/article-16/")).find("html")["lang"] == "kk"
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    assert soup(client.get("/admin/")).find("html")["lang"] == "en"


def test_no_switch_to_a_language_the_site_does_not_have_or_to_another_site(editor):
    client = client_in(editor, "ru")
    client.post("/i18n/setlang/", {"language": "de", "next": "/admin/"})
    assert soup(client.get("/admin/")).find("html")["lang"] in {"kk", "ru", "en"}
    elsewhere = client.post("/i18n/setlang/", {"language": "kk", "next": "https://example.com/"})
    assert elsewhere["Location"] == "/"


# ------------------------------------------------------------------ records named in the active language


def test_records_are_named_in_the_active_language():
    article = law_article("16")
    chapter = article.chapter
    paragraph = Paragraph.objects.get(article=article, label="3")
    subparagraph = Paragraph.objects.get(article=article, label="1-2")
    with translation.override("ru"):
        assert str(article.edition) == article.edition.short_title_ru
        assert str(article).startswith(f"Статья 16. {article.official_title_ru or article.plain_title_ru}")
        assert str(article).endswith(f"({article.edition.short_title_ru})")
        assert str(chapter).startswith(f"Глава {chapter.number}. {chapter.title_ru}")
        assert str(paragraph) == f"Статья 16, пункт 3 ({article.edition.short_title_ru})"
        assert str(subparagraph) == f"Статья 16, пункт 1, подпункт 2 ({article.edition.short_title_ru})"
    with translation.override("kk"):
        assert str(article).startswith(f"16-бап. {article.official_title_kk or article.plain_title_kk}")
        assert str(chapter).startswith(f"{chapter.number}-тарау. ")
    with translation.override("en"):
        assert str(article.edition) == article.edition.short_title_en
        assert str(article).startswith(f"Article 16. {article.official_title_en or article.plain_title_en}")


def test_a_name_missing_in_the_language_is_said_to_be_missing_never_taken_from_another():
    article = law_article("16")
    article.official_title_ru = article.plain_title_ru = ""
    term = GlossaryTerm.objects.filter(edition=article.edition).first()
    term.name_en = ""
    page = Page.objects.first()
    page.title_ru = ""
    with translation.override("ru"):
        assert str(article) == f"Статья 16 (нет названия на языке ru) ({article.edition.short_title_ru})"
        assert page.slug in str(page) and "ru" in str(page) and page.title_kk not in str(page)
    with translation.override("en"):
        assert str(term) == f"{term.slug} (no term in en)"


def test_a_site_grouping_a_right_or_duty_and_a_flow_text_are_named_readably():
    grouping = Chapter.objects.filter(is_official=False).first()
    item = RightOrDuty.objects.filter(kind="duty").exclude(text_ru="").first()
    flow_text = FlowText.objects.exclude(text_en="").first()
    with translation.override("ru"):
        assert str(grouping).startswith(grouping.title_ru)
        name = str(item)
        assert name.startswith(f"Обязанность · {item.get_role_display()}: ")
        assert " ".join(item.text_ru.split())[:30] in name
    with translation.override("en"):
        assert str(flow_text).endswith(f"({flow_text.key})") and "*" not in str(flow_text)


def test_the_two_editions_articles_can_be_told_apart_in_a_select_box():
    with translation.override("ru"):
        names = {str(a) for a in Article.objects.filter(number="16").select_related("edition")}
    assert len(names) == Edition.objects.filter(articles__number="16").count() >= 2


# ------------------------------------------------------------------ dates and the catalogues themselves


def test_a_kazakh_date_and_the_russian_and_english_ones_are_djangos():
    day = datetime.date(2026, 1, 18)
    with translation.override("kk"):
        assert formats.date_format(day) == "2026 жылғы 18 қаңтар"
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d.%m.%Y"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
        assert datetime.datetime.strptime(day.strftime(formats.get_format("DATE_INPUT_FORMATS")[0]), "%d.%m.%Y")
    with translation.override("ru"):
        assert formats.date_format(day) == "18 января 2026 г."
    with translation.override("en"):
        assert formats.date_format(day) == "Jan. 18, 2026"


def test_a_kazakh_date_is_shown_as_the_calendar_writes_it_and_read_back(editor):
    article = law_article("17")
    Article.objects.filter(pk=article.pk).update(last_checked=datetime.date(2026, 1, 18))
    page = soup(client_in(editor, "kk").get(f"/admin/law/article/{article.pk}/change/"))
    field = page.find("input", attrs={"name": "last_checked"})
    assert field["value"] == "18.01.2026" and "vDateField" in field["class"]
    with translation.override("kk"):
        assert forms.DateField().clean("18.01.2026") == datetime.date(2026, 1, 18)
        assert forms.DateField().clean("2026-01-18") == datetime.date(2026, 1, 18)  # ISO is always read


def test_every_admin_string_of_this_django_has_kazakh():
    """After a Django upgrade, a new admin string shows here before an editor sees it in English."""
    with (VENDOR / "kk/LC_MESSAGES/django.po").open("rb") as handle:
        vendor = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.string}
    with (VENDOR / "kk/LC_MESSAGES/djangojs.po").open("rb") as handle:
        vendor |= {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.string}
    missing = [
        m.id
        for path in ADMIN_CATALOGUES
        for m in read(path)
        if (m.context, m.id if isinstance(m.id, str) else m.id[0]) not in vendor
    ]
    assert missing == []


def test_every_kazakh_vendor_string_has_russian_so_russian_never_falls_back_to_kazakh():
    """Django falls back to the default language (kk) for a msgid missing in ru: reversion's ru lacks most."""
    from django.utils.translation.trans_real import translation as catalogue_of

    russian = catalogue_of("ru")._catalog  # without its fallback to kk
    with (VENDOR / "kk/LC_MESSAGES/django.po").open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    missing = []
    for m in messages:
        msgid = m.id if isinstance(m.id, str) else m.id[0]
        key = f"{m.context}\x04{msgid}" if m.context else msgid
        if (key, 0) not in russian if isinstance(m.id, tuple) else key not in russian:
            missing.append(msgid)
    assert missing == []


@pytest.mark.system
def test_make_messages_leaves_the_vendor_catalogues_alone_and_setup_compiles_them(tmp_path):
    """`make messages` rewrites locale/ only; `compile_translations` (make setup, CI) compiles locale_vendor/."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (GNU gettext) is needed in CI: apt-get install gettext")
        pytest.skip("GNU gettext's xgettext is not installed (apt-get install gettext); CI runs this test")
    skipped = {".venv", ".git", "staticfiles", "node_modules", "content", "docs"}
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=lambda folder, names: {
            n for n in names if folder == str(ROOT) and n in skipped or n.endswith((".mo", ".sqlite3"))
        },
    )
    vendor = {path: path.read_bytes() for path in (copy / "locale_vendor").rglob("*.po")}
    assert {p.name for p in vendor} == {"django.po", "djangojs.po"}
    makefile = (ROOT / "Makefile").read_text()
    arguments = re.search(r"\$\(MANAGE\) (makemessages .*)", makefile).group(1)
    command = [sys.executable, "manage.py", *shlex.split(arguments)]
    subprocess.run(command, cwd=copy, check=True, capture_output=True)
    assert {path: path.read_bytes() for path in (copy / "locale_vendor").rglob("*.po")} == vendor
    assert not list((copy / "locale_vendor").rglob("*.pot"))
    subprocess.run([sys.executable, "manage.py", "compile_translations"], cwd=copy, check=True, capture_output=True)
    for po in vendor:
        assert po.with_suffix(".mo").stat().st_size > 1000, po
