"""What a next version changes, field by field and word by word, for the reviewer: the published
record and its parts beside the next version's model data (review.snapshot)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from editorial.worddiff import same_text, word_diff_html

from . import snapshot

TEXT_FIELDS = ("CharField", "TextField", "SlugField")


@dataclass
class Change:
    label: str
    diff: object  # safe HTML
    lang: str = ""


@dataclass
class Part:
    title: str
    kind: str  # "changed", "added", "removed"
    changes: list[Change]


def field_label(field) -> tuple[str, str]:
    """The field's label in the editor's language, and its language code for translated fields."""
    lang = getattr(field, "language", None) or ""
    label = str(getattr(field, "translated_field", field).verbose_name)
    return (f"{label} [{lang}]" if lang else label), lang


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def same_value(field, old, new) -> bool:
    """Whether two values mean the same to a reader (texts compared as readers see them)."""
    if field.get_internal_type() in TEXT_FIELDS:
        return same_text(old or "", new or "")
    return old == new


def changes_of(model, live, row: dict, key: str | None = None) -> list[Change]:
    """The fields of `row` that differ from the live row (every filled-in field for a new row)."""
    found = []
    for field in snapshot.copied_fields(model):
        if field.name == key or field.name not in row["fields"]:
            continue
        new = snapshot.stored_value(field, row["fields"][field.name])
        old = getattr(live, field.attname) if live is not None else None
        if live is not None and same_value(field, old, new):
            continue
        if live is None and new in (None, "", False):
            continue
        label, lang = field_label(field)
        found.append(Change(label, word_diff_html(shown(old), shown(new)), lang))
    return found


def link_changes(model, live, links: dict) -> list[Change]:
    """The many-to-many links the next version sets differently from the live record."""
    found = []
    for name, pks in links.items():
        field = model._meta.get_field(name)
        present = list(getattr(live, name).all())
        if sorted(obj.pk for obj in present) == sorted(pks):
            continue
        chosen = field.related_model._default_manager.filter(pk__in=pks)
        old, new = (", ".join(str(obj) for obj in objs) for objs in (present, chosen))
        found.append(Change(str(field.verbose_name), word_diff_html(old, new)))
    return found


def kept_fields(model, live, row: dict, key: str | None = None) -> list[Change]:
    """The fields the next version does not carry: they keep their published value (shown)."""
    found = []
    for field in snapshot.missing_fields(model, row, key):
        value = shown(getattr(live, field.attname))
        if value:
            label, lang = field_label(field)
            found.append(Change(label, value, lang))
    return found


def next_version_parts(obj, data: dict) -> list[Part]:
    """The record's own changes first, then each part that is added, removed or changed, and last the
    fields the next version does not carry, which keep their published values."""
    model = type(obj)
    live = model._default_manager.get(pk=obj.pk)
    parts = []
    changes = changes_of(model, live, data["record"])
    if changes:
        parts.append(Part(str(live), "changed", changes))
    links = link_changes(model, live, snapshot.record_links(data))
    if links:
        parts.append(Part(_("Links"), "changed", links))
    kept = kept_fields(model, live, data["record"])
    if kept:
        parts.append(Part(_("Not in this next version: the published value stays"), "kept", kept))
    for part_model, key, group in snapshot.part_groups(data):
        rows = {p.pk: p for p in part_model._default_manager.filter(**{key: obj.pk})}
        kept = set()
        for row in group["rows"]:
            present = rows.get(row["pk"]) if row["pk"] is not None else None
            if present is None:
                changes = changes_of(part_model, None, row, key)
                title = _("New: %(kind)s") % {"kind": part_model._meta.verbose_name}
                parts.append(Part(title, "added", changes))
                continue
            kept.add(present.pk)
            changes = changes_of(part_model, present, row, key)
            if changes:
                parts.append(Part(str(present), "changed", changes))
        for pk, present in rows.items():
            if pk not in kept and pk in set(group.get("known", [])):
                parts.append(Part(str(present), "removed", []))
    return parts
