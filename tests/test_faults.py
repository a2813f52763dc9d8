"""With the database unreachable, visitors get a 503 page in their own language, never a traceback."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site_without_database(tmp_path_factory):
    work = tmp_path_factory.mktemp("nodb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="f" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(work / "static"),
        # Nothing listens on port 1: every connection is refused, as when the server is down.
        DATABASE_URL="postgres://ailaw:ailaw@127.0.0.1:1/ailaw",
    )
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "compile_translations"], cwd=ROOT, env=env, check=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lawsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(10)


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
