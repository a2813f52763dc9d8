"""The editors' admin: three-language editing in tabs, publishing, history and no lost updates."""

import secrets

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from editorial.languages import LANGUAGE_CODES
from official import importer
from official import versions as official_versions
from official.models import OfficialTextVersion

from .editing import ConcurrentEditForm, translation_matrix
from .history import register_models
from .models import Act, Article, Chapter, Edition, GlossaryTerm, Page, Paragraph, RightOrDuty, Status

register_models()  # before the VersionAdmin classes below would register them without exclusions

admin.site.site_header = _("AI law explained: editors")
admin.site.site_title = _("AI law explained: editors")
admin.site.index_title = _("Content")
admin.site.index_template = "admin/lawsite_index.html"


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


class EditorAdmin(VersionAdmin, TabbedTranslationAdmin):
    """Every content admin: language tabs, history with restore, refusal of stale saves."""

    form = ConcurrentEditForm
    history_latest_first = True

    def get_fieldsets(self, request, obj=None):
        return with_version_field(super().get_fieldsets(request, obj))


class ConcurrentInline:
    """An inline row that carries its record's version, so its save is checked like a page's."""

    form = ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        return with_version_field(super().get_fieldsets(request, obj))


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


class ParagraphInline(ConcurrentInline, TranslationStackedInline):
    model = Paragraph
    extra = 0
    fields = ("label", "position", "official_text", "note", "note_needs_review")
    ordering = ("position",)


class RightOrDutyInline(ConcurrentInline, TranslationStackedInline):
    model = RightOrDuty
    extra = 0
    fields = ("key", "role", "kind", "paragraph", "applies_if", "position", "text")
    fk_name = "article"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "paragraph":
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = (
                Paragraph.objects.filter(article_id=object_id) if object_id else Paragraph.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(EditorAdmin):
    list_display = ("number_display", "plain_title", "edition", "chapter", "status", "languages", "last_checked")
    list_display_links = ("number_display", "plain_title")
    list_filter = ("edition", "chapter", "status", "needs_review", MissingInLanguageFilter)
    search_fields = (
        "=number",
        *[
            f"{name}_{lang}"
            for name in ("plain_title", "official_title", "summary", "for_you")
            for lang in LANGUAGE_CODES
        ],
        *[f"paragraphs__{name}_{lang}" for name in ("official_text", "note") for lang in LANGUAGE_CODES],
    )
    list_select_related = ("edition", "chapter")
    ordering = ("edition", "position")
    inlines = (ParagraphInline, RightOrDutyInline)
    actions = ("send_to_review", "publish", "back_to_draft")
    readonly_fields = ("summary_preview", "for_you_preview")
    fieldsets = (
        (None, {"fields": ("edition", "chapter", "number", "position", "status", "last_checked")}),
        (_("Review"), {"fields": ("needs_review", "review_note")}),
        (_("Titles"), {"fields": ("official_title", "plain_title")}),
        (_("Explanation (Markdown)"), {"fields": ("summary", "for_you")}),
        (_("Official text notes"), {"fields": ("official_notes",), "classes": ("collapse",)}),
        (_("Preview, as last saved"), {"fields": ("summary_preview", "for_you_preview"), "classes": ("collapse",)}),
    )

    @admin.display(description=_("article"), ordering="position")
    def number_display(self, obj):
        return obj.number

    @admin.display(description=_("languages with an explanation"))
    def languages(self, obj):
        return " ".join(lang for lang in LANGUAGE_CODES if getattr(obj, f"summary_{lang}")) or "—"

    @admin.display(description=_("In short: preview"))
    def summary_preview(self, obj):
        return preview_block(obj, "summary_html")

    @admin.display(description=_("What this means for you: preview"))
    def for_you_preview(self, obj):
        return preview_block(obj, "for_you_html")

    def set_status(self, request, queryset, status):
        count = 0
        for article in queryset:
            article.status = status
            article.save(update_fields=["status"])
            count += 1
        message = ngettext(
            "%(count)d article is now: %(status)s.", "%(count)d articles are now: %(status)s.", count
        ) % {"count": count, "status": Status(status).label}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Send to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        self.set_status(request, queryset, Status.REVIEW)

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        self.set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description=_("Back to draft"), permissions=["change"])
    def back_to_draft(self, request, queryset):
        self.set_status(request, queryset, Status.DRAFT)

    def get_urls(self):
        extra = [
            path(
                "translation-status/",
                self.admin_site.admin_view(self.translation_status_view),
                name="law_article_translation_status",
            )
        ]
        return extra + super().get_urls()

    def translation_status_view(self, request):
        articles = (
            Article.objects.select_related("edition", "chapter")
            .prefetch_related("paragraphs", "rights_and_duties")
            .order_by("edition__position", "position")
        )
        rows = translation_matrix(articles)
        others = []
        for model, label in ((GlossaryTerm, _("Glossary terms")), (Page, _("Pages"))):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            counts = []
            for lang in LANGUAGE_CODES:
                counts.append((lang, model.objects.filter(model.missing_in(lang)).count(), f"{url}?missing={lang}"))
            others.append({"label": label, "counts": counts})
        # Explanations of an enacted law that no editor has yet checked against its official text.
        unchecked = [row.article for row in rows if row.article.edition.kind == "law" and not row.article.last_checked]
        official_changed = [row.article for row in rows if row.article.needs_review and row.article.official_changed_on]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "rows": rows,
            "official_changed": official_changed,
            "unchecked": unchecked,
            "languages": LANGUAGE_CODES,
            "others": others,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/law/translation_status.html", context)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Official text"),
        help_text=_("Adilet's Word file (.docx), its web page saved from the browser (.html), or plain UTF-8 text."),
    )
    lang = forms.ChoiceField(label=_("Language of the file"), choices=[(c, c) for c in LANGUAGE_CODES])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.OFFICIAL_TEXT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB. Nothing was changed.")
                % {"size": round(upload.size / 2**20, 1), "limit": round(limit / 2**20, 1)}
            )
        return upload


