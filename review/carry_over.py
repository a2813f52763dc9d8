"""A stale next version carried over onto the published record as it is now.

A next version is stale when the published record changed after it was saved: an import of the
official text flagged it for review, or another editor published something. Publishing it as it is
would undo that change, so it is refused. Carrying it over keeps both: the fields the next version
changed (compared with the published record it was written against, `Draft.base`) take the next
version's value; every other field takes today's published value. A field both sides changed, each to
something else, is a real conflict: nothing is carried over, and the editor copies by hand.

Rows of parts (an article's paragraphs, rights and duties) are merged the same way, by their key;
rows the editor added stay added, rows published since are kept, and a row one side removed while
the other changed it is a conflict.
"""

from __future__ import annotations

import copy

from editorial.compat.reversion_internals import part_relations as relations_of_parts

from . import snapshot
from .compare import field_label


class Conflict(Exception):
    """Both the next version and the published record changed the same field differently."""

    def __init__(self, places: list[str]):
        super().__init__(", ".join(places))
        self.places = places


def part_relations(model) -> list[tuple[type, str]]:
    """(part model, the name of its key to the record) for each kind of part kept with the record."""
    return [(part_model, key.name) for part_model, key in relations_of_parts(model)]


def whole(record) -> dict:
    """The published record and all its parts, as model data: what a next version is written against."""
    parts = []
    for part_model, key in part_relations(type(record)):
        rows = [snapshot.serialized(row) for row in part_model._default_manager.filter(**{key: record.pk})]
        parts.append({"model": part_model._meta.label_lower, "key": key, "rows": rows})
    return {"format": snapshot.FORMAT, "record": snapshot.serialized(record), "parts": parts}


def field_names(model, key: str | None = None) -> list[str]:
    return [f.name for f in snapshot.copied_fields(model) if f.name != key]


def merged_fields(model, mine: dict, base: dict, now: dict, where: str, conflicts: list, key=None) -> dict:
    """Each field: mine where I changed it, today's published value elsewhere."""
    result = dict(now)
    for name in field_names(model, key):
        if name not in mine:
            continue
        if mine[name] == base.get(name):
            continue  # I did not change it: today's value
        if now.get(name) != base.get(name) and now.get(name) != mine[name]:
            conflicts.append(f"{where}: {field_label(model._meta.get_field(name))[0]}")
            continue
        result[name] = mine[name]
    return result


def differs(model, a: dict, b: dict, key=None) -> bool:
    return any(a.get(name) != b.get(name) for name in field_names(model, key))


def carried_over(record, data: dict, base: dict) -> dict:
    """The next version `data` made to apply to `record` as published now; raises Conflict."""
    model = type(record)
    now = whole(record)
    conflicts: list[str] = []
    result = copy.deepcopy(data)
    result["record"]["fields"] = merged_fields(
        model, data["record"]["fields"], base["record"]["fields"], now["record"]["fields"], str(record), conflicts
    )
    base_parts = {group["model"]: {row["pk"]: row["fields"] for row in group["rows"]} for group in base["parts"]}
    now_parts = {group["model"]: {row["pk"]: row["fields"] for row in group["rows"]} for group in now["parts"]}
    for part_model, key, group in snapshot.part_groups(result):
        label = group["model"]
        before, today = base_parts.get(label, {}), now_parts.get(label, {})
        rows, mine = [], {row["pk"] for row in group["rows"] if row["pk"] is not None}
        for row in group["rows"]:
            where = f"{part_model._meta.verbose_name} {row['pk'] or '+'}"
            if row["pk"] is None:
                rows.append(row)  # added by me
            elif row["pk"] not in today:  # removed on the published side since
                if row["pk"] in before and differs(part_model, row["fields"], before[row["pk"]], key):
                    conflicts.append(where)
            else:
                start = before.get(row["pk"], today[row["pk"]])
                fields = merged_fields(part_model, row["fields"], start, today[row["pk"]], where, conflicts, key)
                rows.append({"pk": row["pk"], "fields": fields})
        for pk, fields in before.items():  # removed by me: only if nobody changed it since
            if pk not in mine and pk in today and differs(part_model, today[pk], fields, key):
                conflicts.append(f"{part_model._meta.verbose_name} {pk}")
        for pk, fields in today.items():  # published since I started: kept
            if pk not in before and pk not in mine:
                rows.append({"pk": pk, "fields": fields})
        group["rows"], group["known"] = rows, list(today)
    if conflicts:
        raise Conflict(conflicts)
    return result
