"""What every content admin shares: language tabs, history, the stale-save check, previews."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from editorial.languages import LANGUAGE_CODES
from law.models import Edition

from .deletion import ReadableDeletion
from .history_compare import HistoryCompareMixin
from .sources import InlineSourcesBesideForm, SourcesBesideForm


class MissingInLanguageFilter(admin.SimpleListFilter):
    """'Missing in kk / ru / en': records whose main text is empty in that language."""

    title = _("missing in")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(lang, lang) for lang in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        lang = self.value()
        if lang not in LANGUAGE_CODES:
            return queryset
        return queryset.filter(queryset.model.missing_in(lang))


class NeedsReviewInFilter(admin.SimpleListFilter):
    """'Needs review in Kazakh / Russian / English': explanations that wait for a check in that language
    after the official text changed (each language's editor clears their own)."""

    title = _("explanation needs review")
    parameter_name = "needs_review_in"

    def lookups(self, request, model_admin):
        return [(lang, get_language_info(lang)["name_translated"]) for lang in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        lang = self.value()
        if lang not in LANGUAGE_CODES:
            return queryset
        return queryset.filter(**{f"needs_review_{lang}": True})


class LawInForceFirstFilter(admin.SimpleListFilter):
    """An edition filter that opens on the law in force (what editors work on most days); "All
    editions" shows every edition. A value that names no edition lists nothing, never an error."""

    title = _("edition")
    parameter_name = "edition"
    ALL = "all"
    field = "edition"  # the record's edition field

    def lookups(self, request, model_admin):
        editions = [(str(e.pk), e.short_title or e.slug) for e in Edition.objects.order_by("position")]
        return [*editions, (self.ALL, _("All editions"))]

    def value(self):
        value = super().value()
        if value is None:
            main = Edition.objects.main()
            return str(main.pk) if main is not None else self.ALL
        return value

    def choices(self, changelist):
        # No separate "All" entry: with no choice made, the list shows the law in force.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.ALL:
            return queryset
        if value not in {lookup for lookup, _title in self.lookup_choices}:
            return queryset.none()  # no such edition (nor a number too long for the database)
        return queryset.filter(**{f"{self.field}_id": int(value)})


class EditorAdmin(ReadableDeletion, HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin):
    """Every content admin: language tabs, history with restore, refusal of stale saves."""

    form = SourcesBesideForm
    history_latest_first = True

    def get_fieldsets(self, request, obj=None):
        return with_version_field(super().get_fieldsets(request, obj))

    def get_readonly_fields(self, request, obj=None):
        return with_imported_fields_read_only(self.model, super().get_readonly_fields(request, obj))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # No admin here offers "save as new" (save_as is off): a form that asks for it anyway is refused,
        # whatever record it names, before anything is read or saved.
        if request.method == "POST" and "_saveasnew" in request.POST and not self.save_as:
            self.message_user(request, _("Records are not copied here: add a new record instead."), messages.ERROR)
            return redirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)


class ConcurrentInline:
    """An inline row that carries its record's version, so its save is checked like a page's."""

    form = InlineSourcesBesideForm

    def get_fieldsets(self, request, obj=None):
        return with_version_field(super().get_fieldsets(request, obj))

    def get_readonly_fields(self, request, obj=None):
        return with_imported_fields_read_only(self.model, super().get_readonly_fields(request, obj))


def with_imported_fields_read_only(model, readonly) -> tuple:
    """The official text's columns are shown, never edited: only its importer writes them."""
    columns = model.imported_columns() if hasattr(model, "imported_columns") else set()
    return (*readonly, *sorted(columns - set(readonly)))


def with_version_field(fieldsets):
    """The fieldsets with the hidden `loaded_version` added to the first (rendered with the form)."""
    first_name, first_options = fieldsets[0]
    fields = list(first_options["fields"])
    if "loaded_version" not in fields:
        fields.append("loaded_version")
    return [(first_name, {**first_options, "fields": fields}), *fieldsets[1:]]


def preview_block(obj, field):
    """The rendered HTML of a Markdown field in each language, as it was last saved."""
    if obj is None or not obj.pk:
        return "—"
    return format_html_join(
        "",
        "<div class='md-preview' lang='{}'><strong>{}</strong><div>{}</div></div>",
        # The HTML was sanitized by editorial.rendering when it was saved.
        ((lang, lang.upper(), mark_safe(getattr(obj, f"{field}_{lang}") or "—")) for lang in LANGUAGE_CODES),  # noqa: S308
    )
