"""A saved change (a django-reversion revision) as the change log sees it, and the editor's "hide"."""

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


class HiddenChange(models.Model):
    """A change an editor keeps out of the public change log (a typo fixed, a comma moved)."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="hidden_from_log", verbose_name=_("saved change")
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("hidden by")
    )
    hidden_at = models.DateTimeField(_("hidden at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hidden change")
        verbose_name_plural = _("hidden changes")

    def __str__(self):
        return str(self.revision)
