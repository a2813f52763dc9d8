"""The publishing status of a record (articles, pages): one definition, below every app that uses it.

law's models keep it in their `status` field and ask it through law.models.publishing; review's
actions change it. Three ideas that were all once called "review" have their own names now:
`Status.WITHDRAWN` (hidden from the public; stored as "review", the value content files and
databases already hold), a next version waiting for a second editor (review.models.Draft, "Waiting
for review"), and an explanation to check after the official text changed (`Article.needs_review`).
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    """Publishing status of an editable piece of content."""

    DRAFT = "draft", pgettext_lazy("publishing status", "Draft")
    WITHDRAWN = "review", pgettext_lazy("publishing status", "Withdrawn (hidden)")
    PUBLISHED = "published", pgettext_lazy("publishing status", "Published")
