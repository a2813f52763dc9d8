"""Every interface string exists in kk, ru and en; none is silently shown in another language."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = pytest.mark.backend_agnostic

ROOT = Path(__file__).resolve().parent.parent
LANGS = [code for code, _name in settings.LANGUAGES]


def catalog(lang, domain="django"):
    with (ROOT / "locale" / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_is_translated_and_not_fuzzy(lang):
    messages = [m for m in catalog(lang) if m.id]
    assert messages, "the catalogue is empty"
    untranslated = [m.id for m in messages if not (all(m.string) if m.pluralizable else m.string)]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert untranslated == [], f"untranslated in {lang}: {untranslated[:10]}"
    assert fuzzy == [], f"fuzzy in {lang}: {fuzzy[:10]}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translations_are_not_left_in_english(lang):
    same = [
        m.id
        for m in catalog(lang)
        if m.id and isinstance(m.id, str) and m.string == m.id and any(c.isalpha() for c in m.id)
    ]
    allowed = {"English", "AI", "Adilet", "adilet.zan.kz"}
    assert [s for s in same if s not in allowed] == []


def test_english_catalogue_has_every_message():
    """The source strings are English: en.po may leave msgstr empty, but lists every message."""
    assert {m.id for m in catalog("en") if m.id} == {m.id for m in catalog("kk") if m.id}


def test_kazakh_uses_its_own_letters():
    text = " ".join(m.string if isinstance(m.string, str) else " ".join(m.string) for m in catalog("kk") if m.id)
    assert set("әғқңөұүі") <= set(text.lower())


TOP_LEVEL_SKIPPED = {".venv", ".git", "staticfiles", "node_modules", "content", "docs"}


def skip_in_copy(folder, names):
    """What the copy leaves out: big or irrelevant top-level folders (not content_io/, which is code)."""
    top = {n for n in names if n in TOP_LEVEL_SKIPPED} if folder == str(ROOT) else set()
    return top | {n for n in names if n.endswith(".sqlite3")}


@pytest.mark.system
def test_no_string_in_the_code_is_missing_from_the_catalogues(tmp_path):
    """Extract strings afresh (like `make messages`) and compare with what locale/ has."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (GNU gettext) is needed in CI: apt-get install gettext")
        pytest.skip("GNU gettext's xgettext is not installed (apt-get install gettext); CI runs this test")
    # makemessages writes into the locale/ folder of the tree it scans, so it scans a copy.
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=skip_in_copy,
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_LOCALE_PATHS_OVERRIDE"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "kk", "--no-location", "--no-obsolete",
         "--ignore", "tests/*"],
        cwd=copy, env=env, check=True, capture_output=True,
    )  # fmt: skip
    work = copy / "locale"
    with (work / "kk" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        fresh = {m.id for m in read_po(handle) if m.id}
    known = {m.id for m in catalog("kk") if m.id}
    missing = sorted(str(m) for m in fresh - known)
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"
