"""Next versions that were not published, in a record's history: discarded, replaced or returned
ones stay listed with who wrote them and what became of them, and an editor can reopen one as the
record's next version (review.actions.reopen). Discarding one asks first, naming its author."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from review import actions
from review.compare import next_version_parts
from review.models import Draft, PastNextVersion


class PastNextVersionsMixin:
    """For ReviewedAdmin: the history lists the record's unpublished next versions; each opens on a
    page that shows what it would change and offers to reopen it."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_past_next_version"
        view = self.admin_site.admin_view(self.past_next_version_view)
        extra = [path("<path:object_id>/history/unpublished/<int:past_id>/", view, name=name)]
        return extra + super().get_urls()

    def past_next_version_url(self, obj, past) -> str:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_past_next_version"
        return reverse(name, args=[obj.pk, past.pk])

    def history_view(self, request, object_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if record is not None:
            context["past_next_versions"] = [
                {"past": past, "url": self.past_next_version_url(record, past)} for past in PastNextVersion.of(record)
            ]
        return super().history_view(request, object_id, context)

    def past_next_version_view(self, request, object_id, past_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        past = get_object_or_404(PastNextVersion.of(obj), pk=past_id)
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            try:
                actions.reopen(obj, request.user, past)
            except actions.Refused as refused:
                messages.error(request, str(refused))
                return redirect(request.path)
            messages.success(
                request,
                _(
                    "The next version is open again. Visitors still see the published one until another "
                    "editor publishes it."
                ),
            )
            return redirect(self.change_url(obj))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Next version that was not published: %(record)s") % {"record": obj},
            "opts": self.opts,
            "original": obj,
            "past": past,
            "parts": next_version_parts(obj, past.data),
            "live": actions.is_live(obj),
            "can_reopen": self.has_change_permission(request, obj) and actions.is_live(obj),
            "refusal": actions.restore_refusal(obj, request.user) if actions.is_live(obj) else None,
            "history_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]),
            "change_url": self.change_url(obj),
        }
        return TemplateResponse(request, "admin/review/past_next_version.html", context)

    def confirm_discard(self, request, obj):
        """The page that asks before a next version is discarded, naming who wrote it."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("Discard the next version of “%(record)s”?") % {"record": obj},
            "opts": self.opts,
            "original": obj,
            "draft": Draft.of(obj),
            "change_url": self.change_url(obj),
        }
        return TemplateResponse(request, "admin/review/confirm_discard.html", context)
