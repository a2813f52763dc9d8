"""Django internals the project uses, written against Django 5.2 (requirements.txt pins 5.2.19).

- `on_commit_pending`: whether a callback is already scheduled for the end of the present
  transaction (law.signals bumps the site's version once per transaction). Reads
  `connection.run_on_commit`, a list of (savepoint ids, callback, robust) tuples.
- `permissions_created_during_migration`: `create_permissions` skips an app whose models module is
  not loaded, which is the case for every app inside a migration (law.roles makes the editors'
  group there). Sets `AppConfig.models_module` for the call.
"""

from __future__ import annotations

from contextlib import contextmanager

WRITTEN_AGAINST = "5.2"


def on_commit_pending(connection, callback) -> bool:
    return connection.in_atomic_block and any(entry[1] is callback for entry in connection.run_on_commit)


@contextmanager
def permissions_created_during_migration(config):
    stub = getattr(config, "models_module", None) is None
    if stub:
        config.models_module = True
    try:
        yield
    finally:
        if stub:
            config.models_module = None
