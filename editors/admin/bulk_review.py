"""Review's list actions, with a look before they act.

"Publish" and "take off the site" change what visitors see, so from the list they first show a page:
each selected record with what would be published (its next version word by word, or "the whole
record is new to visitors"), or why nothing would happen to it. Only the confirmation acts, and the
messages after it name what was published, what had nothing to publish and what was refused.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from review import actions
from review.compare import next_version_parts
from review.models import Draft

CONFIRMED = "confirmed"


def publish_look(obj, user) -> dict:
    """What publishing this record from the list would do."""
    data = actions.next_version(obj)
    live = actions.is_live(obj)
    refusal = actions.publish_refusal(obj, user)
    if refusal:
        return {"kind": "refused", "why": refusal}
    if data is not None and live:
        if actions.why_stale(obj):
            return {"kind": "refused", "why": _("Its next version no longer fits the published record: open it first.")}
        return {"kind": "changes", "parts": next_version_parts(obj, data)}
    if data is not None:
        return {"kind": "refused", "why": _("It has a next version from when it was published: discard it first.")}
    if not live:
        return {"kind": "new", "why": _("The whole record becomes visible to visitors.")}
    return {"kind": "nothing", "why": _("Nothing to publish: visitors already see this record as it is.")}


def take_off_look(obj, user) -> dict:
    if not actions.has_publishing_status(type(obj)):
        return {"kind": "refused", "why": _("It is part of the law's structure and cannot be taken off the site.")}
    if actions.has_next_version(obj):
        return {"kind": "refused", "why": _("A next version waits: publish or discard it first.")}
    if not actions.is_live(obj):
        return {"kind": "nothing", "why": _("It is not on the site.")}
    draft = Draft.of(obj)
    asked_by = draft.take_off_asked_by_id if draft is not None else None
    if actions.second_editor_needed() and (asked_by is None or asked_by == user.pk):
        return {"kind": "ask", "why": _("You ask to take it off; it stays on the site until another editor confirms.")}
    return {"kind": "off", "why": _("Visitors will no longer see it. Links to it from other pages will lead nowhere.")}


class BulkReviewActions:
    """For ReviewedAdmin: send to review, publish and take off the site, from the list."""

    def confirm_page(self, request, records, action: str, title: str, button: str, rows) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "action": action,
            "button": button,
            "rows": rows,
            "selected": [obj.pk for obj in records],
            "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "any_to_do": any(row["look"]["kind"] in ("changes", "new", "ask", "off") for row in rows),
        }
        return TemplateResponse(request, "admin/review/confirm_bulk.html", context)

    def rows(self, records, look, user) -> list[dict]:
        return [{"record": obj, "url": self.change_url(obj), "look": look(obj, user)} for obj in records]

    @admin.action(description=gettext_lazy("Send to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        count = 0
        for obj in queryset:
            try:
                actions.send_to_review(obj, request.user)
            except actions.Refused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                count += 1
        message = ngettext("%(count)d record sent to review.", "%(count)d records sent to review.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=gettext_lazy("Publish (needs a second editor)"), permissions=["change"])
    def publish(self, request, queryset):
        records = list(queryset)
        if request.POST.get(CONFIRMED) != "yes":
            title = _("Publish these records?")
            rows = self.rows(records, publish_look, request.user)
            return self.confirm_page(request, records, "publish", title, _("Yes, publish"), rows)
        for obj in records:
            if publish_look(obj, request.user)["kind"] == "nothing":
                self.message_user(request, _("“%(record)s”: nothing to publish.") % {"record": obj}, messages.INFO)
                continue
            try:
                actions.publish(obj, request.user)
            except actions.Refused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(request, _("“%(record)s” is published.") % {"record": obj}, messages.SUCCESS)
        return None

    @admin.action(description=gettext_lazy("Take off the site (needs a second editor)"), permissions=["change"])
    def take_off_the_site(self, request, queryset):
        records = list(queryset)
        if request.POST.get(CONFIRMED) != "yes":
            title = _("Take these records off the site?")
            rows = self.rows(records, take_off_look, request.user)
            return self.confirm_page(request, records, "take_off_the_site", title, _("Yes, go on"), rows)
        for obj in records:
            try:
                self.report_take_off(request, obj, actions.take_off_site(obj, request.user))
            except actions.Refused as refused:
                self.message_user(request, str(refused), messages.ERROR)
        return None
