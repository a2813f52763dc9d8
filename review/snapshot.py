"""A next version as model data: the record and its parts (an article's paragraphs, rights and
duties) as they will be once it is published, whatever the admin's form looks like.

Wagtail keeps a page's next revision as the page's own serialized data, not as the form that made
it; so does this. The form checks the data when the editor saves it (editors.admin.review); from then on the
next version is rows of fields, by model field name:

    {"format": 2,
     "record": {"pk": 16, "fields": {...}},
     "parts": [{"model": "law.paragraph", "key": "article", "known": [pks of the live rows then],
                "rows": [{"pk": 5, "fields": {...}}, {"pk": null, "fields": {...}} (a new row)]}]}

Each row keeps the `version` its live row had when the next version was saved: if the live record
or any part changed since (an import, a restore), the next version is stale and is not published
over it (the editor sees why and discards it). Live parts that are not in `rows` are removed on
publishing; a live part that is neither in `rows` nor in `known` was added since, and makes the
next version stale too.

What is copied onto the live record is every editable field but its key, its publishing status (a
decision of review, not part of a version) and modeltranslation's untranslated original field (a
view of the active language's column); the rest (version, rendered HTML, language changes) follows
from an ordinary save, as if an editor had typed the text.
"""

from __future__ import annotations

import copy
import json

from django.apps import apps
from django.core import serializers
from django.db import transaction

FORMAT = 2
NOT_PART_OF_A_VERSION = {"status"}


class Stale(Exception):
    """The live record or one of its parts changed after its next version was saved."""


def is_snapshot(data) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


# --------------------------------------------------------------------------- saving


def serialized(obj) -> dict:
    """The whole record, every field of the model (a field the form did not show keeps the value the
    record had), but the official text, which is the importer's alone."""
    if hasattr(obj, "normalise_line_ends"):
        obj.normalise_line_ends()  # text as readers see it (EditableContent), whatever the browser sent
    row = json.loads(serializers.serialize("json", [obj]))[0]
    imported = imported_columns(type(obj))
    return {"pk": row["pk"], "fields": {name: value for name, value in row["fields"].items() if name not in imported}}


def capture(record, formsets, links: dict | None = None) -> dict:
    """The next version as the editor's checked form and inline formsets would save it; `links` are the
    form's many-to-many fields ({name: [pks]}: a concordance row's articles), kept apart from the
    fields so that only links an editor could choose are ever set on publishing."""
    parts = []
    for formset in formsets:
        rows = []
        for form in formset.forms:
            if not hasattr(form, "cleaned_data"):
                continue  # an empty extra row, never filled in
            if formset.can_delete and form.cleaned_data.get("DELETE"):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            rows.append(serialized(form.instance))
        key = formset.fk.name
        known = formset.model._default_manager.filter(**{key: record.pk}).values_list("pk", flat=True)
        parts.append({"model": formset.model._meta.label_lower, "key": key, "known": list(known), "rows": rows})
    row = serialized(record)
    if links:
        row["links"] = {name: sorted(pks) for name, pks in links.items()}
    return {"format": FORMAT, "record": row, "parts": parts}


def form_links(form) -> dict:
    """The many-to-many fields the form offered, as chosen: {name: [pks]}."""
    cleaned = getattr(form, "cleaned_data", {})
    names = [field.name for field in form._meta.model._meta.many_to_many if field.name in form.fields]
    return {name: [obj.pk for obj in cleaned[name]] for name in names if name in cleaned}


def of_record(record) -> dict:
    """A next version that is the live record as it is, its parts left as they are."""
    return {"format": FORMAT, "record": serialized(record), "parts": []}


def with_values(live, data: dict, values: dict) -> dict:
    """The next version with some of the record's own fields set (by field name)."""
    staged = as_next_version(live, data)
    for name, value in values.items():
        setattr(staged, name, value)
    stored = serialized(staged)["fields"]
    record = {**data["record"], "fields": {**data["record"]["fields"], **{name: stored[name] for name in values}}}
    return {**data, "record": record}


# --------------------------------------------------------------------------- reading


def translated_originals(model) -> set[str]:
    """modeltranslation's original fields (`summary` beside `summary_kk`…): never copied."""
    try:
        from modeltranslation.translator import NotRegistered, translator
    except ImportError:  # pragma: no cover  (modeltranslation is in requirements.txt)
        return set()
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def imported_columns(model) -> set[str]:
    """The official text's columns, which only its importer writes (editorial.models.EditableContent)."""
    columns = getattr(model, "imported_columns", None)
    return columns() if columns is not None else set()


def copied_fields(model) -> list:
    """The fields a next version sets on the live row: never its publishing status nor the official text."""
    skipped = translated_originals(model) | NOT_PART_OF_A_VERSION | imported_columns(model)
    return [f for f in model._meta.concrete_fields if f.editable and not f.primary_key and f.name not in skipped]


def stored_value(field, stored):
    if field.is_relation:
        return None if stored is None else field.target_field.to_python(stored)
    return field.to_python(stored)


