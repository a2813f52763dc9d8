"""No test may pass only before some date (a "time bomb"): the tests that read the date or the clock,
marked `time_sensitive`, run again here with the clock a year ahead (tests/conftest.py,
TESTS_CLOCK_AHEAD_DAYS). A test that checks something about a date sets that date itself, or derives
it from now."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from .conftest import ROOT

# A process of its own, on SQLite like the SQLite phase: runs once (make test-postgres leaves it out).
pytestmark = pytest.mark.system
AHEAD_DAYS = 366


def test_the_time_sensitive_tests_pass_with_the_clock_a_year_ahead():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "DATABASE_URL")}
    env["TESTS_CLOCK_AHEAD_DAYS"] = str(AHEAD_DAYS)
    ahead = datetime.now(UTC).date() + timedelta(days=AHEAD_DAYS)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-m", "time_sensitive", "tests"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    report = result.stdout[-4000:]
    assert result.returncode == 0, report
    # The run's own header says where its clock was: a year ahead of this one (give or take midnight).
    moved = [line for line in result.stdout.splitlines() if line.startswith("clock moved")]
    assert moved, result.stdout[:2000]
    assert any(f"today is {ahead - timedelta(days=d)}" in moved[0] for d in (0, -1)), moved[0]
    assert " passed" in report and " failed" not in report
