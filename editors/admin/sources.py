"""The other two languages beside each translated field, and what changed in them since this one was written.

Every translated text field of a saved record is rendered with the same field's saved text in the
other languages next to it, read-only (the target on the left, the sources on the right on a wide
screen, one under the other on a narrow one). The sources are rendered inside the field's own
`.form-row`, so django-modeltranslation's tabs move them with the input, and without JavaScript each
language's input shows with its own two sources.

When a language's text is out of date (`EditableContent.translation_state`), the fields whose source
changed are marked, and the source shows word by word what changed since the out-of-date text was
last written. The earlier source text is found in the record's history (django-reversion): the newest
version whose texts in the source language have the digest the target was written beside
(`EditableContent.based_on`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from reversion.errors import RegistrationError
from reversion.models import Version

from editorial import termbase, tracking
from editorial.languages import LANGUAGE_CODES, LANGUAGE_NAMES, text_in
from editorial.worddiff import same_text, word_diff_html
from law.editing import ConcurrentEditForm

# How far back in a record's history the earlier text of a source is looked for.
HISTORY_LOOKBACK = 200
# A source longer than this (characters or lines) scrolls in its box, and can be scrolled from the keyboard.
LONG_TEXT_CHARACTERS = 600
LONG_TEXT_LINES = 10

# "Changed in <source> since the <target> text was last edited", one sentence per pair so that each
# language can decline the names as its grammar needs.
CHANGED_SINCE = {
    ("ru", "kk"): gettext_lazy("Changed in Russian since the Kazakh text was last edited."),
    ("en", "kk"): gettext_lazy("Changed in English since the Kazakh text was last edited."),
    ("kk", "ru"): gettext_lazy("Changed in Kazakh since the Russian text was last edited."),
    ("en", "ru"): gettext_lazy("Changed in English since the Russian text was last edited."),
    ("kk", "en"): gettext_lazy("Changed in Kazakh since the English text was last edited."),
    ("ru", "en"): gettext_lazy("Changed in Russian since the English text was last edited."),
}


def changed_since(source: str, target: str) -> str:
    sentence = CHANGED_SINCE.get((source, target))
    if sentence is not None:
        return str(sentence)
    names = {code: get_language_info(code)["name_translated"] for code in (source, target)}
    return _("Changed in %(source)s since the %(target)s text was last edited.") % {
        "source": names[source],
        "target": names[target],
    }


@dataclass
class SourceChange:
    """One source language's change to one field since the target was written (old is None: not in the history)."""

    source: str
    old: str | None


@dataclass
class SourceBox:
    lang: str
    name: str
    text: str
    change: SourceChange | None = None

    @property
    def long(self) -> bool:
        return len(self.text) > LONG_TEXT_CHARACTERS or self.text.count("\n") >= LONG_TEXT_LINES

    @cached_property
    def diff(self):
        if self.change is None or self.change.old is None:
            return None
        return word_diff_html(self.change.old, self.text)


@dataclass
class FieldSources:
    """What is shown beside one language's input of one field."""

    lang: str
    boxes: list[SourceBox] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    # Forms the termbase (content/terms.toml) says not to use, found in this text, with the approved one.
    terms: list[dict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.marks)


class RecordHistory:
    """A record's saved versions, newest first, read once and only when an out-of-date text needs them."""

    def __init__(self, record):
        self.record = record
        self._versions: list[dict] | None = None

    def versions(self) -> list[dict]:
        if self._versions is None:
            self._versions = []
            try:
                rows = (
                    Version.objects.get_for_object(self.record)
                    .order_by("-revision__date_created", "-pk")
                    .values_list("serialized_data", flat=True)[:HISTORY_LOOKBACK]
                )
                rows = list(rows)
            except RegistrationError:
                rows = []
            for data in rows:
                try:
                    self._versions.append(json.loads(data)[0]["fields"])
                except (ValueError, LookupError, TypeError):
                    continue
        return self._versions

    def source_as_read(self, group: str, target: str, source: str) -> dict | None:
        """The field values of the newest version whose `source` texts are the ones `target` was written beside."""
        wanted = self.record.based_on(group, target).get(source)
        if not wanted:
            return None
        fields = self.record.tracked_groups[group]
        for values in self.versions():
            if tracking.texts_digest(tracking.group_texts(values, fields, source)) == wanted:
                return values
        return None


