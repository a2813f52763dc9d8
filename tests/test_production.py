"""Production settings: secrets from the environment, and CSS served by gunicorn with DEBUG off."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=check
    )


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="test-only-" + "x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    env.update(extra)
    return env


def test_production_refuses_the_development_secret(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", env=env, check=False)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    # As behind the reverse proxy that terminates TLS in production.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_pages_and_css_with_debug_off(tmp_path):
    env = production_env(tmp_path)
    run_manage("migrate", "--no-input", "-v0", env=env)
    run_manage("compile_translations", env=env)
    run_manage("collectstatic", "--no-input", "-v0", env=env)
    run_manage("load_content", env=env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lawsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _headers, body = fetch(f"{base}/en/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start: " + server.stderr.read1().decode())
        assert status == 200
        html = body.decode()
        start = html.index('href="/static/css/site.') + len('href="')
        css_url = html[start : html.index('"', start)]
        assert css_url != "/static/css/site.css", "with DEBUG off the CSS name carries its hash"
        status, headers, css = fetch(base + css_url)
        assert status == 200
        assert b".side-by-side" in css
        assert "max-age=315360000" in headers["Cache-Control"]
        status, _h, body = fetch(f"{base}/kk/ai-law/draft-2025/article-15/")
        assert status == 200 and b'id="official-text"' in body
    finally:
        server.terminate()
        server.wait(10)
