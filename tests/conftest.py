"""Shared fixtures: the real content/ loaded once into the test database, and small helpers."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from law.content import load

LANGS = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test that uses the database starts from the shipped content (rolled back after)."""
    with django_db_blocker.unblock():
        load(force=True)


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode("utf-8"), "html.parser")


def visible_text(node) -> str:
    return " ".join(node.get_text(" ").split())
