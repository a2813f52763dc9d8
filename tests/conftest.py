"""Shared fixtures: the real content/ loaded once into the test database, and small helpers."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from law.content import load

LANGS = [code for code, _name in settings.LANGUAGES]
ROOT = Path(__file__).resolve().parent.parent
EDITOR = ("editor-test", "a-long-editor-passphrase-42")
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(work: Path, **extra) -> dict:
    """The environment of a production-like copy of the site (DEBUG off) working in `work`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="tests-" + "Kq3z" * 12,
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, as behind a TLS-terminating proxy
    )
    env.update(extra)
    return env


# What `make setup` does to a fresh database, for the copies of the site that tests start.
SETUP = (
    ["migrate", "--no-input", "-v0"],
    ["compile_translations"],
    ["collectstatic", "--no-input", "-v0"],
    ["load_content"],
)


def manage(env, *commands):
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)


@contextmanager
def gunicorn(env, workers=1, probe="/robots.txt"):
    """Serve the site with gunicorn on a free loopback port; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lawsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(urllib.request.Request(base + probe, headers={"X-Forwarded-Proto": "https"}))
                break
            except urllib.error.HTTPError:
                break  # it answers, even if with an error page
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the site did not start under gunicorn")
        yield base
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Base URL of a copy of the site under gunicorn (DEBUG off) on its own SQLite file, with the
    shipped content and one editor account: for browser and load tests."""
    work = tmp_path_factory.mktemp("site")
    env = production_env(work, EDITOR_PASSWORD=EDITOR[1])
    manage(env, *SETUP, ["createeditor", EDITOR[0], "--no-input"])
    with gunicorn(env, workers=2, probe="/kk/") as base:
        yield base
    shutil.rmtree(work, ignore_errors=True)
