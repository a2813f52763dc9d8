"""What the test suite itself tells a new user: a run without Chromium says so in one closing line."""

import os
import subprocess
import sys

import pytest

from .conftest import CHROMIUM_INSTALL, ROOT

# Starts processes of its own: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system


def test_a_run_without_chromium_ends_with_one_line_on_what_to_install():
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env["CHROMIUM_PATH"] = str(ROOT / "no-such-chromium")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser/test_glossary_popup.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    assert "browser tests skipped" in last and CHROMIUM_INSTALL in last, last
    count = int(last.split()[0])
    assert count > 0 and f"{count} skipped" in result.stdout
