"""The words of the question flow, one record per key of content/checker/<lang>.toml."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.models import EditableContent


class FlowText(EditableContent):
    key = models.CharField(_("key"), max_length=120, unique=True)
    text = models.TextField(_("text (Markdown)"), blank=True)
    text_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    markdown_fields = {"text": "text_html"}
    tracked_groups = {"explanation": ("text",)}

    class Meta:
        ordering = ["key"]
        verbose_name = _("question flow text")
        verbose_name_plural = _("question flow texts")

    def __str__(self):
        return self.key
