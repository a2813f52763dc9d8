"""One row of a concordance: articles of an earlier edition and the articles of a later one they became."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.models import EditableContent
from law.models import Article, Edition


class CorrespondenceQuerySet(models.QuerySet):
    def of_article(self, article: Article):
        """The rows that name this article, on either side."""
        return self.filter(models.Q(earlier_articles=article) | models.Q(later_articles=article)).distinct()


class Correspondence(EditableContent):
    """Draft Article 18 → Law Article 17, with a note on what changed.

    A row with no earlier articles is new in the later edition; a row with no later articles was
    dropped. Several articles on a side mean they were merged or split.
    """

    earlier_edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("earlier edition")
    )
    later_edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("later edition")
    )
    key = models.SlugField(
        _("key"), editable=False, help_text=_("Stable identifier of the row within its concordance.")
    )
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)
    earlier_articles = models.ManyToManyField(
        Article, related_name="became", blank=True, verbose_name=_("articles of the earlier edition")
    )
    later_articles = models.ManyToManyField(
        Article, related_name="came_from", blank=True, verbose_name=_("articles of the later edition")
    )
    note = models.TextField(_("what changed"), blank=True)

    required_texts = ("note",)
    tracked_groups = {"note": ("note",)}

    objects = CorrespondenceQuerySet.as_manager()

    class Meta:
        ordering = ["earlier_edition__position", "later_edition__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["earlier_edition", "later_edition", "key"], name="unique_correspondence")
        ]
        verbose_name = _("concordance row")
        verbose_name_plural = _("concordance")

    def __str__(self):
        return f"{self.earlier_edition} → {self.later_edition}: {self.key}"


class DeletedArticleLink(models.Model):
    """A concordance link of an article that was deleted, kept so that recovering the article from
    history (which brings back the article and its parts, not the rows of other tables that name it)
    puts it back in the same rows: concordance.signals writes these and reads them back."""

    class Side(models.TextChoices):
        EARLIER = "earlier", _("earlier edition")
        LATER = "later", _("later edition")

    article_id = models.PositiveIntegerField(_("deleted article"))
    correspondence = models.ForeignKey(Correspondence, on_delete=models.CASCADE, verbose_name=_("concordance row"))
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_id", "correspondence", "side"], name="one_kept_link_per_side")
        ]
        verbose_name = _("concordance link of a deleted article")
        verbose_name_plural = _("concordance links of deleted articles")

    def __str__(self):
        return f"{self.correspondence} ({self.side}: {self.article_id})"
