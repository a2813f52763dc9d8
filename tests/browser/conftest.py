"""Real-browser tests: a copy of the site served by gunicorn, driven in Debian's Chromium.

The site runs in its own process on its own SQLite file with the shipped content, so what the
browser sees is what a visitor would see. No browser is downloaded: Playwright drives the system
Chromium (/usr/bin/chromium, or $CHROMIUM_PATH). Without it the tests stop with a message that says
how to install it; in CI (CI=true) that is a failure, not a skip.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
EDITOR = ("editor-test", "a-long-editor-passphrase-42")


def chromium_path():
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed: run `apt-get install chromium` (Debian) or set CHROMIUM_PATH."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is missing: run `make setup` (it is in requirements.txt).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Base URL of a running copy of the site with the shipped content and one editor account."""
    work = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="browser-tests-" + "k" * 40,
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        EDITOR_PASSWORD=EDITOR[1],
    )
    manage = [sys.executable, "manage.py"]
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["compile_translations"],
        ["collectstatic", "--no-input", "-v0"],
        ["load_content"],
        ["createeditor", EDITOR[0], "--no-input"],
    ):
        subprocess.run(manage + args, cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lawsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/kk/", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.terminate()
        pytest.fail("the site did not start under gunicorn")
    yield base
    server.terminate()
    server.wait(10)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()
