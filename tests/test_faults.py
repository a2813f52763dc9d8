"""With the database unreachable, visitors get a 503 page in their own language, never a traceback."""

import urllib.error
import urllib.request

import pytest
from django.utils import translation

from .conftest import gunicorn, manage, production_env


@pytest.fixture(scope="module")
def site_without_database(tmp_path_factory):
    work = tmp_path_factory.mktemp("nodb")
    # Nothing listens on port 1: every connection is refused, as when the server is down.
    env = production_env(work, DATABASE_URL="postgres://ailaw:ailaw@127.0.0.1:1/ailaw")
    manage(env, ["collectstatic", "--no-input", "-v0"], ["compile_translations"])
    with gunicorn(env) as base:
        yield base


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_public_pages_answer_503_in_the_visitors_language(site_without_database, lang):
    for path in (f"/{lang}/", f"/{lang}/ai-law/draft-2025/article-3/", f"/{lang}/check/result/?uses_ai=no"):
        status, headers, body = get(site_without_database + path)
        assert status == 503, path
        assert f'<html lang="{lang}">' in body
        assert "Traceback" not in body and "OperationalError" not in body
        assert headers["Retry-After"] == "30"
        with translation.override(lang):
            assert translation.gettext("The site is resting for a moment") in body
