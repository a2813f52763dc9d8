"""What "published" means, once, for every record with a publishing status (articles, pages).

A published record is what the public sees. Signed-in staff see every record, to preview drafts;
nobody else sees a record that is not published. Every public page, the sitemap, search, the open
data and the change log ask this module (`Model.objects.published()`, `.visible_to(user)`,
`record.is_published`, `record.is_visible_to(user)`) instead of writing the filter out again.

Not to be confused with the other two "reviews" of the site: a record's next version waiting for
a second editor (`review.models.Draft`), and an explanation to check again after the official text
changed (`Article.needs_review`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.publishing import Status


def sees_everything(user) -> bool:
    """Signed-in staff preview records the public does not see yet."""
    return bool(user.is_authenticated and user.is_staff)


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public sees."""
        return self.filter(status=Status.PUBLISHED)

    def not_published(self):
        """Drafts and records taken off the site: what only editors see."""
        return self.exclude(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published records for the public; every record for signed-in staff."""
        return self.all() if sees_everything(user) else self.published()


class Publishable(models.Model):
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def is_visible_to(self, user) -> bool:
        """Whether `user` may open the record's page (`objects.visible_to`, for one record)."""
        return self.is_published or sees_everything(user)
