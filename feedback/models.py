"""The answers to "Is this page useful?": which page, yes or no, a comment. Nothing about who sent
them: no address, no browser, no account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500
PAGE_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    page = models.CharField(_("page"), max_length=PAGE_MAX_LENGTH)  # its path; a result's with its answers
    # An article's edition and number, kept apart so that answers can be filtered by them.
    edition_slug = models.CharField(_("edition"), max_length=100, null=True, blank=True)
    article_number = models.CharField(_("article"), max_length=20, null=True, blank=True)
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")

    def __str__(self):
        return f"{self.page} · {'+' if self.useful else '-'}"


class RateWindow(models.Model):
    """How many answers one connection sent in its current window (feedback/rate_limit.py). The key is
    a keyed hash of the connection's address, never the address; a closed window is deleted."""

    key = models.CharField(max_length=64, primary_key=True)
    ends_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"{self.count} until {self.ends_at:%Y-%m-%d %H:%M}"
