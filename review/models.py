"""The work in progress on a record: who changed it last, where it stands in review, and, for a
record the public already sees, the next version of it, kept here until it is published.

Wagtail keeps revisions of a live page beside it and publishes one when a moderator approves it;
GOV.UK's publisher asks a second editor to publish what the first one wrote. This does the same with
one row per record: the live record stays as it is while its next version waits in `data`, as model
data (review.snapshot: the record and its paragraphs and rights and duties, new and removed ones
too), checked by the admin's form when it was saved.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


def editor_field(verbose_name):
    """Which editor took a step (kept empty if their account is deleted)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class Draft(models.Model):
    class State(models.TextChoices):
        EDITING = "editing", _("Being edited")
        IN_REVIEW = "in_review", _("Waiting for review")
        RETURNED = "returned", _("Returned with a comment")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record"))
    object_id = models.CharField(_("record"), max_length=40)
    target = GenericForeignKey("content_type", "object_id")
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.EDITING)
    data = models.JSONField(
        _("next version"),
        null=True,
        blank=True,
        help_text=_(
            "A published record's next version as model data (the record and its parts), as it was last saved; "
            "empty when none waits."
        ),
    )
    # The published record (and its parts) as it was when this next version was started: what tells
    # the fields an editor changed from those changed on the published side since (review.carry_over).
    base = models.JSONField(_("published version it was written against"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("draft version"), default=0)
    changed_by = editor_field(_("last changed by"))
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)
    sent_by = editor_field(_("sent to review by"))
    reviewed_by = editor_field(_("returned by"))
    comment = models.TextField(_("reviewer's comment"), blank=True)
    # Taking a published record off the site needs a second editor too: the first one asks, another confirms.
    take_off_asked_by = editor_field(_("asked to take it off the site"))
    take_off_asked_at = models.DateTimeField(_("asked to take it off the site on"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_record")]
        ordering = ["-changed_at"]
        verbose_name = _("work in progress")
        verbose_name_plural = _("work in progress")

    def __str__(self):
        target = self.target
        return str(target) if target is not None else f"{self.content_type} {self.object_id}"

    @classmethod
    def of(cls, obj) -> Draft | None:
        return cls.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)).first()

    @classmethod
    def for_update(cls, obj) -> Draft:
        draft, _created = cls.objects.select_for_update().get_or_create(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        return draft


class PastNextVersion(models.Model):
    """A next version that was not published: discarded, replaced (by another editor's save or a
    restore from history) or returned with a comment. It stays here, in the record's history, and an
    editor can reopen it as the record's next version (review.actions.reopen)."""

    class Ending(models.TextChoices):
        DISCARDED = "discarded", _("Discarded")
        REPLACED = "replaced", _("Replaced")
        RETURNED = "returned", _("Returned with a comment")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record"))
    object_id = models.CharField(_("record"), max_length=40)
    target = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("next version"))
    author = editor_field(_("last changed by"))
    saved_at = models.DateTimeField(_("last changed"))
    ending = models.CharField(_("what became of it"), max_length=12, choices=Ending.choices)
    ended_by = editor_field(_("by"))
    ended_at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)

    class Meta:
        ordering = ["-ended_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="past_next_version_record")]
        verbose_name = _("next version that was not published")
        verbose_name_plural = _("next versions that were not published")

    def __str__(self):
        target = self.target
        return f"{target if target is not None else self.object_id} · {self.get_ending_display()}"

    @classmethod
    def of(cls, obj):
        return cls.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).select_related("author", "ended_by")
