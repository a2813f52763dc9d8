"""django-reversion internals the project uses, written against 6.4 (requirements.txt pins 6.4.0).

law.restore keeps a restore from history in step with what the site shows (cache version, search
index, part rows a later version added). django-reversion has no signal for a revert, so:
- `safe_revert`: reversion's own order of saving a revision's versions, retrying those that fail
  for a missing related record (`reversion.models._safe_revert`).
- `follow(model)`: the relations registered with `follow=` (`reversion.revisions._get_options`);
  `part_relations(model)`: those of them that are a record's parts (rows with a key to it).
- `stored_object(version)`: the record as the version stores it (`Version._object_version`).
- `version_model(version)`: the model of the version's record (`Version._model`).
- `Version.revert` and `Revision.revert` are wrapped once at start-up (law.restore).
"""

from __future__ import annotations

from django.db import models
from reversion.models import _safe_revert as safe_revert
from reversion.revisions import _get_options

WRITTEN_AGAINST = "6.4"

__all__ = ["WRITTEN_AGAINST", "follow", "part_relations", "safe_revert", "stored_object", "version_model"]


def follow(model) -> tuple[str, ...]:
    return tuple(_get_options(model).follow)


def part_relations(model) -> list[tuple[type, models.ForeignKey]]:
    """(part model, its key to the record) for each kind of part kept with the record's versions."""
    found = []
    for name in follow(model):
        relation = model._meta.get_field(name)
        if isinstance(relation, models.ManyToOneRel):
            found.append((relation.related_model, relation.field))
    return found


def stored_object(version):
    return version._object_version.object


def version_model(version):
    return version._model
