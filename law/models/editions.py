"""The act and its editions (which one is in force is asked of the data)."""

from __future__ import annotations

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editorial.models import EditableContent

from ..record_names import act_name, edition_name


class Act(models.Model):
    slug = models.SlugField(_("name in web addresses"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("act")
        verbose_name_plural = _("acts")

    def __str__(self):
        return act_name(self)


class EditionQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None):
        """Editions whose legal status is "in force" and whose date of entry into force has come,
        the latest first: the site's main edition is the first of these (regulations3k's idea)."""
        on = on or timezone.localdate()
        return (
            self.filter(legal_status=Edition.LegalStatus.IN_FORCE)
            .filter(models.Q(in_force_from__isnull=True) | models.Q(in_force_from__lte=on))
            .order_by(models.F("in_force_from").desc(nulls_last=True), "position")
        )

    def main(self):
        """The edition the site leads with: the law in force (None if no edition is in force)."""
        return self.in_force().first()


class Edition(EditableContent):
    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft law")
        LAW = "law", _("Adopted law")

    class LegalStatus(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("legal status", "Draft")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="editions", verbose_name=_("act"))
    slug = models.SlugField(_("name in web addresses"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    legal_status = models.CharField(_("legal status"), max_length=12, choices=LegalStatus.choices)
    number = models.CharField(_("law number"), max_length=40, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    published_on = models.DateField(_("first published on"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("superseded by"),
        help_text=_("The edition that replaced this one, if any."),
    )
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    official_url = models.URLField(_("official publication"), blank=True)
    official_download_url = models.URLField(
        _("official text downloaded from"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the amendment watch downloads the official text in this language: Adilet's Word file or page. "
            "Empty: the official publication link."
        ),
    )
    official_notes = models.TextField(
        _("notes of the legal database"),
        blank=True,
        help_text=_("Notices printed above the official text by the legal database: not part of the law."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = EditionQuerySet.as_manager()

    required_texts = ("title",)
    markdown_fields = {"description": "description_html"}
    imported_fields = ("official_notes",)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return edition_name(self)

    def get_absolute_url(self):
        return reverse("law:edition", kwargs={"edition": self.slug})

    @property
    def is_in_force(self):
        return self.legal_status == self.LegalStatus.IN_FORCE
