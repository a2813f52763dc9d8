"""What a next version changes, field by field and word by word, for the reviewer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from editorial.worddiff import same_text, word_diff_html

INLINE_KEY = re.compile(r"^(?P<prefix>.+)-(?P<index>\d+)-(?P<name>[^-]+)$")
NOT_COMPARED = {"id", "DELETE", "loaded_version", "article", "version"}


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


def field_label(model, name: str) -> tuple[str, str]:
    """The field's label in the editor's language, and its language code for translated fields."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001  (a form-only name)
        return name, ""
    lang = getattr(field, "language", None) or ""
    label = str(getattr(field, "translated_field", field).verbose_name)
    return (f"{label} [{lang}]" if lang else label), lang


def shown(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "pk"):
        return str(value.pk)
    return str(value)


TEXT_FIELDS = ("CharField", "TextField", "SlugField")


def same_value(field, old, new: str) -> bool:
    """Whether the posted value means what is stored: dates and numbers are read as the form reads
    them (a date posted as 27.11.2026 is the stored 2026-11-27), texts as readers see them."""
    if field.get_internal_type() in TEXT_FIELDS:
        return same_text(old, new)
    form_field = field.formfield()
    try:
        value = form_field.clean(new) if form_field is not None else new
    except ValidationError:
        return False
    return shown(value) == shown(old) or value == old


def changes_of(model, instance, values: dict[str, str]) -> list[Change]:
    found = []
    for name, new in values.items():
        if name in NOT_COMPARED or name.startswith("_"):
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001
            continue
        old = getattr(instance, field.name, None) if instance is not None else None
        if instance is not None and same_value(field, old, new):
            continue
        if instance is None and not new:
            continue
        label, lang = field_label(model, name)
        found.append(Change(label, word_diff_html(shown(old), new), lang))
    return found


def unticked(form_fields) -> dict[str, str]:
    return {name: "" for name, field in form_fields.items() if isinstance(field, forms.BooleanField)}


def next_version_parts(admin, request, obj, data: dict[str, list[str]]) -> list[Part]:
    """The record's own changes first, then each inline row that is added, removed or changed."""
    own = {key: values[-1] if values else "" for key, values in data.items() if not INLINE_KEY.match(key)}
    # A browser leaves an unticked box out of the form: it means "no", not "unchanged".
    own = {**unticked(admin.get_form(request, obj).base_fields), **own}
    parts = []
    changes = changes_of(type(obj), obj, own)
    if changes:
        parts.append(Part(str(obj), "changed", changes))
    rows: dict[tuple[str, int], dict[str, str]] = {}
    for key, values in data.items():
        match = INLINE_KEY.match(key)
        if match:
            rows.setdefault((match["prefix"], int(match["index"])), {})[match["name"]] = values[-1] if values else ""
    models_by_prefix, boxes_by_prefix = {}, {}
    for formset, inline in admin.get_formsets_with_inlines(request, obj):
        models_by_prefix[formset.get_default_prefix()] = inline.model
        boxes_by_prefix[formset.get_default_prefix()] = unticked(formset.form.base_fields)
    for (prefix, _index), values in sorted(rows.items()):
        model = models_by_prefix.get(prefix)
        if model is None:
            continue
        values = {**boxes_by_prefix[prefix], **values}
        pk = values.get("id")
        live = model._default_manager.filter(pk=pk).first() if pk else None
        if values.get("DELETE"):
            if live is not None:
                parts.append(Part(str(live), "removed", []))
            continue
        if live is None:
            changes = changes_of(model, None, values)
            if changes:
                parts.append(Part(_("New: %(kind)s") % {"kind": model._meta.verbose_name}, "added", changes))
            continue
        changes = changes_of(model, live, values)
        if changes:
            parts.append(Part(str(live), "changed", changes))
    return parts