def import_error(exc) -> str:
    if exc.line is None:
        return _("%(reason)s. Nothing was changed.") % {"reason": exc.reason}
    return _("Line %(line)s: %(reason)s. Nothing was changed.") % {"line": exc.line, "reason": exc.reason}


@admin.register(Edition)
class EditionAdmin(EditorAdmin):
    list_display = ("slug", "short_title", "kind", "legal_status", "in_force_from")
    change_form_template = "admin/law/edition/change_form.html"

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/import/",
                self.admin_site.admin_view(self.import_view),
                name="law_edition_import",
            )
        ]
        return extra + super().get_urls()

    def import_view(self, request, pk):
        """Step 1: upload and see what would change. Step 2: confirm. Nothing changes before."""
        edition = Edition.objects.filter(pk=pk).first()
        if edition is None or not self.has_change_permission(request, edition):
            raise PermissionDenied
        session_key = f"official-import-{edition.pk}"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import the official text"),
            "edition": edition,
            "opts": self.model._meta,
        }
        if request.method == "POST" and request.POST.get("confirm"):
            pending = request.session.get(session_key)
            if not pending or pending.get("token") != request.POST.get("confirm"):
                messages.error(request, _("This import has expired. Please upload the file again."))
                return redirect(request.path)
            try:
                import_plan = importer.plan(edition, importer.parse(pending["text"], pending["lang"]))
            except importer.OfficialTextError as exc:
                messages.error(request, import_error(exc))
                return redirect(request.path)
            source = importer.Source(pending["format"], name=pending["name"], imported_by=request.user.get_username())
            importer.apply(import_plan, source)
            del request.session[session_key]
            messages.success(
                request,
                _(
                    "Imported %(count)s articles (%(lang)s). Explanations whose official text changed are marked "
                    "“needs review”."
                )
                % {"count": len(import_plan.law.articles), "lang": pending["lang"]},
            )
            return redirect(reverse("admin:law_article_translation_status"))
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            lang, upload = form.cleaned_data["lang"], form.cleaned_data["file"]
            try:
                document = importer.read(upload.read())
                import_plan = importer.plan(edition, importer.parse(document.lines, lang))
            except importer.OfficialTextError as exc:
                form.add_error("file", import_error(exc))
            else:
                token = secrets.token_urlsafe(16)
                # The lines as plain text: the confirmation parses exactly what the preview showed.
                pending = {"token": token, "text": document.text, "lang": lang, "format": document.format}
                request.session[session_key] = {**pending, "name": upload.name[:255]}
                as_of, from_notes = official_versions.as_of(import_plan.law, timezone.localdate())
                context.update(
                    {
                        "plan": import_plan,
                        "token": token,
                        "lang": lang,
                        "format_label": OfficialTextVersion.Format(document.format).label,
                        "as_of": as_of,
                        "as_of_from_notes": from_notes,
                    }
                )
                return TemplateResponse(request, "admin/law/edition/import_preview.html", context)
        context["form"] = form
        return TemplateResponse(request, "admin/law/edition/import.html", context)

    readonly_fields = ("description_preview",)
    fieldsets = (
        (None, {"fields": ("act", "slug", "kind", "legal_status", "number", "position", "superseded_by")}),
        (_("Dates"), {"fields": ("signed_on", "published_on", "in_force_from")}),
        (
            _("Texts"),
            {
                "fields": (
                    "title",
                    "short_title",
                    "official_url",
                    "official_download_url",
                    "description",
                    "description_preview",
                )
            },
        ),
        (_("Official text notes"), {"fields": ("official_notes",)}),
    )

    @admin.display(description=_("Description: preview"))
    def description_preview(self, obj):
        return preview_block(obj, "description_html")


