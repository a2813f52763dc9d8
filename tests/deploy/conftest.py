"""The production-topology test runs only under `make test-deploy` (it starts nginx, PostgreSQL,
Redis and two gunicorn instances of its own, as root, on loopback)."""

import os

import pytest

REASON = "the production-topology test runs with `make test-deploy` (RUN_DEPLOY_TEST=1), which .ci/run calls"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("RUN_DEPLOY_TEST") == "1":
        return
    for item in items:
        if "tests/deploy/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.skip(reason=REASON))
