"""With the database unreachable, visitors get a 503 page in their own language, never a traceback:
whether the outage is first met in a view or in a middleware."""

import urllib.error
import urllib.request

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import translation

from lawsite.views import server_error

from .conftest import LANGS, gunicorn, production_env

# Starts processes of its own: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system

SESSION_COOKIE = "sessionid=" + "k" * 32  # well formed, so the session is looked up in the database


@pytest.fixture(scope="module")
def without_database(tmp_path_factory, collected_static):
    """The environment of a copy of the site whose database server is down."""
    work = tmp_path_factory.mktemp("nodb")
    # A PostgreSQL socket in a folder that does not exist: every connection fails, as when the
    # server is down, and nothing else on this machine can be listening there.
    socket_dir = str(work / "no-postgres-here").replace("/", "%2F")
    return production_env(work, static_root=collected_static, DATABASE_URL=f"postgres://ailaw:ailaw@{socket_dir}/ailaw")


@pytest.fixture(scope="module")
def site_without_database(without_database):
    with gunicorn(without_database) as base:
        yield base


@pytest.fixture(scope="module")
def site_without_database_and_a_middleware_that_reads_it(without_database):
    with gunicorn(dict(without_database, DJANGO_SETTINGS_MODULE="tests.middleware_settings")) as base:
        yield base


def get(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def assert_resting_page(status, headers, body, lang, path):
    assert status == 503, path
    assert f'<html lang="{lang}">' in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    with translation.override(lang):
        assert translation.gettext("The site is resting for a moment") in body


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_answer_503_in_the_visitors_language(site_without_database, lang):
    for path in (f"/{lang}/", f"/{lang}/ai-law/draft-2025/article-3/", f"/{lang}/check/result/?uses_ai=no"):
        assert_resting_page(*get(site_without_database + path), lang, path)


@pytest.mark.parametrize("lang", LANGS)
def test_an_outage_met_in_a_middleware_answers_503_too(site_without_database_and_a_middleware_that_reads_it, lang):
    base = site_without_database_and_a_middleware_that_reads_it
    for path in (f"/{lang}/", f"/{lang}/glossary/"):
        assert_resting_page(*get(base + path, cookie=SESSION_COOKIE), lang, path)
    # The admin has no language in its path: its 503 page is in the site's default language.
    assert_resting_page(*get(base + "/admin/login/", cookie=SESSION_COOKIE), "kk", "/admin/login/")


@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_the_error_handler_answers_503_for_a_database_that_does_not_answer(rf, error):
    try:
        raise error
    except type(error):
        response = server_error(rf.get("/ru/glossary/"))
    assert response.status_code == 503
    assert '<html lang="ru">' in response.content.decode()
    assert response["Retry-After"] == "30"


def test_any_other_error_is_still_a_500(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert '<html lang="en">' in response.content.decode()


@pytest.fixture(scope="module")
def site_with_a_damaged_database(tmp_path_factory, collected_static):
    """A copy of the site whose SQLite file has been overwritten with rubbish."""
    work = tmp_path_factory.mktemp("damaged")
    env = production_env(work, static_root=collected_static)
    (work / "site.sqlite3").write_bytes(b"this is not a database file at all " * 200)
    with gunicorn(env) as base:
        yield base


@pytest.mark.parametrize("lang", LANGS)
def test_a_damaged_database_answers_503_not_500(site_with_a_damaged_database, lang):
    for path in (f"/{lang}/", f"/{lang}/ai-law/law-230-viii/article-3/"):
        assert_resting_page(*get(site_with_a_damaged_database + path), lang, path)


def test_a_mistake_in_a_query_is_still_a_500(rf):
    from django.db import IntegrityError

    try:
        raise IntegrityError("UNIQUE constraint failed")
    except IntegrityError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