@admin.register(Chapter)
class ChapterAdmin(EditorAdmin):
    list_display = ("__str__", "title", "edition", "is_official", "position")
    list_filter = ("edition", "is_official", MissingInLanguageFilter)
    fieldsets = ((None, {"fields": ("edition", "key", "number", "is_official", "position", "title")}),)


@admin.register(RightOrDuty)
class RightOrDutyAdmin(EditorAdmin):
    list_display = ("key", "role", "kind", "article", "paragraph", "applies_if")
    list_filter = ("role", "kind", "article__edition", MissingInLanguageFilter)
    search_fields = ("key", *[f"text_{lang}" for lang in LANGUAGE_CODES])
    list_select_related = ("article__edition", "paragraph")
    fieldsets = ((None, {"fields": ("key", "article", "paragraph", "role", "kind", "applies_if", "position", "text")}),)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(EditorAdmin):
    list_display = ("slug", "name", "article")
    list_filter = ("edition", MissingInLanguageFilter)
    search_fields = ("slug", *[f"{n}_{lang}" for n in ("name", "definition", "also_called") for lang in LANGUAGE_CODES])
    readonly_fields = ("definition_preview",)
    shown = ("edition", "slug", "position", "article", "name", "definition", "definition_preview", "also_called")
    fieldsets = ((None, {"fields": shown}),)

    @admin.display(description=_("Definition: preview"))
    def definition_preview(self, obj):
        return preview_block(obj, "definition_html")


@admin.register(Page)
class PageAdmin(EditorAdmin):
    list_display = ("slug", "title", "status", "last_checked")
    list_filter = ("status", MissingInLanguageFilter)
    search_fields = ("slug", *[f"{n}_{lang}" for n in ("title", "body") for lang in LANGUAGE_CODES])
    readonly_fields = ("body_preview",)
    actions = ("publish",)
    fieldsets = ((None, {"fields": ("slug", "status", "last_checked", "title", "body", "body_preview")}),)

    @admin.display(description=_("Body: preview"))
    def body_preview(self, obj):
        return preview_block(obj, "body_html")

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        for page in queryset:
            page.status = Status.PUBLISHED
            page.save(update_fields=["status"])

    def view_on_site(self, obj):
        slug_urls = {"home": "law:home", "committee": "law:committee", "liability": "law:liability"}
        return reverse(slug_urls[obj.slug]) if obj.slug in slug_urls else None


@admin.register(Act)
class ActAdmin(VersionAdmin, TabbedTranslationAdmin):
    list_display = ("slug", "title")
