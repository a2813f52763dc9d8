"""Requests too large to read get the site's own 414 or 431 page, never a server's bare text."""

import socket
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import translation

from .conftest import LANGS

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def heading(status, lang):
    with translation.override(lang):
        return translation.gettext("This address is too long" if status == 414 else "This request is too large")


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_too_long_gets_the_414_page_in_the_visitors_language(lang):
    response = Client().get(f"/{lang}/ai-law/" + "x" * 3000 + "/")
    assert response.status_code == 414
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert heading(414, lang) in body
    assert body.count("<section lang=") == 1


def test_headers_too_large_get_the_431_page():
    response = Client().get("/ru/", HTTP_X_PADDING="p" * 20_000)
    assert response.status_code == 431
    assert heading(431, "ru") in response.content.decode()


def test_ordinary_requests_pass():
    assert Client().get("/en/ai-law/draft-2025/article-15/?" + "a=1&" * 100).status_code == 200


def raw_get(base, target, headers=()):
    """What the server answers to a GET of `target` sent byte for byte (urllib would refuse to)."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=10) as connection:
        lines = [f"GET {target} HTTP/1.1", f"Host: {host}", *headers, "Connection: close", "", ""]
        connection.sendall("\r\n".join(lines).encode("ascii"))
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), head.decode("latin-1"), body.decode("utf-8")


@pytest.mark.system
@pytest.mark.parametrize(
    ("target", "headers", "status"),
    [
        ("/kk/" + "x" * 9000, (), 414),  # beyond what gunicorn reads: its worker answers
        ("/kk/", ("X-Padding: " + "p" * 9000,), 431),
    ],
)
def test_gunicorn_answers_what_it_cannot_read_with_the_sites_page_in_three_languages(site, target, headers, status):
    code, head, body = raw_get(site, target, headers)
    assert code == status
    assert "text/html; charset=utf-8" in head
    assert "<h1><p>" not in body  # gunicorn's own page
    for lang in LANGS:
        assert f'<section lang="{lang}">' in body
        assert heading(status, lang) in body
    assert 'href="/static/' in body  # styled like the site


@pytest.mark.system
def test_under_gunicorn_a_long_address_it_can_read_gets_the_page_in_the_visitors_language(site):
    code, _head, body = raw_get(site, "/ru/" + "x" * 4000)
    assert code == 414
    assert '<html lang="ru">' in body and body.count("<section lang=") == 1
