"""Production settings served by gunicorn with DEBUG off: pages, and CSS under hashed names.

(That production refuses the development secret is tested in test_security.py.)
"""

import urllib.request

from .conftest import SETUP, gunicorn, manage, production_env


def production(tmp_path, **extra):
    return production_env(tmp_path, DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE_SSL_REDIRECT="1", **extra)


def fetch(url):
    # As behind the reverse proxy that terminates TLS in production.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_pages_and_css_with_debug_off(tmp_path):
    env = production(tmp_path)
    manage(env, *SETUP)
    with gunicorn(env) as base:
        status, _headers, body = fetch(f"{base}/en/")
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