def source_changes(record, saved: dict[str, str]) -> dict[tuple[str, str], list[SourceChange]]:
    """{(field, target language): the changes of its sources} for every out-of-date text of the record.

    `saved` holds the record's texts as saved ("field_lang" → text). With the earlier text found, only
    the fields whose source changed are marked; without it, every field of the group is.
    """
    if not hasattr(record, "translation_state"):
        return {}
    history = RecordHistory(record)
    found: dict[tuple[str, str], list[SourceChange]] = {}
    for group, fields in record.tracked_groups.items():
        for target in LANGUAGE_CODES:
            # The languages that make `target` "stale" (translation_state); none when it is up to date or missing.
            for source in record.stale_sources(group, target):
                earlier = history.source_as_read(group, target, source)
                if earlier is None:
                    changed = {name: None for name in fields}
                else:
                    olds = {name: earlier.get(f"{name}_{source}") or "" for name in fields}
                    changed = {name: old for name, old in olds.items() if not same_text(old, saved[f"{name}_{source}"])}
                    # The digests differ, so some field did; should none differ as compared here, show them all.
                    changed = changed or olds
                for name, old in changed.items():
                    found.setdefault((name, target), []).append(SourceChange(source, old))
    return found


def term_notes(text: str, lang: str) -> list[dict]:
    """The avoided forms a saved text uses, each with the termbase's approved form for its concept."""
    notes = []
    for term in termbase.terms():
        for word in dict.fromkeys(term.misuses(text, lang)):
            notes.append({"word": word, "approved": term.approved[lang], "concept": term.concept})
    return notes


class BoundFieldWithSources(BoundField):
    """A translated field's input, followed by its other languages (rendered inside the field's own row)."""

    def __str__(self):
        return self.form.with_sources(self, super().__str__())

    __html__ = __str__

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        sources = self.form.sources_of(self.name)
        if sources is not None and sources.changed and self.auto_id:
            described = [attrs.get("aria-describedby"), f"{self.auto_id}_source_changed"]
            attrs["aria-describedby"] = " ".join(part for part in described if part)
        return attrs


class SourcesBesideForm(ConcurrentEditForm):
    """The stale-save check of ConcurrentEditForm, with each translated field's other languages beside it.

    On a record's own page the sources are open; in inline rows (`fold_sources`) they are folded in a
    closed <details> unless a source changed, to keep a page of many rows short.
    """

    fold_sources = False
    template_name_sources = "admin/law/sources/field.html"

    class Media:
        css = {"all": ("admin/law/sources.css",)}
        js = ("admin/law/sources.js",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._sources: dict[str, FieldSources] = {}
        if self.instance.pk:
            self._attach_sources()

    def _translated_fields(self) -> dict[str, tuple[str, str]]:
        """{form field name: (field, language)} for the translated text inputs of this form."""
        try:
            names = translator.get_options_for_model(type(self.instance)).all_fields.keys()
        except NotRegistered:
            return {}
        found = {}
        for name in names:
            for lang in LANGUAGE_CODES:
                form_field = self.fields.get(f"{name}_{lang}")
                if form_field is not None and isinstance(form_field.widget, (forms.TextInput, forms.Textarea)):
                    found[f"{name}_{lang}"] = (name, lang)
        return found

    def _attach_sources(self):
        fields = self._translated_fields()
        if not fields:
            return
        # The texts as saved, read now: after a refused save the instance holds what was sent.
        names = {name for name, _lang in fields.values()} | {
            name for group in getattr(self.instance, "tracked_groups", {}).values() for name in group
        }
        saved = {f"{name}_{lang}": text_in(self.instance, name, lang) for name in names for lang in LANGUAGE_CODES}
        changes = source_changes(self.instance, saved)
        for form_name, (name, lang) in fields.items():
            by_source = {change.source: change for change in changes.get((name, lang), [])}
            sources = FieldSources(lang)
            for other in LANGUAGE_CODES:
                if other == lang:
                    continue
                change = by_source.get(other)
                sources.boxes.append(SourceBox(other, LANGUAGE_NAMES[other], saved[f"{name}_{other}"], change))
                if change is not None:
                    sources.marks.append(changed_since(other, lang))
            sources.terms = term_notes(saved[form_name], lang)
            self._sources[form_name] = sources
            self.fields[form_name].bound_field_class = BoundFieldWithSources

    def sources_of(self, name: str) -> FieldSources | None:
        return self._sources.get(name)

    def with_sources(self, bound_field, input_html):
        sources = self.sources_of(bound_field.name)
        if sources is None:
            return input_html
        context = {
            "input": input_html,
            "sources": sources,
            "open": not self.fold_sources or sources.changed,
            "mark_id": f"{bound_field.auto_id}_source_changed" if bound_field.auto_id else "",
            "ui_lang": get_language(),
        }
        return render_to_string(self.template_name_sources, context)


class InlineSourcesBesideForm(SourcesBesideForm):
    """For inline rows: the sources folded unless one changed."""

    fold_sources = True
