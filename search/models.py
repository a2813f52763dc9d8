"""The search index: one row per piece of text per language, folded for matching.

Rows are derived from the law's records (see index.py), refreshed when those records are saved
and rebuilt after a load or an import; they are never edited by hand. `folded_text` holds the text's
folded words between spaces (folding.index_form), so matching a query is a `LIKE '% word%'` per word
in one table, the same on SQLite and PostgreSQL, instead of a query per article. `stemmed_text`
holds the stems of those words in the entry's language (stemming.stem_form), so that a word also
finds its other forms.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    TITLE = "title", _("Title")
    GLOSSARY = "glossary", _("Glossary")  # a term's name
    ALSO_CALLED = "also_called", _("Words people also use")  # a term's other names
    DEFINITION = "definition", _("Definition")  # a term's definition
    SUMMARY = "summary", _("In short")
    FOR_YOU = "for_you", _("What this means for you")
    NOTE = "note", _("Note on a paragraph")
    RIGHT = "right", _("Rights and duties")
    OFFICIAL = "official", _("Official text")
    QUESTION = "question", _("Does this apply to me?")  # a question of the flow, its hint and answers
    PAGE = "page", _("On this page")  # a section of a page of the site (the fines page, About)


# How much a match in each kind of text says about what a page is about (search.query adds them up
# into a result's score): a word in a title says most, one in the official text's long paragraphs least.
WEIGHTS = {
    Kind.TITLE: 12,
    Kind.GLOSSARY: 9,
    Kind.ALSO_CALLED: 9,
    Kind.SUMMARY: 8,
    Kind.FOR_YOU: 6,
    Kind.PAGE: 5,
    Kind.NOTE: 4,
    Kind.DEFINITION: 3,
    Kind.RIGHT: 3,
    Kind.QUESTION: 3,
    Kind.OFFICIAL: 2,
}


class SearchEntry(models.Model):
    lang = models.CharField(max_length=8)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Where the text comes from: the article (every entry but the glossary's), and the paragraph,
    # right or duty, or glossary term. Deleting the source deletes its entries.
    article = models.ForeignKey("law.Article", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    paragraph = models.ForeignKey("law.Paragraph", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    right = models.ForeignKey("law.RightOrDuty", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    term = models.ForeignKey("law.GlossaryTerm", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    page = models.ForeignKey("law.Page", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # A question of an edition's flow: the edition, the question's name (in `label`) and its title.
    flow_edition = models.ForeignKey("law.Edition", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    heading = models.CharField(
        max_length=300, blank=True, help_text="a question's or a page section's title, shown as the snippet's label"
    )
    label = models.CharField(max_length=60, blank=True, help_text="paragraph label (#p-<label>), or question name")
    position = models.PositiveIntegerField(default=0, help_text="order within the article")
    text = models.TextField()
    folded_text = models.TextField()
    stemmed_text = models.TextField(default="", help_text="the text's word stems in its language (stemming.py)")

    class Meta:
        ordering = ["position"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"{self.lang} {self.kind} {self.text[:40]}"
