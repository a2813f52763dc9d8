"""The base of every editable record (abstract: each app's models inherit it)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from . import tracking
from .glossary_source import glossary_terms
from .languages import LANGUAGE_CODES, text_in
from .rendering import render_markdown


class StaleEdit(Exception):
    """A save based on a copy of a record that someone else has changed since it was read."""


class EditableContent(models.Model):
    """What every editable record shares.

    - Markdown fields are rendered to sanitized HTML on save (`markdown_fields`), never per request.
      In `glossary_linked` fields the first use of each glossary term links to its definition
      (glossary.py re-links the stored HTML when the terms change).
    - `version` grows by one on every save. A save is refused (StaleEdit) when the record changed
      since this copy was read: the UPDATE only matches the row while it still has the version this
      copy was read with (`_loaded_version`; the admin sets it from the form), on every database and
      for every way a record is saved, inline rows included. A copy not read from the database (a
      restore from history saves "raw") moves the version on from the stored one, never back.
    - `language_changes` records, per group of fields (`tracked_groups`) and language, a digest of
      the text, when it last changed and what the other languages said then, so editors see which
      translations are out of date (editorial/tracking.py).
    - Text is stored as readers see it: line ends are LF, whatever the browser sent (CRLF).
    """

    markdown_fields: dict[str, str] = {}
    required_texts: tuple[str, ...] = ()  # the texts without which a record is "missing" in a language
    glossary_linked: tuple[str, ...] = ()
    tracked_groups: dict[str, tuple[str, ...]] = {}
    # Texts of the state's publication (the official text, its titles and notes): only the official
    # text's importer writes them. Editors do not edit them, a next version does not carry them and a
    # restore from history keeps their present value.
    imported_fields: tuple[str, ...] = ()

    version = models.PositiveIntegerField(default=0, editable=False)
    language_changes = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalise_line_ends()
        self.render_markdown_fields()
        self.track_language_changes()
        self.version = (self.version or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # update_or_create() saves only the fields it was given: keep the derived ones in step.
            derived = {f"{target}_{lang}" for target in self.markdown_fields.values() for lang in LANGUAGE_CODES}
            kwargs["update_fields"] = set(update_fields) | derived | {"version", "language_changes"}
        super().save(*args, **kwargs)
        self._loaded_version = self.version

    @classmethod
    def imported_columns(cls) -> set[str]:
        """The columns of `imported_fields`, each language's column included."""
        return {
            field.name
            for field in cls._meta.concrete_fields
            if field.name in cls.imported_fields
            or getattr(getattr(field, "translated_field", None), "name", None) in cls.imported_fields
        }

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_version = instance.__dict__.get("version")
        return instance

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        loaded = getattr(self, "_loaded_version", None)
        if not values:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        if loaded is None:
            # A copy not read from the database: a restore from history or a fixture (they save
            # "raw", with the version they were serialized at). The version still only grows, so a
            # form opened before the restore cannot save over it.
            # When no row matches (a restore of a deleted record), Django inserts the copy as it is.
            values = [(f, m, models.F("version") + 1 if f.attname == "version" else v) for f, m, v in values]
            updated = super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
            if updated:
                self.version = base_qs.filter(pk=pk_val).values_list("version", flat=True).first()
            return updated
        updated = base_qs.filter(pk=pk_val, version=loaded)._update(values) > 0
        if not updated and base_qs.filter(pk=pk_val).exists():
            raise StaleEdit(f"{self._meta.label} {pk_val} changed since version {loaded} was read")
        return updated

    @classmethod
    def missing_in(cls, lang: str) -> models.Q:
        """Records with a required text empty (or NULL, as imports leave it) in this language."""
        query = models.Q()
        for name in cls.required_texts:
            query |= models.Q(**{f"{name}_{lang}": ""}) | models.Q(**{f"{name}_{lang}__isnull": True})
        return query

    def glossary_edition_id(self) -> int | None:
        """The edition whose glossary terms are linked in this record's `glossary_linked` fields."""
        return None

    def render_markdown_fields(self):
        terms = None
        for source, target in self.markdown_fields.items():
            for lang in LANGUAGE_CODES:
                text = text_in(self, source, lang)
                if source in self.glossary_linked and text.strip():
                    if terms is None:
                        terms = glossary_terms(self.glossary_edition_id())  # one query for all fields
                    html = render_markdown(text, terms.get(lang), terms.path(lang))
                else:
                    html = render_markdown(text)
                setattr(self, f"{target}_{lang}", html)

    def normalise_line_ends(self):
        """CRLF (what browsers send from a textarea) and CR become LF, so the same text is stored the same way."""
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname, None)
            if isinstance(value, str) and "\r" in value:
                setattr(self, field.attname, value.replace("\r\n", "\n").replace("\r", "\n"))

    def track_language_changes(self):
        now = timezone.now().isoformat()
        changes = dict(self.language_changes or {})
        for group, fields in self.tracked_groups.items():
            values = tracking.record_values(self, fields)
            changes[group] = tracking.updated_entries(dict(changes.get(group, {})), values, fields, now)
        self.language_changes = changes

    def based_on(self, group: str, lang: str) -> dict[str, str]:
        """The digests of the other languages' texts when this language's text was last written."""
        return dict(((self.language_changes or {}).get(group, {}).get(lang) or {}).get("based_on") or {})

    def _tracking_state(self, group: str):
        fields = self.tracked_groups[group]
        values = tracking.record_values(self, fields)
        texts = {lang: tracking.group_texts(values, fields, lang) for lang in LANGUAGE_CODES}
        digests = {lang: tracking.texts_digest(texts[lang]) for lang in LANGUAGE_CODES}
        present = {lang: any(texts[lang]) for lang in LANGUAGE_CODES}
        return (self.language_changes or {}).get(group, {}), digests, present

    def translation_state(self, group: str, lang: str) -> str:
        """ "missing", "stale" (another language has news since this one was written) or "ok"."""
        return tracking.state(*self._tracking_state(group), lang)

    def stale_sources(self, group: str, lang: str) -> list[str]:
        """The languages whose newer text makes this language's text out of date."""
        entries, digests, present = self._tracking_state(group)
        return tracking.stale_sources(entries, digests, present, lang) if present.get(lang) else []
