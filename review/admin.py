"""Review in the admin: the mixin that gives a content admin drafts of published records, a second
pair of eyes, bulk actions and a review page; and "my work", what waits for each editor."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reversion import is_active, set_comment

from . import workflow
from .compare import next_version_parts
from .models import Draft
from .requests import (
    DRAFT_VERSION_FIELD,
    PUBLISH,
    SAVE_NEXT,
    SHOW_NEXT,
    as_posted,
    mode,
    posted_form,
    with_live_versions,
)

HISTORY_VIEWS = ("_revision", "_recover", "_history")


class ShownOnly:
    """A form that shows a saved next version: it is checked, so problems show, but never saved."""

    def is_valid(self):
        self.errors  # noqa: B018  (runs the checks)
        return False


class NextVersionCheck:
    """Refuses a save made from an older copy of the next version than the one saved now."""

    expected_draft_version = "0"

    def clean(self):
        cleaned = super().clean()
        if self.data.get(DRAFT_VERSION_FIELD) != self.expected_draft_version:
            raise ValidationError(
                _(
                    "Another editor saved this record's next version after you opened it, so your changes were "
                    "NOT saved. Your text is still in this form: copy it, open the record again, and add your "
                    "changes to theirs."
                ),
                code="stale_next_version",
            )
        return cleaned


class ReviewedAdmin:
    """For admins of records with a publishing status (articles, pages); put it before EditorAdmin."""

    change_form_template = "admin/review/change_form.html"

    class Media:
        css = {"all": ("admin/review/review.css",)}

    review_actions = ("send_to_review", "publish", "take_off_the_site")

    # ------------------------------------------------------------------ the change form

    def get_readonly_fields(self, request, obj=None):
        # Publishing is a step of review (the actions and the review page), never a field to edit.
        return (*super().get_readonly_fields(request, obj), "status")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        name = getattr(request.resolver_match, "url_name", "") or ""
        if object_id is None or mode(request) or name.endswith(HISTORY_VIEWS) or "_saveasnew" in request.POST:
            return super().changeform_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if workflow.is_live(obj):
            draft = Draft.of(obj)
            if request.method == "POST":
                request._review_mode = SAVE_NEXT
            elif draft is not None and draft.data and self.has_change_permission(request, obj):
                request = as_posted(request, draft.data, SHOW_NEXT)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if mode(request) == SHOW_NEXT:
            return type(form.__name__, (ShownOnly, form), {})
        if mode(request) == SAVE_NEXT:
            expected = str(workflow.draft_version(obj) if obj is not None else 0)
            return type(form.__name__, (NextVersionCheck, form), {"expected_draft_version": expected})
        return form

    def save_model(self, request, obj, form, change):
        if mode(request) == SAVE_NEXT:
            workflow.save_next_version(obj, request.user, posted_form(request))
            return
        if not change:
            obj.status = workflow.DRAFT  # new records start as drafts
        super().save_model(request, obj, form, change)
        if mode(request) != PUBLISH:
            workflow.note_change(obj, request.user)

    def save_related(self, request, form, formsets, change):
        if mode(request) != SAVE_NEXT:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if mode(request) == SAVE_NEXT:
            return []  # nothing was saved to describe; the next version is described when it is published
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if mode(request) == SAVE_NEXT:
            return None
        entry = super().log_change(request, obj, message)
        if mode(request) == PUBLISH and is_active():
            set_comment(_("Published the next version. %(changes)s") % {"changes": entry.get_change_message()})
        return entry

    def response_change(self, request, obj):
        if mode(request) == SAVE_NEXT:
            self.message_user(
                request,
                _(
                    "Saved as the next version. Visitors still see the published one until another editor "
                    "reviews and publishes it."
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self.change_url(obj))
        if mode(request) == PUBLISH:
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["review"] = self.review_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_context(self, request, obj) -> dict:
        draft = Draft.of(obj)
        live = workflow.is_live(obj)
        if mode(request) == SAVE_NEXT:
            draft_version = request.POST.get(DRAFT_VERSION_FIELD, "0")
        else:
            draft_version = str(draft.version if draft is not None else 0)
        return {
            "draft": draft,
            "live": live,
            "has_next_version": bool(draft and draft.data),
            "next_version_stale": bool(live and draft and draft.data)
            and self.next_version_is_stale(request, obj, draft),
            "draft_version": draft_version,
            "url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review", args=[obj.pk]),
        }

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A restore of a published record from history becomes its next version, reviewed like any other."""
        obj = self.get_object(request, unquote(object_id))
        if request.method != "POST" or not workflow.is_live(obj) or not self.has_change_permission(request, obj):
            return super().revision_view(request, object_id, version_id, extra_context)
        models_by_prefix = {fs.get_default_prefix(): i.model for fs, i in self.get_formsets_with_inlines(request, obj)}
        data = with_live_versions(posted_form(request), obj, models_by_prefix)
        data[DRAFT_VERSION_FIELD] = [str(workflow.draft_version(obj))]
        posted = as_posted(request, data, SAVE_NEXT)
        posted.resolver_match = resolve(self.change_url(obj))
        return self.change_view(posted, str(obj.pk))

    def next_version_is_stale(self, request, obj, draft) -> bool:
        """Whether the published record changed after its next version was saved (an import, a restore…)."""
        models_by_prefix = {fs.get_default_prefix(): i.model for fs, i in self.get_formsets_with_inlines(request, obj)}
        return with_live_versions(draft.data, obj, models_by_prefix) != draft.data

    # ------------------------------------------------------------------ the review page

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        extra = [path("<path:object_id>/review/", self.admin_site.admin_view(self.review_view), name=name)]
        return extra + super().get_urls()

    def review_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        url = request.path
        if request.method == "POST":
            step = request.POST.get("step")
            if step == "publish":
                self.publish_one(request, obj)
            elif step == "return":
                comment = request.POST.get("comment", "").strip()
                if not comment:
                    messages.error(request, _("Write what should change before you return the work."))
                    return redirect(url)
                workflow.return_with_comment(obj, request.user, comment)
                messages.success(request, _("Returned to its author with your comment."))
            elif step == "send":
                workflow.send_to_review(obj, request.user)
                messages.success(request, _("Sent to review. Another editor can now publish it."))
            elif step == "discard":
                if not workflow.has_next_version(obj):
                    messages.error(request, _("There is no next version to discard."))
                    return redirect(url)
                workflow.discard(obj)
                messages.success(request, _("The next version was discarded. The published version is unchanged."))
            return redirect(url)
        draft = Draft.of(obj)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review: %(record)s") % {"record": obj},
            "opts": self.opts,
            "original": obj,
            "draft": draft,
            "live": workflow.is_live(obj),
            "parts": next_version_parts(self, request, obj, draft.data) if draft and draft.data else [],
            "refusal": workflow.publish_refusal(obj, request.user),
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]),
        }
        return TemplateResponse(request, "admin/review/review.html", context)

    def change_url(self, obj) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

    def publish_one(self, request, obj) -> bool:
        refusal = workflow.publish_refusal(obj, request.user)
        if refusal:
            messages.error(request, refusal)
            return False
        draft = Draft.of(obj)
        if draft is not None and draft.data and not workflow.is_live(obj):
            messages.error(
                request,
                _("“%(record)s” has a next version from when it was published: discard it before publishing.")
                % {"record": obj},
            )
            return False
        if draft is not None and draft.data:
            posted = as_posted(request, draft.data, PUBLISH)
            posted.resolver_match = resolve(self.change_url(obj))  # the page the form belongs to
            response = self.change_view(posted, str(obj.pk))
            if response.status_code != 302:
                messages.error(
                    request,
                    _(
                        "“%(record)s” was not published: its next version no longer fits the published record, "
                        "which changed since (an import, or another editor). Open it to see what to fix."
                    )
                    % {"record": obj},
                )
                return False
        elif not workflow.is_live(obj):
            workflow.set_status(obj, workflow.PUBLISHED, request.user, _("Published"))
        workflow.published(obj)
        messages.success(request, _("“%(record)s” is published.") % {"record": obj})
        return True

    # ------------------------------------------------------------------ the list

    def get_queryset(self, request):
        drafts = Draft.objects.filter(
            content_type__app_label=self.opts.app_label,
            content_type__model=self.opts.model_name,
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        drafts = drafts.exclude(state=Draft.State.EDITING, data__isnull=True, changed_by__isnull=True)
        return super().get_queryset(request).annotate(review_state=Subquery(drafts.values("state")[:1]))

    @admin.display(description=gettext_lazy("review"), ordering="review_state")
    def review_state(self, obj):
        return Draft.State(obj.review_state).label if getattr(obj, "review_state", None) else "—"

    @admin.action(description=gettext_lazy("Send to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        for obj in queryset:
            workflow.send_to_review(obj, request.user)
        count = len(queryset)
        message = ngettext("%(count)d record sent to review.", "%(count)d records sent to review.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=gettext_lazy("Publish (needs a second editor)"), permissions=["change"])
    def publish(self, request, queryset):
        for obj in queryset:
            self.publish_one(request, obj)

    @admin.action(description=gettext_lazy("Take off the site (back to draft)"), permissions=["change"])
    def take_off_the_site(self, request, queryset):
        count = 0
        for obj in queryset:
            if workflow.has_next_version(obj):
                message = _("“%(record)s” has a next version waiting: publish or discard it first.")
                self.message_user(request, message % {"record": obj}, messages.ERROR)
                continue
            if workflow.is_live(obj):
                workflow.set_status(obj, workflow.DRAFT, request.user, _("Taken off the site"))
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d record taken off the site.", "%(count)d records taken off the site.", count)
            % {"count": count},
        )


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    """Work in progress, read-only: it changes through the records' own pages. "My work" sorts it per editor."""

    list_display = ("__str__", "content_type", "state", "changed_by", "changed_at", "comment")
    list_filter = ("state", "content_type")
    list_select_related = ("content_type", "changed_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # work in progress ends by publishing or discarding, on the record's review page

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def get_urls(self):
        extra = [path("my-work/", self.admin_site.admin_view(self.my_work_view), name="review_my_work")]
        return extra + super().get_urls()

    def my_work_view(self, request):
        drafts = list(Draft.objects.select_related("content_type", "changed_by", "reviewed_by", "sent_by"))
        mine = [d for d in drafts if d.changed_by_id == request.user.pk]
        sections = [
            (_("Returned to you with a comment"), [d for d in mine if d.state == Draft.State.RETURNED]),
            (
                _("Waiting for your review"),
                [d for d in drafts if d.state == Draft.State.IN_REVIEW and d.changed_by_id != request.user.pk],
            ),
            (_("Your work being edited or in review"), [d for d in mine if d.state != Draft.State.RETURNED]),
        ]
        for _title, items in sections:
            for draft in items:
                draft.review_url = review_url(draft)
        context = {
            **self.admin_site.each_context(request),
            "title": _("My work"),
            "sections": sections,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/review/my_work.html", context)


def review_url(draft) -> str | None:
    target = draft.target
    if target is None:
        return None
    opts = target._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[target.pk])
    except Exception:  # noqa: BLE001  (a kind of record without review)
        return None
