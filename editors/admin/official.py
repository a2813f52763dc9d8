"""The imports of the official text: each is a version, with what it changed. Imports are made from
an edition's page ("Import the official text"), by `import_official`, `fetch_official` or the daily
`watch_official`, never typed in here. The one thing an editor changes here is whether visitors see
a version among the changes (a mistaken import, repaired by a later one, can be hidden, with a reason)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from law.signals import bump
from official.models import OfficialTextChange, OfficialTextVersion


class ChangeInline(admin.TabularInline):
    model = OfficialTextChange
    fields = ("kind", "what", "article_number", "label", "before", "after")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


class HideVersionForm(forms.ModelForm):
    class Meta:
        model = OfficialTextVersion
        fields = ("hidden", "hidden_note")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hidden") and not (cleaned.get("hidden_note") or "").strip():
            self.add_error("hidden_note", _("Say why this version is hidden: other editors will read it."))
        return cleaned


@admin.register(OfficialTextVersion)
class OfficialTextVersionAdmin(admin.ModelAdmin):
    form = HideVersionForm
    list_display = (
        "edition",
        "lang",
        "as_of",
        "imported_at",
        "format",
        "source",
        "imported_by",
        "change_count",
        "hidden",
    )
    list_filter = ("edition", "lang", "format", "hidden")
    fields = (
        "hidden",
        "hidden_note",
        "edition",
        "lang",
        "as_of",
        "as_of_basis",
        "source_url",
        "source_name",
        "source_sha256",
        "format",
        "imported_at",
        "imported_by",
        "checked_at",
        "articles",
    )
    date_hierarchy = "imported_at"
    inlines = [ChangeInline]
    readonly_fields = fields[2:]  # all but whether it is hidden, and why: an import is never typed in

    @admin.display(description=_("source"))
    def source(self, obj):
        return obj.source_host if obj.source_url else obj.source_name

    @admin.display(description=_("changes"))
    def change_count(self, obj):
        return obj.changes.count()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "hidden" in form.changed_data:
            bump()  # article pages name their official text's versions: kept copies must go

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
