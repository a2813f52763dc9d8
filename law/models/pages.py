"""Glossary terms, the everyday words for search, and free-standing pages of an edition or of the site."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import EditableContent

from ..record_names import glossary_term_name, page_name
from .articles import Article
from .editions import Edition
from .publishing import Publishable


class GlossaryTerm(EditableContent):
    """A term as one edition uses it: editions may define the same term differently."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="terms", verbose_name=_("edition"))
    slug = models.SlugField(
        _("name in web addresses"),
        help_text=_("Stable identifier within the edition, the anchor on the glossary page."),
    )
    name = models.CharField(_("term"), max_length=200, blank=True)
    definition = models.TextField(_("definition (Markdown)"), blank=True)
    definition_html = models.TextField(editable=False, blank=True)
    also_called = models.TextField(
        _("words people also use"),
        blank=True,
        help_text=_("One per line, e.g. “deepfake”. Search finds the term by them; the glossary lists them."),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("article"),
        help_text=_("The article that defines the term, if any."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    markdown_fields = {"definition": "definition_html"}
    required_texts = ("name", "definition")
    tracked_groups = {"explanation": ("name", "definition")}

    class Meta:
        ordering = ["edition", "position", "slug"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="unique_term_slug")]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return glossary_term_name(self)

    def get_absolute_url(self):
        return reverse("law:edition_glossary", kwargs={"edition": self.edition.slug}) + f"#{self.slug}"

    def also_called_in(self, lang: str) -> list[str]:
        return [line.strip() for line in (getattr(self, f"also_called_{lang}") or "").splitlines() if line.strip()]


class EverydayWord(EditableContent):
    """Words people type that the law does not use, and the law's own words they mean.

    "маркировка" → "маркировать", "deepfake" → "synthetic results": a search for one of the `typed`
    words also finds the texts that use one of the `finds` words (search.synonyms). One record per
    idea, with its words in each language; kept as content in content/search-words/. It sits beside the glossary,
    whose "also called" names widen a search the same way.
    """

    key = models.SlugField(
        _("key"), unique=True, help_text=_("Stable identifier, in Latin letters: for example “labelling”.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    typed = models.TextField(
        _("words people type"),
        blank=True,
        help_text=_("One word or phrase per line, as people type it: “маркировка”, “watermark”."),
    )
    finds = models.TextField(
        _("the law's words they mean"),
        blank=True,
        help_text=_(
            "One word or phrase per line, as the law and our explanations say it. A phrase finds a text "
            "that has all its words."
        ),
    )

    required_texts = ("typed", "finds")
    tracked_groups = {"words": ("typed", "finds")}

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("everyday word")
        verbose_name_plural = _("everyday words for search")

    def __str__(self):
        return self.key

    def lines(self, name: str, lang: str) -> list[str]:
        return [line.strip() for line in (getattr(self, f"{name}_{lang}") or "").splitlines() if line.strip()]


# The free-standing pages that have an address of their own, by slug, and the URL name that shows
# each (the home page's text shows on the home page, which is more than that text).
PAGE_URLS = {
    "committee": "law:committee",
    "liability": "law:liability",
    "draft-to-law": "draft_to_law",
    "about": "law:about",
}


class Page(Publishable, EditableContent):
    """A free-standing page written as content: the home page text, the Committee regulation."""

    slug = models.SlugField(_("name in web addresses"), unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    markdown_fields = {"body": "body_html"}
    required_texts = ("title", "body")
    tracked_groups = {"explanation": ("title", "body")}

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return page_name(self)

    def get_absolute_url(self):
        """The page's address in the active language, or None for a text shown within another page."""
        return reverse(PAGE_URLS[self.slug]) if self.slug in PAGE_URLS else None
