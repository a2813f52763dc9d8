"""Editors hide a trivial change from the public change log, or show it again; nobody hides their own."""

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from law.signals import bump

from .models import ChangeLogEntry, LoggedChange


@admin.register(LoggedChange)
class LoggedChangeAdmin(admin.ModelAdmin):
    list_display = ("date_created", "user", "comment", "shown_in_log")
    list_filter = ("date_created",)
    search_fields = ("comment",)
    actions = ("hide_from_log", "show_in_log")
    date_hierarchy = "date_created"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ("date_created", "user", "comment")

    def get_queryset(self, request):
        hidden = ChangeLogEntry.objects.filter(revision=OuterRef("pk"), hidden=True)
        return super().get_queryset(request).select_related("user").annotate(is_hidden=Exists(hidden))

    @admin.display(boolean=True, description=_("shown in the public change log"))
    def shown_in_log(self, revision):
        return not revision.is_hidden

    @admin.action(description=_("Hide from the public change log"), permissions=["change"])
    def hide_from_log(self, request, queryset):
        # A second pair of eyes here too: nobody hides their own change from the public.
        own = queryset.filter(user=request.user)
        if own.exists():
            self.message_user(
                request,
                _("Your own changes stay in the public change log: another editor decides whether to hide them."),
                messages.ERROR,
            )
        others = queryset.exclude(user=request.user)
        if not others.exists():
            return
        ChangeLogEntry.objects.filter(revision__in=others).update(hidden=True, hidden_by=request.user)
        bump()
        self.message_user(request, _("Hidden from the public change log."), messages.SUCCESS)

    @admin.action(description=_("Show in the public change log"), permissions=["change"])
    def show_in_log(self, request, queryset):
        ChangeLogEntry.objects.filter(revision__in=queryset).update(hidden=False, hidden_by=None)
        bump()
        self.message_user(request, _("Shown in the public change log."), messages.SUCCESS)
