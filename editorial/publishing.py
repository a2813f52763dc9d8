"""The publishing status of a record (articles, pages): one definition, below every app that uses it.

law's models keep it in their `status` field and ask it through law.models.publishing; review's
actions change it. "In review" here means hidden from the public while an editor works on it; a
next version waiting for a second editor is review.models.Draft, a different thing.
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    """Publishing status of an editable piece of content."""

    DRAFT = "draft", pgettext_lazy("publishing status", "Draft")
    REVIEW = "review", pgettext_lazy("publishing status", "In review")
    PUBLISHED = "published", pgettext_lazy("publishing status", "Published")
