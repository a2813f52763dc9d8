"""History in the editors' admin: what changed between two versions of a record, word by word.

- The history page lists every stored version with who saved it and what changed. A version saved
  without a comment (a list action that only set the publishing status, a save from a script) is
  described from the stored versions themselves: "Status: Published → Draft", never a blank row.
- Two versions can be compared (radio buttons "from" and "to", a plain GET form): the compare page
  shows, for each field and each language, the words removed and added, and for a record that keeps
  its parts in its history (an article's paragraphs and rights and duties) the same for each part,
  with parts added or removed shown as such.
- The page that restores a version first shows what the restore will change in the present text,
  and says that the publishing status stays as it is (law.restore keeps it). It restores the record
  and its parts only, not the other records saved in the same revision (a load saves them all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from reversion.errors import RevertError
from reversion.models import Version

from editorial.history import BOOKKEEPING
from editorial.languages import LANGUAGE_CODES
from editorial.worddiff import same_text, word_diff_html
from law.restore import part_relations, restoring_only

from .history_events import event

# Fields whose change is a publishing decision, named in the history even without a comment.
STATUS_FIELDS = ("status", "last_checked")
# Fields an automatic save sets: never shown as a change.
AUTOMATIC = ("updated_at",)


# --------------------------------------------------------------------------- what a version holds


@dataclass
class Snapshot:
    """A record's fields at one moment ({attname: value}), and those of its parts: {part model: {pk: values}}
    (read when first asked for: the history page needs them only for versions saved without a comment)."""

    model: type
    values: dict
    read_parts: Callable[[], dict[type, dict[str, dict]]] = dict

    @cached_property
    def parts(self) -> dict[type, dict[str, dict]]:
        return self.read_parts()


def stored_values(version: Version) -> dict | None:
    """A version's fields; None when it can no longer be read (stored by an older form of the model)."""
    try:
        return dict(version.field_dict)
    except (RevertError, LookupError, ValueError):
        return None


def version_snapshot(version: Version) -> Snapshot:
    """A stored version, with the parts stored in the same revision (raises RevertError if unreadable)."""
    model = version._model

    def read_parts():
        found = {}
        relations = part_relations(model)
        type_ids = {part_model: ContentType.objects.get_for_model(part_model).pk for part_model, _key in relations}
        stored = list(version.revision.version_set.filter(content_type_id__in=type_ids.values())) if relations else []
        for part_model, key in relations:
            type_id = type_ids[part_model]
            found[part_model] = {}
            for part in stored:
                values = stored_values(part) if part.content_type_id == type_id else None
                if values is not None and str(values.get(key)) == str(version.object_id):
                    found[part_model][part.object_id] = values
        return found

    return Snapshot(model, dict(version.field_dict), read_parts)


def record_values(record) -> dict:
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}


def present_snapshot(record) -> Snapshot:
    """The record as the database holds it now, with its parts."""

    def read_parts():
        found = {}
        for part_model, key in part_relations(type(record)):
            rows = part_model._default_manager.filter(**{key: record.pk})
            found[part_model] = {str(part.pk): record_values(part) for part in rows}
        return found

    return Snapshot(type(record), record_values(record), read_parts)


# --------------------------------------------------------------------------- what changed


def language_name(lang: str) -> str:
    return get_language_info(lang)["name_translated"]


