"""A site installed before the official text left the content files upgrades with `make setup`: its
last load's record is carried over to today's way of writing the files (law/migrations/0015), unless
an editor changed the database since, whose work is then kept, as always."""

import importlib

import pytest
from django.apps import apps

from content_io import database_hash, load
from content_io.export import export_files
from content_io.load import LoadConflict
from law.models import Article, ContentLoad

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("law.migrations.0015_content_hash_without_official_text")


def loaded_before_the_change():
    """The record a load made before: the files of then (other), the database as then written."""
    ContentLoad.objects.create(files_hash="0" * 64, db_hash=database_hash(export_files(with_official_text=True)))


def test_an_unedited_database_loads_the_new_files():
    loaded_before_the_change()
    MIGRATION.carry_the_hash_over(apps, None)
    assert ContentLoad.objects.first().db_hash == database_hash()
    assert load().action == "loaded"


def test_an_editors_change_since_the_last_load_is_still_kept():
    loaded_before_the_change()
    Article.objects.filter(edition__slug="law-230-viii", number="5").update(summary_en="An editor's change.")
    MIGRATION.carry_the_hash_over(apps, None)
    assert ContentLoad.objects.first().db_hash != database_hash()
    with pytest.raises(LoadConflict):
        load()
    assert Article.objects.get(edition__slug="law-230-viii", number="5").summary_en == "An editor's change."
