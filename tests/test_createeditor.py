"""`manage.py createeditor` refuses a name that differs from an existing account's only in capitals or
spaces, and a name that is not a valid one, with a clear message and nothing changed."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db
PASSWORD = "another-long-passphrase-77"


@pytest.fixture
def aigerim(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("createeditor", "aigerim", "--no-input")
    return get_user_model().objects.get(username="aigerim")


@pytest.mark.parametrize("name", ["Aigerim", "AIGERIM", " aigerim", "aigerim ", "aig erim", "aige\trim", "Aig Erim "])
def test_a_name_that_differs_only_in_capitals_or_spaces_is_refused(aigerim, name):
    with pytest.raises(CommandError, match="differs from the existing account 'aigerim' only in capitals or spaces"):
        call_command("createeditor", name, "--no-input")
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["aigerim"]


def test_an_account_whose_name_has_spaces_is_found_too(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    get_user_model().objects.create_user("Dana Ospan", password="dana-own-passphrase-99")
    with pytest.raises(CommandError, match="'danaospan' differs from the existing account 'Dana Ospan'"):
        call_command("createeditor", "danaospan", "--no-input")
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize("name", ["", "   ", "new editor", "new/editor"])
def test_a_name_that_is_not_a_valid_one_is_refused(monkeypatch, name):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="name|letters, numbers"):
        call_command("createeditor", name, "--no-input")
    assert not get_user_model().objects.exists()


def test_the_same_name_exactly_updates_the_editor(aigerim, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-third-long-passphrase-31")
    call_command("createeditor", "aigerim", "--no-input")
    aigerim.refresh_from_db()
    assert aigerim.check_password("a-third-long-passphrase-31")
    call_command("createeditor", "aigerim.n", "--no-input")  # a name that truly differs is another editor
    assert get_user_model().objects.count() == 2
