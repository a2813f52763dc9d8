"""Review in the admin: the mixin that gives a content admin drafts of published records, a second
pair of eyes, bulk actions and a review page; and "my work", what waits for each editor."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.forms.models import model_to_dict
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.publishing import Status
from review import actions, snapshot
from review.compare import next_version_parts
from review.models import Draft

from .bulk_review import BulkReviewActions
from .past_versions import PastNextVersionsMixin

HISTORY_VIEWS = ("_revision", "_recover", "_history")

# How the admin's change form treats a published record on this request (request._review_mode):
SAVE_NEXT = "save-next-version"  # the editor's save becomes the record's next version
SHOW_NEXT = "show-next-version"  # the form shows the next version, not the live record
RESTORE_NEXT = "restore-next-version"  # a restore from history becomes the next version
DRAFT_VERSION_FIELD = "_draft_version"


TAKE_OFF_OUTCOMES = {  # what the editor is told after "take off the site" (review.actions.take_off_site)
    actions.TAKEN_OFF: lambda: _("“%(record)s” was taken off the site. Visitors no longer see it."),
    actions.ASKED: lambda: _(
        "You asked to take “%(record)s” off the site. It stays on the site until another editor confirms."
    ),
    actions.NOT_LIVE: lambda: _("“%(record)s” was not on the site."),
}


def mode(request) -> str | None:
    return getattr(request, "_review_mode", None)


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


class ShownRows:
    """An inline formset that shows the next version's rows instead of the live ones."""

    shown_rows: list = []
    shown_new: list = []

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", [model_to_dict(row, exclude=["id", "version"]) for row in self.shown_new])
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        return list(self.shown_rows)


class ShownLinks:
    """A form that shows the next version's many-to-many links instead of the live ones."""

    shown_links: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, pks in self.shown_links.items():
            if name in self.fields:
                self.initial[name] = pks


class _RolledBack(Exception):
    def __init__(self, response):
        self.response = response


class ReviewedAdmin(PastNextVersionsMixin, BulkReviewActions):
    """For admins of records with a publishing status (articles, pages); put it before EditorAdmin.

    The pages and list actions here call review.actions; nothing here decides a rule of review."""

    change_form_template = "admin/review/change_form.html"

    class Media:
        css = {"all": ("admin/review/review.css",)}

    review_actions = ("send_to_review", "publish", "take_off_the_site")
    # Records with no publishing status (always live once they exist): their changes are reviewed too.
    structure_review_actions = ("send_to_review", "publish")

    # ------------------------------------------------------------------ the change form

    def has_delete_permission(self, request, obj=None):
        # A published record leaves the site by review's "take off the site", never by a deletion
        # (the list's "delete selected" asks this for each record too). A record without a publishing
        # status is deleted only by those whose permissions allow it (administrators: settings.EDITOR_PERMISSIONS).
        if obj is not None and actions.has_publishing_status(type(obj)) and actions.is_live(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Publishing is a step of review (the actions and the review page), never a field to edit.
        if actions.has_publishing_status(self.model):
            return (*super().get_readonly_fields(request, obj), "status")
        return super().get_readonly_fields(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        name = getattr(request.resolver_match, "url_name", "") or ""
        if object_id is None or mode(request) or name.endswith(HISTORY_VIEWS) or "_saveasnew" in request.POST:
            return super().changeform_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if actions.is_live(obj):
            if request.method == "POST":
                request._review_mode = SAVE_NEXT
            elif actions.has_next_version(obj) and self.has_change_permission(request, obj):
                request._review_mode = SHOW_NEXT
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and mode(request) == SHOW_NEXT:
            return snapshot.as_next_version(obj, actions.next_version(obj))
        return obj

    def get_formsets_with_inlines(self, request, obj=None):
        data = actions.next_version(obj) if obj is not None and mode(request) == SHOW_NEXT else None
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            shown = snapshot.parts_as_next_version(data, inline.model, obj.pk) if data else None
            if shown is not None:
                existing, new = shown
                extra = max(formset.extra, len(new))
                attrs = {"shown_rows": existing, "shown_new": new, "extra": extra}
                formset = type(formset.__name__, (ShownRows, formset), attrs)
            yield formset, inline

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if mode(request) == SHOW_NEXT and obj is not None:
            links = snapshot.record_links(actions.next_version(obj) or {"record": {}})
            return type(form.__name__, (ShownLinks, form), {"shown_links": links}) if links else form
        if mode(request) == SAVE_NEXT:
            expected = str(actions.draft_version(obj) if obj is not None else 0)
            return type(form.__name__, (NextVersionCheck, form), {"expected_draft_version": expected})
        return form

    def save_model(self, request, obj, form, change):
        if mode(request) in (SAVE_NEXT, RESTORE_NEXT):
            return  # kept as the next version by save_related, with the inline rows
        name = getattr(request.resolver_match, "url_name", "") or ""
        if (not change or name.endswith("_recover")) and actions.has_publishing_status(type(obj)):
            # New records start as drafts; so does a deleted record brought back from history, whatever
            # status its stored copy had: it goes back on the site through review.
            obj.status = Status.DRAFT
        super().save_model(request, obj, form, change)
        actions.note_change(obj, request.user)

    def save_related(self, request, form, formsets, change):
        if mode(request) == SAVE_NEXT:
            data = snapshot.capture(form.instance, formsets, snapshot.form_links(form))
            actions.save_next_version(form.instance, request.user, data)
        elif mode(request) == RESTORE_NEXT:
            request._restored_next_version = snapshot.capture(form.instance, formsets, snapshot.form_links(form))
        else:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if mode(request) in (SAVE_NEXT, RESTORE_NEXT):
            return []  # nothing was saved to describe; the next version is described when it is published
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if mode(request) in (SAVE_NEXT, RESTORE_NEXT):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if mode(request) in (SAVE_NEXT, RESTORE_NEXT):
            self.message_user(
                request,
                _(
                    "Saved as the next version. Visitors still see the published one until another editor "
                    "reviews and publishes it."
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self.change_url(obj))
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["review"] = self.review_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_context(self, request, obj) -> dict:
        draft = Draft.of(obj)
        live = actions.is_live(obj)
        data = draft.data if draft is not None and snapshot.is_snapshot(draft.data) else None
        has_next = data is not None
        if mode(request) == SAVE_NEXT:
            draft_version = request.POST.get(DRAFT_VERSION_FIELD, "0")
        else:
            draft_version = str(draft.version if draft is not None else 0)
        return {
            "draft": draft,
            "live": live,
            "has_next_version": has_next,
            "next_version_stale": bool(live and has_next and snapshot.why_stale(type(obj), obj.pk, data)),
            "draft_version": draft_version,
            "url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review", args=[obj.pk]),
        }

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A restore of a published record from history becomes its next version, reviewed like any other.

        django-reversion restores the stored copy and shows it in the change form, inside a
        transaction; for a published record the whole restore is rolled back and what the form
        would have saved is kept as the next version instead."""
        obj = self.get_object(request, unquote(object_id))
        refusal = actions.restore_refusal(obj, request.user) if actions.is_live(obj) else None
        if refusal:
            messages.error(request, refusal)
            return redirect(self.change_url(obj))
        if request.method != "POST" or not actions.is_live(obj) or not self.has_change_permission(request, obj):
            return super().revision_view(request, object_id, version_id, extra_context)
        request._review_mode = RESTORE_NEXT
        try:
            with transaction.atomic():
                raise _RolledBack(super().revision_view(request, object_id, version_id, extra_context))
        except _RolledBack as rolled_back:
            response = rolled_back.response
        restored = getattr(request, "_restored_next_version", None)
        if restored is not None:
            actions.save_next_version(obj, request.user, snapshot.rebased(type(obj), obj.pk, restored), replaces=True)
        return response

    # ------------------------------------------------------------------ the review page

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        extra = [path("<path:object_id>/review/", self.admin_site.admin_view(self.review_view), name=name)]
        return extra + super().get_urls()

    def review_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST":
            step = request.POST.get("step")
            if step == "discard" and request.POST.get("confirmed") != "yes" and actions.has_next_version(obj):
                return self.confirm_discard(request, obj)
            self.take_step(request, obj, step)
            return redirect(request.path)
        draft = Draft.of(obj)
        data = actions.next_version(obj)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review: %(record)s") % {"record": obj},
            "opts": self.opts,
            "original": obj,
            "draft": draft,
            "live": actions.is_live(obj),
            "parts": next_version_parts(obj, data) if data is not None else [],
            "refusal": actions.publish_refusal(obj, request.user),
            "stale": actions.stale_refusal(obj),
            "can_carry_over": actions.can_carry_over(obj),
            "take_off_label": take_off_label(obj, draft, request.user),
            "change_url": self.change_url(obj),
        }
        return TemplateResponse(request, "admin/review/review.html", context)

    def take_step(self, request, obj, step) -> None:
        steps = {
            "publish": lambda: actions.publish(obj, request.user) or _("“%(record)s” is published."),
            "return": lambda: (
                actions.return_with_comment(obj, request.user, request.POST.get("comment", ""))
                or _("Returned to its author with your comment.")
            ),
            "send": lambda: (
                actions.send_to_review(obj, request.user) or _("Sent to review. Another editor can now publish it.")
            ),
            "discard": lambda: (
                actions.discard(obj, request.user)
                or _("The next version was discarded. The published version is unchanged.")
            ),
            "take_off": lambda: TAKE_OFF_OUTCOMES[actions.take_off_site(obj, request.user)](),
            "carry_over": lambda: (
                actions.apply_to_published(obj, request.user)
                and _(
                    "Your changes now apply to the current published text of “%(record)s”. Read them again "
                    "below, then send them to review."
                )
            ),
        }
        if step not in steps:
            return
        try:
            message = steps[step]()
        except actions.Refused as refused:
            messages.error(request, str(refused))
            return
        messages.success(request, message % {"record": obj})

    def report_take_off(self, request, obj, outcome: str) -> None:
        self.message_user(request, TAKE_OFF_OUTCOMES[outcome]() % {"record": obj}, messages.SUCCESS)

    def change_url(self, obj) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

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


def take_off_label(obj, draft, user) -> str | None:
    """The review page's button that takes a published record off the site (None: no such step now)."""
    if not actions.has_publishing_status(type(obj)) or not actions.is_live(obj) or actions.has_next_version(obj):
        return None
    asked_by = draft.take_off_asked_by_id if draft is not None else None
    if not actions.second_editor_needed() or (asked_by is not None and asked_by != user.pk):
        return _("Take off the site")
    return _("Ask to take off the site (another editor confirms)")
