"""Shared fixtures: the real content/ loaded once into the test database, and small helpers."""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command

from law.content import load
from scripts.serving import SETUP, gunicorn, manage, production_env

LANGS = [code for code, _name in settings.LANGUAGES]
ROOT = Path(__file__).resolve().parent.parent
EDITOR = ("editor-test", "a-long-editor-passphrase-42")
REVIEWER = ("reviewer-test", EDITOR[1])  # a second editor: publishing needs one (review/workflow.py)
CHROMIUM_MISSING = "Chromium is not installed"
CHROMIUM_INSTALL = "apt-get install --no-install-recommends chromium"


def pytest_unconfigure(config):
    """End the run with one line when browser tests were skipped for want of Chromium."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = [
        report
        for report in reporter.stats.get("skipped", [])
        if "tests/browser/" in report.nodeid and CHROMIUM_MISSING in str(report.longrepr)
    ]
    if skipped:
        reporter.write_line(
            f"{len(skipped)} browser tests skipped: Chromium is missing. Install it with: {CHROMIUM_INSTALL}",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test that uses the database starts from the shipped content (rolled back after)."""
    with django_db_blocker.unblock():
        load(force=True)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests see pages as rendered now; the page cache has tests of its own (test_caching.py)."""
    settings.PUBLIC_PAGE_CACHE = False


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode("utf-8"), "html.parser")


def visible_text(node) -> str:
    return " ".join(node.get_text(" ").split())


# The shipped content has no official text (the draft was never published; the law's text is loaded
# by the importer where the site runs). The served copy gets a made-up one for two draft articles,
# so that the pages with an official text (side by side, paragraph links, printing it) are tested.
MADE_UP_OFFICIAL_TEXT = """
from law.models import Paragraph
for paragraph in Paragraph.objects.filter(article__edition__slug="draft-2025", article__number__in=["16", "18"]):
    for lang in ("kk", "ru", "en"):
        setattr(paragraph, f"official_text_{lang}", f"[{lang}] Made-up official text of paragraph {paragraph.label}.")
    paragraph.save()
"""


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of a copy of the site (DEBUG off) on its own SQLite file, with the shipped
    content and one editor account: `manage(site_env, ...)` works on the database `site` serves."""
    work = tmp_path_factory.mktemp("site")
    env = production_env(work, EDITOR_PASSWORD=EDITOR[1])
    manage(
        env,
        *SETUP,
        ["createeditor", EDITOR[0], "--no-input"],
        ["createeditor", REVIEWER[0], "--no-input"],
        ["shell", "-c", MADE_UP_OFFICIAL_TEXT],
    )
    yield env
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def site(site_env):
    """Base URL of that copy of the site under gunicorn: for browser and load tests."""
    with gunicorn(site_env, workers=2, probe="/kk/") as base:
        yield base


def make_test_edition(**extra):
    """A made-up edition of the act ("test-law") for the importer's tests, with titles in kk, ru, en."""
    from law.models import Act, Edition

    return Edition.objects.create(
        act=Act.objects.get(slug="ai-law"),
        slug="test-law",
        kind="law",
        legal_status="in_force",
        title_en="Test law",
        title_ru="Тестовый закон",
        title_kk="Сынақ заңы",
        position=9,
        **extra,
    )


@pytest.fixture
def in_english():
    """Messages in English whatever the site's default language (Kazakh): for tests that read them."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def editor(monkeypatch):
    from .admin_forms import PASSWORD

    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("createeditor", "aigerim", "--no-input", "--email", "aigerim@example.kz")
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="aigerim")
