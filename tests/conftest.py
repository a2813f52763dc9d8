"""Shared fixtures: the real content/ loaded once into the test database, and small helpers."""

import os
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command

from content_io import load
from scripts.serving import COLLECT_STATIC, SETUP_DATABASE, gunicorn, manage, production_env

LANGS = [code for code, _name in settings.LANGUAGES]
ROOT = Path(__file__).resolve().parent.parent
EDITOR = ("editor-test", "a-long-editor-passphrase-42")
REVIEWER = ("reviewer-test", EDITOR[1])  # a second editor: publishing needs one (review/actions.py)
CHROMIUM_MISSING = "Chromium is not installed"
CHROMIUM_INSTALL = "apt-get install --no-install-recommends chromium"


# TESTS_CLOCK_AHEAD_DAYS=366 runs the tests with the clock that many days ahead (time-machine moves
# Python's clock; it keeps ticking). tests/test_clock.py does so for the time-sensitive tests, so a
# test that only passes before some date fails now, not on that date.
CLOCK_AHEAD_DAYS = int(os.environ.get("TESTS_CLOCK_AHEAD_DAYS") or 0)


def pytest_configure(config):
    if CLOCK_AHEAD_DAYS:
        import time_machine

        time_machine.travel(datetime.now(UTC) + timedelta(days=CLOCK_AHEAD_DAYS), tick=True).start()


def pytest_report_header(config):
    if CLOCK_AHEAD_DAYS:
        today = datetime.now(UTC).date()
        return f"clock moved {CLOCK_AHEAD_DAYS} days ahead (TESTS_CLOCK_AHEAD_DAYS): today is {today}"
    return None


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
    """Every test that uses the database starts from the shipped content and the shipped official
    texts, as `make setup` loads them (rolled back after)."""
    from official.shipped import load as load_official_text
    from official.shipped import manifests

    with django_db_blocker.unblock():
        load(force=True)
        for shipped in manifests():
            load_official_text(shipped)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests see pages as rendered now; the page cache has tests of its own (test_caching.py), and so
    has the memo of what pages are made from (test_content_memo.py, test_checker_inputs.py)."""
    from law import memo

    settings.PUBLIC_PAGE_CACHE = False
    settings.CONTENT_MEMO = False
    memo.forget()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: a value cached by one test (keyed by a primary key that
    a rolled-back test reuses, say) must not reach another, whatever order the tests run in."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


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
def collected_static(tmp_path_factory):
    """The static files collected once, as production has them (hashed names, compressed), for every
    copy of the site the tests start. The translations they need are compiled by `make setup`."""
    work = tmp_path_factory.mktemp("static")
    manage(production_env(work), COLLECT_STATIC)
    return work / "static"


@pytest.fixture(scope="session")
def site_env(tmp_path_factory, collected_static):
    """The environment of a copy of the site (DEBUG off) on its own SQLite file, with the shipped
    content and two editor accounts: `manage(site_env, ...)` works on the database `site` serves,
    and `restore_site_database(site_env)` puts it back as it is here."""
    work = tmp_path_factory.mktemp("site")
    env = production_env(work, static_root=collected_static, EDITOR_PASSWORD=EDITOR[1])
    manage(
        env,
        *SETUP_DATABASE,
        ["createeditor", EDITOR[0], "--no-input"],
        ["createeditor", REVIEWER[0], "--no-input"],
        ["shell", "-c", MADE_UP_OFFICIAL_TEXT],
    )
    with closing(sqlite3.connect(site_database(env))) as live, closing(sqlite3.connect(work / SNAPSHOT)) as snapshot:
        live.backup(snapshot)
    yield env
    shutil.rmtree(work, ignore_errors=True)


SNAPSHOT = "snapshot.sqlite3"


def site_database(env) -> Path:
    return Path(env["DATABASE_URL"].removeprefix("sqlite:///"))


def restore_site_database(env):
    """Put the served copy's database back as `site_env` made it, in a second instead of a content
    load: SQLite's backup API writes the snapshot into the live file under the server's open
    connections. The content version is then moved past any the server has seen, so that no worker
    serves a page it cached from the changed database."""
    live_path = site_database(env)
    with closing(sqlite3.connect(live_path, timeout=30)) as live:
        (seen,) = live.execute("SELECT version FROM law_sitestate WHERE id = 1").fetchone()
        with closing(sqlite3.connect(live_path.with_name(SNAPSHOT))) as snapshot:
            snapshot.backup(live)
        with live:
            live.execute("UPDATE law_sitestate SET version = ? WHERE id = 1", (seen + 1,))


@pytest.fixture(scope="session")
def site(site_env):
    """Base URL of that copy of the site under gunicorn: for browser and load tests."""
    with gunicorn(site_env, workers=2, probe="/kk/") as base:
        yield base


def make_test_edition(nth: int = 1, **extra):
    """A made-up edition of the act ("test-law", then "test-law-2"…) for the importer's tests, with
    titles in kk, ru, en."""
    from law.models import Act, Edition

    suffix = "" if nth == 1 else f" {nth}"
    return Edition.objects.create(
        act=Act.objects.get(slug="ai-law"),
        slug="test-law" if nth == 1 else f"test-law-{nth}",
        kind="law",
        legal_status="in_force",
        title_en=f"Test law{suffix}",
        title_ru=f"Тестовый закон{suffix}",
        title_kk=f"Сынақ заңы{suffix}",
        position=8 + nth,
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


@pytest.fixture
def colleague(monkeypatch):
    """A second editor: the one who reviews and publishes what `editor` wrote."""
    from .admin_forms import PASSWORD

    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("createeditor", "dana", "--no-input", "--email", "dana@example.kz")
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="dana")


@pytest.fixture
def memo(settings, monkeypatch):
    """law.memo on and empty, as in production; the content version read once, then again only
    after this process changed content (or a test forgets it), however slow the machine."""
    from law import memo as content_memo

    settings.CONTENT_MEMO = True
    monkeypatch.setattr(content_memo, "VERSION_TTL_SECONDS", 3600.0)
    content_memo.forget()
    yield
    content_memo.forget()


@pytest.fixture
def page_cache(settings, monkeypatch):
    """The public page cache on and empty, as in production."""
    from django.core.cache import caches

    from lawsite import caching

    settings.PUBLIC_PAGE_CACHE = True
    # However slow the machine, the content version is read once, then again only after this process
    # changed content (forget_state): never because a second went by between two requests.
    monkeypatch.setattr(caching, "VERSION_TTL_SECONDS", 3600.0)
    caches["pages"].clear()
    caching.forget_state()
    yield
    caches["pages"].clear()
