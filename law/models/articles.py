"""Chapters, articles and paragraphs of an edition, with the values public addresses use."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.languages import LANGUAGE_CODES
from editorial.models import EditableContent
from editorial.numbering import LABEL_RE, continued, is_subparagraph

from ..record_names import article_name, chapter_name, paragraph_name
from .editions import Edition
from .publishing import Publishable

# Values used in public addresses and in ordering (article-7-1, #p-3-2): digits joined by hyphens.
NUMBER = RegexValidator(r"^\d{1,4}(-\d{1,4}){0,2}$", _("Use digits, joined by hyphens: 7 or 7-1."))
LABEL = RegexValidator(
    LABEL_RE, _("Use digits, joined by hyphens: 3, or 3-2; 3-after for the part of 3 after its subparagraphs.")
)


class Chapter(EditableContent):
    """A chapter of an edition, or, where the law's own chapters are not known, the site's grouping."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="chapters", verbose_name=_("edition"))
    key = models.SlugField(_("key"), help_text=_("Stable identifier within the edition, e.g. '1' or 'transparency'."))
    number = models.CharField(_("chapter number"), max_length=10, blank=True, validators=[NUMBER])
    is_official = models.BooleanField(
        _("official chapter"),
        default=True,
        help_text=_("Unticked when this is the site's own grouping, not a chapter of the law."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="unique_chapter_key")]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return chapter_name(self)


class Article(Publishable, EditableContent):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="articles", verbose_name=_("edition"))
    chapter = models.ForeignKey(Chapter, on_delete=models.PROTECT, related_name="articles", verbose_name=_("chapter"))
    number = models.CharField(
        _("article number"), max_length=10, validators=[NUMBER], help_text=_("For example 7 or 7-1.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    official_title = models.CharField(_("official title"), max_length=500, blank=True)
    plain_title = models.CharField(_("plain title"), max_length=300, blank=True)
    summary = models.TextField(_("in short (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    for_you = models.TextField(_("what this means for you (Markdown)"), blank=True)
    for_you_html = models.TextField(editable=False, blank=True)
    official_notes = models.TextField(
        _("notes of the legal database"),
        blank=True,
        help_text=_("Editorial notes and footnotes from the official publication: not part of the law."),
    )
    last_checked = models.DateField(_("explanation last checked"), null=True, blank=True)
    needs_review = models.BooleanField(
        _("explanation needs review"),
        default=False,
        help_text=_("Set when the official text changed; untick once the explanation has been checked."),
    )
    review_note = models.CharField(_("editors' note on the review"), max_length=300, blank=True)
    # What each import of the official text changed in the article, as data (law.review_reasons):
    # every editor reads it in their own language.
    review_reasons = models.JSONField(_("why it needs review"), default=list, blank=True, editable=False)
    # Set by an import that changed the article's official text; readers of each language see a notice
    # until that language's explanation has been reviewed (needs_review_<lang> unticked); the date is
    # cleared when no language waits any more.
    official_changed_on = models.DateField(_("official text changed on"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    markdown_fields = {"summary": "summary_html", "for_you": "for_you_html"}
    glossary_linked = ("summary", "for_you")
    required_texts = ("plain_title", "summary")
    tracked_groups = {"explanation": ("plain_title", "summary", "for_you")}
    imported_fields = ("official_title", "official_notes")

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="unique_article_number")]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return article_name(self)

    def get_absolute_url(self):
        return reverse("law:article", kwargs={"edition": self.edition.slug, "number": self.number})

    def review_languages(self) -> list[str]:
        """The languages whose explanation waits to be checked against a changed official text."""
        return [lang for lang in LANGUAGE_CODES if getattr(self, f"needs_review_{lang}", False)]

    def review_reason_text(self) -> str:
        """Why the explanation needs review, in the active language (the editors' note after it)."""
        from ..review_reasons import describe

        return " · ".join(filter(None, [describe(self.review_reasons), self.review_note]))

    def flag_for_review(self) -> None:
        """The official text changed: each language's explanation waits for its own editor's check."""
        for lang in LANGUAGE_CODES:
            setattr(self, f"needs_review_{lang}", True)

    def save(self, *args, **kwargs):
        if not self.review_languages() and (self.official_changed_on or self.review_reasons):
            self.official_changed_on = None
            self.review_reasons = []
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "official_changed_on", "review_reasons"}
        super().save(*args, **kwargs)

    def glossary_edition_id(self):
        return self.edition_id


class Paragraph(EditableContent):
    """A paragraph or subparagraph, keyed by a label that is the same in every language ('3', '3-2')."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("article"))
    label = models.CharField(
        _("label"), max_length=20, validators=[LABEL], help_text=_("For example 3, or 3-2 for a subparagraph.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    official_text = models.TextField(_("official text"), blank=True)
    note = models.TextField(_("plain-language note (Markdown)"), blank=True)
    note_html = models.TextField(editable=False, blank=True)
    note_needs_review = models.BooleanField(_("note needs review"), default=False)
    # A later law that changed this paragraph. The site shows the text as signed (not consolidated)
    # and says beside it that it was amended, with the way to the current wording.
    amended_on = models.DateField(
        _("amended on"),
        null=True,
        blank=True,
        help_text=_("The date of the later law that amended this paragraph. Empty when it has not been amended."),
    )
    amended_by = models.CharField(
        _("amended by Law No."),
        max_length=20,
        blank=True,
        help_text=_("The number of the amending law, for example 326-VIII. Fill in both fields or neither."),
    )

    markdown_fields = {"note": "note_html"}
    glossary_linked = ("note",)
    tracked_groups = {"official": ("official_text",), "explanation": ("note",)}
    imported_fields = ("official_text",)

    class Meta:
        ordering = ["article", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "label"], name="unique_paragraph_label")]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self):
        return paragraph_name(self)

    @property
    def anchor(self):
        return f"p-{self.label}"

    def glossary_edition_id(self):
        return Article.objects.values_list("edition_id", flat=True).filter(pk=self.article_id).first()

    @property
    def is_subparagraph(self):
        return is_subparagraph(self.label)

    @property
    def is_amended(self) -> bool:
        return bool(self.amended_on and self.amended_by)

    @property
    def cited_label(self) -> str:
        """The label as people cite it: '1-after' (the part after the subparagraphs) is paragraph 1."""
        return continued(self.label) or self.label

    def clean(self):
        super().clean()
        self.amended_by = self.amended_by.strip()
        if bool(self.amended_on) != bool(self.amended_by):
            missing = "amended_by" if self.amended_on else "amended_on"
            raise ValidationError({missing: _("Fill in both the date and the number of the amending law, or neither.")})
