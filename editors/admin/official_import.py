"""The import of an edition's official text in the admin: upload, preview (what would change), and
confirm: views of the edition's admin (editions.py), doing their work through the official app's
importer."""

import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.languages import LANGUAGE_CODES
from law.models import Edition
from official import importer
from official import pending as official_pending
from official import preview as official_preview
from official import versions as official_versions
from official.importer.readers import ENCODING_NAMES, kept_lines
from official.models import OfficialTextVersion, PendingImport


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Official text"),
        help_text=_(
            "Adilet's Word file (.docx), its web page saved from the browser (.html), or a text file "
            "(UTF-8, UTF-16 or Windows-1251)."
        ),
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


def still_held(edition, pending, *, lock=False):
    """The held upload (official.pending) that this confirmation is for; None when it is an upload of
    this editor's own; False when it was confirmed meanwhile or replaced by a newer upload."""
    if not pending.get("held"):
        return None
    rows = PendingImport.objects.select_for_update() if lock else PendingImport.objects
    held = rows.filter(pk=pending["held"], edition=edition).first()
    if held is None or (held.lines, held.uploaded_by_id) != (pending["lines"], pending["uploaded_by"]):
        return False
    return held


def gone(request, session_key):
    request.session.pop(session_key, None)
    messages.error(request, _("This import has already been confirmed or replaced by a newer upload."))
    return redirect(request.path)


