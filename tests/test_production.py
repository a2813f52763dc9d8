"""Production settings served by gunicorn with DEBUG off: pages, and CSS under hashed names.

The copy is the one the browser tests use (`site` in tests/conftest.py: DEBUG off, the static files
collected as production collects them). That production refuses the development secret is tested in
test_security.py; the same pages through nginx over HTTPS in tests/deploy/test_topology.py.
"""

import urllib.request

import pytest

# Uses a copy of the site served by gunicorn: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system


def fetch(url):
    # As behind the reverse proxy that terminates TLS in production.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_pages_and_css_with_debug_off(site):
    status, _headers, body = fetch(f"{site}/en/")
    assert status == 200
    html = body.decode()
    start = html.index('href="/static/css/site.') + len('href="')
    css_url = html[start : html.index('"', start)]
    assert css_url != "/static/css/site.css", "with DEBUG off the CSS name carries its hash"
    status, headers, css = fetch(site + css_url)
    assert status == 200
    assert b".side-by-side" in css
    assert "max-age=315360000" in headers["Cache-Control"]
    status, _h, body = fetch(f"{site}/kk/ai-law/draft-2025/article-15/")
    assert status == 200 and b'id="official-text"' in body


def test_pages_reached_over_https_send_hsts_for_a_year_and_plain_http_does_not(site):
    """Production's own setting, as served (behind the TLS proxy, which says so in X-Forwarded-Proto)."""
    _status, headers, _body = fetch(f"{site}/en/")
    hsts = headers["Strict-Transport-Security"]
    assert int(hsts.split(";")[0].removeprefix("max-age=")) >= 365 * 24 * 3600, hsts
    with urllib.request.urlopen(f"{site}/en/", timeout=10) as response:  # no proxy header: plain HTTP
        assert response.headers["Strict-Transport-Security"] is None
