"""The private internals of Django and django-reversion the project uses (editorial/compat/) are
those of the pinned versions, and still have the shape the code expects. After an upgrade this is
the test that fails first, and it says which module to re-check."""

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from django.db import connection, transaction

from editorial.compat import django_internals, reversion_internals
from law.models import Article

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.backend_agnostic


def pinned(package: str) -> str:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(package)}==(\S+)$", text, re.MULTILINE | re.IGNORECASE).group(1)


@pytest.mark.parametrize(
    ("package", "module"), [("Django", django_internals), ("django-reversion", reversion_internals)]
)
def test_the_internals_were_written_against_the_pinned_version(package, module):
    installed = version(package)
    assert installed == pinned(package)
    assert installed.startswith(module.WRITTEN_AGAINST + "."), (
        f"{package} {installed} is not the {module.WRITTEN_AGAINST} that {module.__name__} was written against: "
        f"re-check each internal it names, then update WRITTEN_AGAINST."
    )


@pytest.mark.django_db
def test_a_callback_scheduled_on_commit_is_seen_as_pending():
    def callback():
        pass

    assert not django_internals.on_commit_pending(connection, callback)
    with transaction.atomic():
        assert not django_internals.on_commit_pending(connection, callback)
        transaction.on_commit(callback)
        assert django_internals.on_commit_pending(connection, callback)


def test_an_app_without_its_models_module_gets_one_for_the_call_only():
    class Config:
        models_module = None

    config = Config()
    with django_internals.permissions_created_during_migration(config):
        assert config.models_module is True
    assert config.models_module is None


def test_no_code_switches_csrf_checks_off():
    """Publishing is an action on stored data (review.actions), never a request replayed past the
    CSRF check. (Open data's read-only API is exempt by design: it answers 405 to a POST.)"""
    found = []
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {".venv", "tests", "node_modules"}:
            continue
        if "_dont_enforce_csrf_checks" in path.read_text(encoding="utf-8"):
            found.append(str(path.relative_to(ROOT)))
    assert found == []


@pytest.mark.django_db
def test_reversions_internals_have_the_shape_restore_uses():
    import reversion
    from reversion.models import Version

    article = Article.objects.first()
    assert "paragraphs" in reversion_internals.follow(Article)
    with reversion.create_revision():
        article.save()
    stored = Version.objects.get_for_object(article).first()
    assert reversion_internals.version_model(stored) is Article
    assert reversion_internals.stored_object(stored).pk == article.pk
    assert callable(reversion_internals.safe_revert)
