"""What the site records about itself: each load of content, and the version of what the public sees."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentLoad(models.Model):
    """A record of each `load_content`: what the files and the database looked like right after it.

    Comparing these hashes with the present ones tells whether the files changed, the database was
    edited in the admin since, or both, so that a load never silently overwrites an editor's work.
    """

    files_hash = models.CharField(max_length=64)
    db_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = "loaded_at"

    def __str__(self):
        return f"{self.loaded_at:%Y-%m-%d %H:%M} {self.files_hash[:12]}"


class SiteState(models.Model):
    """One row: a number that grows whenever content changes, and when it last did (for caching)."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("site state")

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls) -> SiteState:
        state = cls.objects.filter(pk=1).first()
        if state is None:
            state, _created = cls.objects.get_or_create(pk=1)
        return state