def shown_fields(model) -> list[tuple[models.Field, str]]:
    """(field, label) for each field an editor writes, one per language for translated ones, in form order."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    shown = []
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, TranslationField) or model_field.primary_key or not model_field.editable:
            continue
        if model_field.name in (*BOOKKEEPING, *AUTOMATIC):
            continue
        label = capfirst(str(model_field.verbose_name))
        if model_field.name in translated:
            for lang in LANGUAGE_CODES:
                shown.append((model._meta.get_field(f"{model_field.name}_{lang}"), f"{label} — {language_name(lang)}"))
        else:
            shown.append((model_field, label))
    return shown


def differs(old, new) -> bool:
    if isinstance(old, str | None) and isinstance(new, str | None):
        return not same_text(old, new)  # line ends and NULL against "" are no change a reader sees
    return old != new


def shown_value(model_field, value) -> str:
    """A value as an editor reads it: a choice's label, a related record's name, a date in local form."""
    if value is None or value == "":
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("yes") if value else _("no")
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if isinstance(model_field, models.DateField | models.DateTimeField):
        return formats.localize(value)
    return str(value)


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str

    @property
    def diff(self):
        return word_diff_html(self.old, self.new)


@dataclass
class PartChange:
    label: str
    state: str  # "added", "removed" or "changed"
    changes: list[FieldChange]


@dataclass
class Comparison:
    changes: list[FieldChange]
    parts: list[PartChange] = field(default_factory=list)

    def __bool__(self):
        return bool(self.changes or self.parts)

    def labels(self) -> list[str]:
        return [change.label for change in self.changes] + [part.label for part in self.parts]


def field_changes(model, old: dict, new: dict, leave_out=()) -> list[FieldChange]:
    changes = []
    for model_field, label in shown_fields(model):
        name = model_field.attname
        if name in leave_out or not differs(old.get(name), new.get(name)):
            continue
        before, after = shown_value(model_field, old.get(name)), shown_value(model_field, new.get(name))
        changes.append(FieldChange(name, label, before, after))
    return changes


def part_label(model, values: dict) -> str:
    name = values.get("label") or values.get("key") or values.get("slug") or values.get("id")
    return f"{capfirst(str(model._meta.verbose_name))} {name}"


def part_order(values: dict):
    return (values.get("position") or 0, str(values.get("label") or values.get("key") or ""))


def compare(old: Snapshot, new: Snapshot, leave_out=(), with_parts=True) -> Comparison:
    """What differs from `old` to `new`: the record's fields, then its parts matched by their key."""
    comparison = Comparison(field_changes(new.model, old.values, new.values, leave_out))
    if not with_parts:
        return comparison
    for part_model, _key in part_relations(new.model):
        before, after = old.parts.get(part_model, {}), new.parts.get(part_model, {})
        for pk in sorted(before.keys() | after.keys(), key=lambda pk: part_order(after.get(pk) or before[pk])):
            values = after.get(pk) or before[pk]
            if pk not in before:
                state = "added"
            elif pk not in after:
                state = "removed"
            else:
                state = "changed"
            changes = field_changes(part_model, before.get(pk, {}), after.get(pk, {}))
            if changes or state != "changed":
                comparison.parts.append(PartChange(part_label(part_model, values), state, changes))
    return comparison


def describe(older: Snapshot | None, newer: Snapshot, comment: str) -> list[str]:
    """The lines the history shows for a version, in the reader's language: a change of status by
    name, the event that saved it (history_events), then what really changed."""
    named = event(comment)
    if older is None:
        return [named or _("The first version kept in the history.")]
    lines = []
    status_changes = [c for c in field_changes(newer.model, older.values, newer.values) if c.name in STATUS_FIELDS]
    for change in status_changes:
        lines.append(f"{change.label}: {change.old or '—'} → {change.new or '—'}")
    if named:
        lines.append(named)
    other = compare(older, newer, leave_out=STATUS_FIELDS)
    if other:
        lines.append(_("Changed: %(fields)s") % {"fields": "; ".join(other.labels())})
    return lines or [_("Saved with no change to the text.")]


# --------------------------------------------------------------------------- the admin's pages


def readable(version: Version) -> Snapshot | None:
    """The version's snapshot; None when it can no longer be read (shown with its comment only)."""
    return version_snapshot(version) if stored_values(version) is not None else None