class OfficialTextImport:
    """The edition admin's "Import the official text" views (a mixin for law's EditionAdmin)."""

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
        """Step 1: upload and see what would change. Step 2: confirm (ticking that removals are
        understood, when there are any). Nothing changes before."""
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
            return self.confirm_import(request, edition, session_key, context)
        if request.method == "GET" and request.GET.get("pending"):
            return self.review_held(request, edition, session_key, request.GET["pending"], context)
        context["pending_imports"] = edition.pending_imports.select_related("uploaded_by")
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            lang, upload = form.cleaned_data["lang"], form.cleaned_data["file"]
            try:
                document = importer.read(upload.read())
                import_plan = importer.plan(edition, importer.parse(document.lines, lang))
            except importer.OfficialTextError as exc:
                form.add_error("file", import_error(exc))
            else:
                # The lines as read: the confirmation parses exactly what the preview showed.
                pending = {
                    "lines": document.kept,
                    "unmarked": document.paragraphs_unmarked,
                    "lang": lang,
                    "format": document.format,
                    "encoding": document.encoding,
                    "name": upload.name[:255],
                }
                return self.import_preview(request, session_key, pending, import_plan, context)
        context["form"] = form
        # A browser never keeps a chosen file after an error: say so, with the file's name.
        chosen = request.FILES.get("file") if request.method == "POST" else None
        context["chosen_file"] = chosen.name if chosen else ""
        return TemplateResponse(request, "admin/law/edition/import.html", context)

    def review_held(self, request, edition, session_key, held_pk, context):
        """An upload that waits for a second editor (official.pending): its preview, now, for this editor."""
        held = PendingImport.objects.filter(edition=edition, pk=held_pk).first() if held_pk.isdigit() else None
        if held is None:
            messages.error(request, _("This import has already been confirmed or replaced by a newer upload."))
            return redirect(request.path)
        try:
            import_plan = importer.plan(edition, importer.parse(kept_lines(held.lines), held.lang))
        except importer.OfficialTextError as exc:
            messages.error(request, import_error(exc))
            return redirect(request.path)
        context["held"] = held
        return self.import_preview(request, session_key, official_pending.kept(held), import_plan, context)

    def import_preview(self, request, session_key, pending, import_plan, context, error=""):
        """What the import would change, with a new confirmation token kept beside the file's text."""
        pending = {**pending, "token": secrets.token_urlsafe(16), "fingerprint": import_plan.fingerprint}
        request.session[session_key] = pending
        uploaded_by = pending["uploaded_by"] if pending.get("held") else request.user.pk
        context["waits"] = official_pending.waits_for_another_editor(import_plan, uploaded_by, request.user)
        if pending.get("held") and "held" not in context:
            context["held"] = PendingImport.objects.filter(pk=pending["held"]).select_related("uploaded_by").first()
        as_of, basis = official_versions.as_of(import_plan.law, timezone.localdate())
        read_as = OfficialTextVersion.Format(pending["format"]).label
        encoding = ENCODING_NAMES.get(pending.get("encoding", ""), "")
        if encoding:
            read_as = _("%(format)s in the %(encoding)s encoding") % {"format": read_as, "encoding": encoding}
        context.update(
            {
                "preview": official_preview.describe(import_plan),
                "plan": import_plan,
                "token": pending["token"],
                "fingerprint": pending["fingerprint"],
                "lang": pending["lang"],
                "read_as": read_as,
                "converted": pending.get("encoding") == "cp1251",
                "unmarked": pending.get("unmarked", False),
                "as_of": as_of,
                "as_of_basis": basis,
                "confirm_error": error,
            }
        )
        return TemplateResponse(request, "admin/law/edition/import_preview.html", context)

    def confirm_import(self, request, edition, session_key, context):
        pending = request.session.get(session_key)
        if not pending or "lines" not in pending or pending.get("token") != request.POST.get("confirm"):
            messages.error(request, _("This import has expired. Please upload the file again."))
            return redirect(request.path)
        if still_held(edition, pending) is False:
            return gone(request, session_key)
        try:
            import_plan = importer.plan(edition, importer.parse(kept_lines(pending["lines"]), pending["lang"]))
        except importer.OfficialTextError as exc:
            messages.error(request, import_error(exc))
            return redirect(request.path)
        if import_plan.fingerprint != pending.get("fingerprint"):
            error = _(
                "The stored text has changed since you checked the file. Here is what the import would change "
                "now: check it and confirm again."
            )
            return self.import_preview(request, session_key, pending, import_plan, context, error)
        needs_tick = import_plan.removals or import_plan.mismatches()
        if needs_tick and request.POST.get("understood") != pending["fingerprint"]:
            error = _(
                "Nothing was imported: this import removes or replaces part of the official text. "
                "Tick the confirmation above the button."
            )
            return self.import_preview(request, session_key, pending, import_plan, context, error)
        with transaction.atomic():
            held = still_held(edition, pending, lock=True)
            if held is False:
                return gone(request, session_key)
            uploaded_by = held.uploaded_by_id if held else request.user.pk
            if official_pending.waits_for_another_editor(import_plan, uploaded_by, request.user):
                if held is not None:
                    messages.error(request, _("You uploaded this file, so another editor must check and confirm it."))
                    return redirect(request.path)
                official_pending.hold(edition, pending, request.user)
                del request.session[session_key]
                messages.warning(
                    request,
                    _(
                        "Nothing was changed yet: this import changes the official text of published articles, "
                        "so it waits until another editor checks and confirms it."
                    ),
                )
                return redirect(request.path)
            names = [request.user.get_username()]
            if held is not None and held.uploaded_by is not None:
                names.insert(0, held.uploaded_by.get_username())
            source = importer.Source(
                pending["format"], name=pending["name"], imported_by=", ".join(names), editor=request.user
            )
            importer.apply(import_plan, source)
            if held is not None:
                held.delete()
        del request.session[session_key]
        count = len(import_plan.law.articles)
        messages.success(
            request,
            ngettext(
                "Imported %(count)s article (%(lang)s). Explanations whose official text changed are marked "
                "“explanation needs review”; new articles are drafts until you publish them.",
                "Imported %(count)s articles (%(lang)s). Explanations whose official text changed are marked "
                "“explanation needs review”; new articles are drafts until you publish them.",
                count,
            )
            % {"count": count, "lang": pending["lang"]},
        )
        return redirect(reverse("admin:law_article_translation_status"))
