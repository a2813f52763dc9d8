"""The public change log as rows, written when a change is saved (changelog.writer), and the
saved changes (django-reversion revisions) an editor can hide from it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision


class LoggedChange(Revision):
    """Each saved change, listed in the admin so that an editor can hide a trivial one."""

    class Meta:
        proxy = True
        verbose_name = _("change to the explanations")
        verbose_name_plural = _("changes to the explanations")


class ChangeLogEntry(models.Model):
    """What one saved change changed in what the public reads of one article, and in which languages.

    Written once, when the change is saved (or by the backfill of the history kept before); the log
    page and the feed read these rows and nothing else. Its time is its revision's."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="change_log_entries", verbose_name=_("saved change")
    )
    article = models.ForeignKey(
        "law.Article", on_delete=models.CASCADE, related_name="change_log_entries", verbose_name=_("article")
    )
    # {what: [language codes]}; what is a key of changelog.writer.LABELS.
    changed = models.JSONField(_("what changed"), default=dict)
    hidden = models.BooleanField(_("hidden from the public change log"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hidden by"),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["revision", "article"], name="one_entry_per_change_and_article")]
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log entries")

    def __str__(self):
        return f"{self.revision_id} · {self.article_id}"