def with_fields(obj, row: dict, *, key: str | None = None):
    """`obj` with the row's stored fields set (fields the model no longer has are left out)."""
    for field in copied_fields(type(obj)):
        if field.name == key or field.name not in row["fields"]:
            continue
        setattr(obj, field.attname, stored_value(field, row["fields"][field.name]))
    return obj


def record_links(data: dict) -> dict:
    """The next version's many-to-many links by field name ({} when it carries none)."""
    return data["record"].get("links", {})


def missing_fields(model, row: dict, key: str | None = None) -> list:
    """The fields a next version's row does not carry (saved before the model had them): publishing
    keeps their live values."""
    return [field for field in copied_fields(model) if field.name != key and field.name not in row["fields"]]


def stored_version(row: dict):
    return row["fields"].get("version")


def record_fields(data: dict) -> dict:
    """The record's own fields, by name, as the next version stores them."""
    return data["record"]["fields"]


def part_groups(data: dict):
    """(model, key, group) for each kind of part the next version holds, models that exist only."""
    for group in data.get("parts", []):
        try:
            model = apps.get_model(group["model"])
        except LookupError:
            continue
        yield model, group["key"], group


def as_next_version(live, data: dict):
    """An unsaved copy of the live record with the next version's own fields, at the version it was
    written against (a form opened on it is refused if the live record has moved on since)."""
    return at_stored_version(with_fields(copy.copy(live), data["record"]), data["record"])


def at_stored_version(obj, row: dict):
    if stored_version(row) is not None:
        obj.version = stored_version(row)
    return obj


def parts_as_next_version(data: dict, model, record_pk) -> tuple[list, list] | None:
    """The parts of one kind as the next version has them: (existing rows, new rows), unsaved;
    None for a kind of part the next version does not hold."""
    for part_model, key, group in part_groups(data):
        if part_model is not model:
            continue
        live = {obj.pk: obj for obj in model._default_manager.filter(**{key: record_pk})}
        existing, new = [], []
        for row in group["rows"]:
            if row["pk"] is not None and row["pk"] in live:
                existing.append(at_stored_version(with_fields(copy.copy(live[row["pk"]]), row, key=key), row))
            elif row["pk"] is None:
                new.append(with_fields(model(**{model._meta.get_field(key).attname: record_pk}), row, key=key))
        return existing, new
    return None


# --------------------------------------------------------------------------- staleness and publishing


def why_stale(model, pk, data: dict) -> str | None:
    """What changed on the live side since the next version was saved (None: nothing)."""
    live_version = model._default_manager.filter(pk=pk).values_list("version", flat=True).first()
    if live_version != stored_version(data["record"]):
        return "record"
    for part_model, key, group in part_groups(data):
        live = dict(part_model._default_manager.filter(**{key: pk}).values_list("pk", "version"))
        known = set(group.get("known", []))
        if set(live) - known:
            return f"{group['model']}: added"
        for row in group["rows"]:
            if row["pk"] is None:
                continue
            if row["pk"] not in live:
                return f"{group['model']} {row['pk']}: removed"
            if live[row["pk"]] != stored_version(row):
                return f"{group['model']} {row['pk']}: changed"
    return None


def apply(obj, data: dict):
    """Make the live record and its parts what the next version holds, in one transaction.

    Raises Stale (nothing saved) when the live side changed since the next version was saved; the
    saves themselves check the versions again (EditableContent's UPDATE), so nothing slips between.
    """
    model = type(obj)
    with transaction.atomic():
        record = model._default_manager.select_for_update().get(pk=obj.pk)
        stale = why_stale(model, obj.pk, data)
        if stale:
            raise Stale(stale)
        with_fields(record, data["record"]).save()
        for name, pks in data["record"].get("links", {}).items():
            getattr(record, name).set(pks)
        groups = list(part_groups(data))
        kept = {}
        for part_model, key, group in groups:
            live = {p.pk: p for p in part_model._default_manager.filter(**{key: obj.pk})}
            attname = part_model._meta.get_field(key).attname
            kept[part_model] = set()
            for row in group["rows"]:
                part = live.get(row["pk"]) if row["pk"] is not None else part_model(**{attname: obj.pk})
                with_fields(part, row, key=key).save()
                kept[part_model].add(part.pk)
        for part_model, key, _group in reversed(groups):  # rights and duties before the paragraphs they point to
            removed = part_model._default_manager.filter(**{key: obj.pk}).exclude(pk__in=kept[part_model])
            for part in removed:
                part.delete()
        return record


def rebased(model, pk, data: dict) -> dict:
    """The next version read from an old copy (a restore from history) made to apply to what is
    live now: each row takes its live row's version; a part the live record no longer has is new."""
    data = json.loads(json.dumps(data))
    live_version = model._default_manager.filter(pk=pk).values_list("version", flat=True).first()
    data["record"]["fields"]["version"] = live_version
    for part_model, key, group in part_groups(data):
        live = dict(part_model._default_manager.filter(**{key: pk}).values_list("pk", "version"))
        group["known"] = list(live)
        for row in group["rows"]:
            if row["pk"] in live:
                row["fields"]["version"] = live[row["pk"]]
            else:
                row["pk"] = None
                row["fields"]["version"] = 0
    return data
