"""Backups: the content exported to files (`manage.py export_content --dir`) restores into an empty
database with the same pages, an editor's change included (#23 item 3). Each step runs as the
operator would run it, as its own process against its own database file."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Starts processes of its own: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/kk/",
    "/ru/ai-law/law-230-viii/",
    "/en/ai-law/law-230-viii/article-16/",
    "/kk/ai-law/draft-2025/article-18/",
    "/ru/glossary/",
    "/en/check/result/?uses_system=yes&decided_about=no&runs_system=no&builds=no&holds_data=no&made_data=no",
    "/kk/ai-law/draft-to-law/",
]
RENDER = """
import hashlib, re, sys
import django
django.setup()
from django.test import Client
client = Client()
for path in sys.argv[1:]:
    response = client.get(path)
    body = re.sub(rb'csrfmiddlewaretoken" value="[^"]+"', b"", response.content)
    print(path, response.status_code, hashlib.sha256(body).hexdigest())
"""
EDIT = """
import django
django.setup()
import reversion
from law.models import Article
article = Article.objects.get(edition__slug="law-230-viii", number="16")
with reversion.create_revision():
    article.summary_en = article.summary_en + " An editor's sentence added after the last release."
    article.save()
"""


def run(database: Path, *args, env_extra=None):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "lawsite.settings"}
    env.update(env_extra or {})
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def pages(database: Path) -> list[str]:
    return run(database, "-c", RENDER, *PAGES).splitlines()


def test_exported_content_restores_into_an_empty_database_with_the_same_pages(tmp_path):
    live, restored, backup = tmp_path / "live.db", tmp_path / "restored.db", tmp_path / "backup"
    run(live, "manage.py", "migrate", "--no-input", "-v0")
    run(live, "manage.py", "load_content")
    run(live, "-c", EDIT)  # an editor's change, made in the admin after the release
    run(live, "manage.py", "export_content", "--dir", str(backup))
    assert (backup / "ai-law" / "law-230-viii" / "article-16" / "en.toml").exists()
    run(restored, "manage.py", "migrate", "--no-input", "-v0")
    run(restored, "manage.py", "load_content", "--dir", str(backup))
    before, after = pages(live), pages(restored)
    assert len(before) == len(PAGES) and all(" 200 " in line for line in before), before
    assert after == before
    assert "An editor's sentence" in (backup / "ai-law" / "law-230-viii" / "article-16" / "en.toml").read_text()
    # And the restored database is a database like any other: its own export is the same files.
    again = tmp_path / "again"
    run(restored, "manage.py", "export_content", "--dir", str(again))
    digest = lambda root: {  # noqa: E731
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*.toml")
    }
    assert digest(again) == digest(backup)
