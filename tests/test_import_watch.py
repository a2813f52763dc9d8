"""The daily amendment watch imports without anyone looking: a fetched text that looks like part of
the law or another edition (most articles missing) is not imported, and the watch says why."""

import pytest
from django.core.management.base import CommandError

from law.models import Article

from .official_documents import fixture_lines
from .test_official_fetch import edition, fetch, serve_law, server, state, watch  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def test_the_watch_does_not_import_a_text_that_lacks_most_articles(edition, server):  # noqa: F811
    serve_law(server)
    fetch()
    lines = fixture_lines("ru")
    body = max(i for i, line in enumerate(lines) if line.startswith("Глава 2."))
    serve_law(server, {"ru": lines[:5] + lines[body:]})  # the title, then chapter 2 only
    before = state()
    with pytest.raises(CommandError) as caught:
        watch()
    assert "test-law (ru)" in str(caught.value) and "looks like part of the law or another edition" in str(caught.value)
    assert state() == before
    assert Article.objects.get(edition=edition, number="1").paragraphs.exclude(official_text_ru="").exists()
