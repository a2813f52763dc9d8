"""An edition's question flow: its declaration (structure) and its words, one record per key."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.models import EditableContent
from law.models import Edition
from law.record_names import flow_text_name

from .engine import Flow


class FlowDeclaration(models.Model):
    """The structure of one edition's flow, as declared in content (see engine.Flow)."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="flow_declaration", verbose_name=_("edition")
    )
    declaration = models.JSONField(_("structure"), default=dict)

    class Meta:
        verbose_name = _("question flow")
        verbose_name_plural = _("question flows")

    def __str__(self):
        return str(self.edition)

    def flow(self) -> Flow:
        return Flow.from_declaration(self.declaration)


class FlowText(EditableContent):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="flow_texts", verbose_name=_("edition"))
    key = models.CharField(_("key"), max_length=120)
    text = models.TextField(_("text (Markdown)"), blank=True)
    text_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    required_texts = ("text",)
    markdown_fields = {"text": "text_html"}
    tracked_groups = {"explanation": ("text",)}

    class Meta:
        ordering = ["edition", "key"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="unique_flow_text_key")]
        verbose_name = _("question flow text")
        verbose_name_plural = _("question flow texts")

    def __str__(self):
        return flow_text_name(self)
