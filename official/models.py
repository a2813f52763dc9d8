"""Versions of the official text: one record per import of an edition in one language, with the
paragraphs it added, changed or removed. The text itself lives on law.Paragraph; these records are
what the article pages ("official text as of …") and the public list of changes are made from."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from law.models import Edition
from law.record_names import citation


class OfficialTextVersion(models.Model):
    class Format(models.TextChoices):
        TEXT = "text", _("plain text")
        DOCX = "docx", _("Word file")
        HTML = "html", _("web page")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="official_versions", verbose_name=_("edition")
    )
    lang = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)

    class Basis(models.TextChoices):
        """Where the date the text is "as of" comes from (official.versions.as_of)."""

        NOTES = "notes", _("the latest change the legal database notes in the text")
        SIGNED = "signed", _("the day the act was signed, from its title")
        SOURCE = "source", _("the date the file's source gives, where the text gives none")
        IMPORT = "import", _("the day of the import: the text gives no date")

    as_of = models.DateField(_("text as of"))
    as_of_basis = models.CharField(_("date taken from"), max_length=6, choices=Basis.choices, default=Basis.IMPORT)
    source_url = models.URLField(_("downloaded from"), max_length=500, blank=True)
    source_name = models.CharField(_("file"), max_length=255, blank=True)
    source_sha256 = models.CharField(
        _("SHA-256 of the file"),
        max_length=64,
        blank=True,
        help_text=_("Of the file as read: a file shipped with the site is not imported twice."),
    )
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    imported_by = models.CharField(_("imported by"), max_length=150, blank=True)
    checked_at = models.DateTimeField(
        _("last found unchanged"), null=True, blank=True, help_text=_("The last fetch that found the same text.")
    )
    articles = models.PositiveIntegerField(_("articles"), default=0)
    # A mistaken import (a wrong or cut-off file, repaired by a later one) stays in the admin but
    # leaves the public list of changes and the article pages' earlier versions.
    hidden = models.BooleanField(
        _("hidden from the public"),
        default=False,
        help_text=_("Tick for an import that was a mistake: visitors no longer see it among the changes."),
    )
    hidden_note = models.CharField(_("why it is hidden"), max_length=300, blank=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        get_latest_by = ["imported_at", "id"]
        verbose_name = _("version of the official text")
        verbose_name_plural = _("versions of the official text")

    def __str__(self):
        return f"{self.edition} · {self.lang} · {formats.date_format(self.as_of)}"

    @property
    def anchor(self):
        return f"version-{self.pk}"

    @property
    def source_host(self) -> str:
        return urlsplit(self.source_url).hostname or self.source_url


class OfficialTextChange(models.Model):
    """A chapter, article or paragraph that one import added, changed or removed."""

    class Kind(models.TextChoices):
        ADDED = "added", pgettext_lazy("official text change", "Added")
        CHANGED = "changed", pgettext_lazy("official text change", "Changed")
        REMOVED = "removed", pgettext_lazy("official text change", "Removed")

    class What(models.TextChoices):
        CHAPTER = "chapter", _("chapter")
        ARTICLE = "article", _("article")
        PARAGRAPH = "paragraph", _("paragraph")

    version = models.ForeignKey(
        OfficialTextVersion,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("version of the official text"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    what = models.CharField(_("what changed"), max_length=10, choices=What.choices)
    article_number = models.CharField(_("article number"), max_length=10, blank=True)
    label = models.CharField(_("label"), max_length=20, blank=True)
    before = models.TextField(_("text before"), blank=True)
    after = models.TextField(_("text after"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["version", "position"]
        indexes = [models.Index(fields=["article_number", "version"])]
        verbose_name = _("change to the official text")
        verbose_name_plural = _("changes to the official text")

    def __str__(self):
        if self.what == self.What.CHAPTER:
            place = _("Chapter %(number)s") % {"number": self.label}
        elif self.what in (self.What.ARTICLE, self.What.PARAGRAPH):
            place = citation(self.article_number, self.label)
        else:  # the legal database's notes on an article
            place = f"{_('notes of the legal database')} · {citation(self.article_number, '')}"
        return f"{self.get_kind_display()}: {place}"


class PendingImport(models.Model):
    """An uploaded official text that changes the text of published articles, confirmed by the
    editor who uploaded it: it waits here, as the lines the preview read, until another editor
    checks it and confirms it (settings.REVIEW_NEEDS_SECOND_EDITOR; official.pending). One per
    edition and language: a newer upload takes its place."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="pending_imports", verbose_name=_("edition")
    )
    lang = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=5, choices=OfficialTextVersion.Format.choices)
    encoding = models.CharField(max_length=10, blank=True, editable=False)
    source_name = models.CharField(_("file"), max_length=255, blank=True)
    lines = models.JSONField(editable=False)  # official.importer.readers.Document.kept
    unmarked = models.BooleanField(default=False, editable=False)  # Document.paragraphs_unmarked
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "lang"], name="one_pending_import_per_language")]
        ordering = ["edition", "lang"]
        verbose_name = _("official text waiting for a second editor")
        verbose_name_plural = _("official texts waiting for a second editor")

    def __str__(self):
        return f"{self.edition} · {self.lang} · {self.source_name}"
