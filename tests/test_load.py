"""A bounded load test on loopback: 100 concurrent connections on the main pages, no errors, no 5xx."""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

# Starts processes of its own: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system

BENCH = Path(__file__).resolve().parent.parent / "scripts" / "bench.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_hundred_connections_get_no_errors_and_no_5xx(site):
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            pytest.fail("wrk is needed in CI: apt-get install wrk")
        pytest.skip("wrk is not installed (apt-get install wrk); CI runs this test")
    result = load_bench().run_load(site, 10)
    assert result["requests"] > 1000
    assert result["socket_errors"] == 0
    assert result["non_2xx_3xx"] == 0
    assert result["5xx"] == 0