class HistoryCompareMixin:
    """History with descriptions and a compare page, and a restore page that shows what it changes."""

    object_history_template = "admin/law/object_history.html"
    revision_form_template = "admin/law/history/revision_form.html"
    history_compare_template = "admin/law/history/compare.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare_url = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.history_compare_view),
            name="{}_{}_history_compare".format(*info),
        )
        return [compare_url, *super().get_urls()]

    def stored_versions(self, record) -> list[Version]:
        """The record's versions, oldest first."""
        return list(Version.objects.get_for_object(record).select_related("revision__user").order_by("pk"))

    def history_url(self, name, record, *args):
        info = self.admin_site.name, self.opts.app_label, self.opts.model_name
        return reverse("{}:{}_{}_{}".format(*info, name), args=(quote(record.pk), *args))

    def compare_url(self, record, old: Version, new: Version) -> str:
        return f"{self.history_url('history_compare', record)}?from={old.pk}&to={new.pk}"

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = self.get_object(request, unquote(object_id))
        if record is None:
            return super().history_view(request, object_id, extra_context)
        rows, previous, older = [], None, None
        for version in self.stored_versions(record):
            comment = version.revision.get_comment()
            snapshot = readable(version)
            description = [event(comment) or comment] if snapshot is None else describe(older, snapshot, comment)
            rows.append(
                {
                    "version": version,
                    "revision": version.revision,
                    "url": self.history_url("revision", record, version.pk),
                    "compare_url": self.compare_url(record, previous, version) if previous else None,
                    "description": description,
                }
            )
            previous, older = version, snapshot
        if self.history_latest_first:
            rows.reverse()
        context = {
            "action_list": rows,
            "history_compare_url": self.history_url("history_compare", record),
            "title": _("Change history: %(record)s") % {"record": record},
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def history_compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        versions = self.stored_versions(record)
        if not versions:
            raise Http404
        by_id = {str(v.pk): v for v in versions}
        new = by_id.get(request.GET.get("to", "")) or versions[-1]
        old = by_id.get(request.GET.get("from", ""))
        if old is None:
            earlier = [v for v in versions if v.pk < new.pk]
            old = earlier[-1] if earlier else None
        if old is not None and old.pk > new.pk:
            old, new = new, old  # always from the older to the newer
        comparison, unreadable = None, False
        if old is not None:
            before, after = readable(old), readable(new)
            unreadable = before is None or after is None
            comparison = None if unreadable else compare(before, after)
        context = {
            **self.admin_site.each_context(request),
            "title": _("What changed: %(record)s") % {"record": record},
            "opts": self.opts,
            "object": record,
            "old": old,
            "new": new,
            "comparison": comparison,
            "unreadable": unreadable,
            "history_url": self.history_url("history", record),
            "restore_url": self.history_url("revision", record, old.pk) if old else None,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.history_compare_template, context)

    def own_version(self, version_id, object_id=None) -> Version:
        """A stored version of this admin's model (and of the URL's record, when it names one): never a
        version of another kind of record or of another record, whatever number the URL carries."""
        if not str(version_id).isdigit():
            raise Http404
        versions = Version.objects.get_for_model(self.model)
        if object_id is not None:
            versions = versions.filter(object_id=str(object_id))
        return get_object_or_404(versions, pk=int(version_id))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """The restore page, with what the restore changes in the present text (status left out: it stays)."""
        record = self.get_object(request, unquote(object_id))
        version = self.own_version(version_id, unquote(object_id))
        context = {}
        if record is not None:
            target = readable(version)
            kept = [f for f in record._meta.concrete_fields if f.name == "status"]
            context = {
                "restore_changes": compare(present_snapshot(record), target, leave_out=("status",)) if target else None,
                "kept_status": shown_value(kept[0], record.status) if kept else None,
            }
        context.update(extra_context or {})
        with restoring_only(version):  # this record and its parts, not the rest of the revision
            return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        """Brings back a deleted record of this admin's model; a record that exists is restored
        from its own history instead (its restore page keeps review's rules)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = self.own_version(version_id)
        if self.model._default_manager.filter(pk=version.object_id).exists():
            messages.error(
                request,
                _("“%(record)s” was not deleted: restore an earlier version from its own history.")
                % {"record": version.object_repr},
            )
            return redirect(self.history_url("history", self.model(pk=version.object_id)))
        with restoring_only(version):
            return super().recover_view(request, version_id, extra_context)
