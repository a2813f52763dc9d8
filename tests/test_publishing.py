"""One definition of "published" (#34 item 4): articles and pages share it (law/models/publishing.py),
and the public pages, the sitemap, search and the open data all ask it."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from law.models import Article, Page, Status

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = get_user_model().objects.create_user("reviewer", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    return user, client


def test_a_page_taken_off_the_site_is_hidden_from_the_public_and_previewed_by_staff(staff):
    user, client = staff
    Page.objects.filter(slug="committee").update(status=Status.DRAFT)
    page = Page.objects.get(slug="committee")
    assert not page.is_published and page.is_visible_to(user)
    assert page not in Page.objects.published() and page in Page.objects.visible_to(user)
    assert Client().get("/en/committee/").status_code == 404
    assert client.get("/en/committee/").status_code == 200
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert "/committee/" not in sitemap


def test_an_article_taken_off_the_site_leaves_every_public_list(staff):
    user, client = staff
    Article.objects.filter(edition__slug="law-230-viii", number="21").update(status=Status.WITHDRAWN)
    article = Article.objects.get(edition__slug="law-230-viii", number="21")
    assert article in Article.objects.not_published() and article in Article.objects.visible_to(user)
    assert Client().get("/en/ai-law/law-230-viii/article-21/").status_code == 404
    assert client.get("/en/ai-law/law-230-viii/article-21/").status_code == 200
    assert "/law-230-viii/article-21/" not in Client().get("/sitemap.xml").content.decode()
    assert "article-21" not in Client().get("/ru/search/", {"q": "маркировкой"}).content.decode()
    numbers = [a["number"] for a in Client().get("/data/v1/editions/law-230-viii.json").json()["articles"]]
    assert "21" not in numbers and "22" in numbers


WRITTEN_OUT = re.compile(r"status\s*(?:=|!=|==)\s*Status\.PUBLISHED|status=\"published\"")
# Where a status is read from stored history or a row's old values, not from a record.
ALLOWED = {"law/models/publishing.py", "law/signals.py"}


def test_no_code_writes_the_filter_for_published_out_again():
    found = []
    apps = [d for d in ROOT.iterdir() if d.is_dir() and (d / "__init__.py").exists() and d.name != "tests"]
    for path in (path for app in apps for path in app.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if "/migrations/" in name or name in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if WRITTEN_OUT.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []
