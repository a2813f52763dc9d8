"""Work in progress in the admin, read-only, and "my work": what waits for each editor."""

from __future__ import annotations

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from review import actions
from review.models import Draft


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
                # Returned work is fixed in the form (the comment shows there); the rest is read on review.
                draft.link = change_url(draft) if draft.state == Draft.State.RETURNED else draft.review_url
                target = draft.target
                draft.stale = target is not None and actions.stale_refusal(target) is not None
        context = {
            **self.admin_site.each_context(request),
            "title": _("My work"),
            "sections": sections,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/review/my_work.html", context)


def change_url(draft) -> str | None:
    target = draft.target
    if target is None:
        return None
    opts = target._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])


def review_url(draft) -> str | None:
    target = draft.target
    if target is None:
        return None
    opts = target._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[target.pk])
    except Exception:  # noqa: BLE001  (a kind of record without review)
        return None
