"""Real-browser tests: a copy of the site served by gunicorn, driven in Debian's Chromium.

The site runs in its own process on its own SQLite file with the shipped content, so what the
browser sees is what a visitor would see. No browser is downloaded: Playwright drives the system
Chromium (/usr/bin/chromium, or $CHROMIUM_PATH). Without it the tests stop with a message that says
how to install it; in CI (CI=true) that is a failure, not a skip.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_INSTALL, CHROMIUM_MISSING

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


def chromium_path():
    """$CHROMIUM_PATH when set (and only it), else Debian's Chromium; None when not there."""
    explicit = os.environ.get("CHROMIUM_PATH")
    candidates = [explicit] if explicit else ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    return next((c for c in candidates if Path(c).exists()), None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


# One Chromium per test file, not per run: Playwright's sync API runs an asyncio event loop in this
# thread while it is started, and Django refuses database calls under a running loop. With
# pytest-xdist a worker may run a database test file after a browser file: by then it has stopped.
@pytest.fixture(scope="module")
def chromium():
    path = chromium_path()
    if path is None:
        message = f"{CHROMIUM_MISSING}: run `{CHROMIUM_INSTALL}` (Debian, as root) or set CHROMIUM_PATH."
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


@pytest.fixture(scope="module", autouse=True)
def site_font_loads(request):
    """Layout and page counts are measured with the site's own font: if it does not load, say so
    plainly here rather than let every print test fail on a page count."""
    browser = request.getfixturevalue("chromium")
    site = request.getfixturevalue("site")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/kk/")
    loaded = page.evaluate(
        "document.fonts.ready.then(() => document.fonts.check('16px \"Site Sans\"', 'Қазақ тілі әғқңөұүһі'))"
    )
    context.close()
    if not loaded:
        pytest.fail("The site's font (static/fonts/, Noto Sans) did not load in Chromium: run `make setup`.")


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


@pytest.fixture
def axe_page(chromium):
    # axe-core is injected by Playwright; the site's own CSP still applies to everything else.
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()
