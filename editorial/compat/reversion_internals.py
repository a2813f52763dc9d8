"""django-reversion internals the project uses, written against 6.4 (requirements.txt pins 6.4.0).

law.restore keeps a restore from history in step with what the site shows (cache version, search
index, part rows a later version added). django-reversion has no signal for a revert, so:
- `safe_revert`: reversion's own order of saving a revision's versions, retrying those that fail
  for a missing related record (`reversion.models._safe_revert`).
- `follow(model)`: the relations registered with `follow=` (`reversion.revisions._get_options`).
- `stored_object(version)`: the record as the version stores it (`Version._object_version`).
- `version_model(version)`: the model of the version's record (`Version._model`).
- `Version.revert` and `Revision.revert` are wrapped once at start-up (law.restore).
"""

from __future__ import annotations

from reversion.models import _safe_revert as safe_revert
from reversion.revisions import _get_options

WRITTEN_AGAINST = "6.4"

__all__ = ["WRITTEN_AGAINST", "follow", "safe_revert", "stored_object", "version_model"]


def follow(model) -> tuple[str, ...]:
    return tuple(_get_options(model).follow)


def stored_object(version):
    return version._object_version.object


def version_model(version):
    return version._model
