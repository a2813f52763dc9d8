"""The answers in the admin, read-only: filters, search, answers per page, and a CSV export for a
spreadsheet. Editors see them (the "view" right); only a superuser may delete one; nobody adds or
changes one (they are what visitors said)."""

import csv
import re

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .models import PageFeedback

CSV_COLUMNS = ["created_at", "page", "edition", "article", "useful", "comment", "language"]
# A cell a spreadsheet would run as a formula (a visitor's comment "=HYPERLINK(…)") is kept as text:
# an apostrophe goes before it. Whatever the spreadsheet splits cells on: the file's commas, or `;` (Excel
# in Russian and Kazakh, which then also splits inside a quoted cell), a tab or a line break inside a
# comment; spaces and quotes before the formula do not make it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA = ("=", "+", "-", "@")
FORMULA_INSIDE = re.compile(r"""([,;\t\r\n][\s"]*)(?=[=+\-@])""")


def spreadsheet_text(value: str) -> str:
    value = FORMULA_INSIDE.sub(r"\1'", value)
    if value.startswith(FORMULA_STARTS) or value.lstrip(' "').startswith(FORMULA):
        return f"'{value}"
    return value


def csv_response(queryset) -> HttpResponse:
    """UTF-8 with a byte-order mark, so that Excel opens Kazakh and Russian comments as they are."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="feedback-{timezone.localdate():%Y-%m-%d}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for answer in queryset.order_by("created_at", "pk").iterator():
        writer.writerow(
            [
                timezone.localtime(answer.created_at).isoformat(timespec="seconds"),
                spreadsheet_text(answer.page),
                spreadsheet_text(answer.edition_slug or ""),
                spreadsheet_text(answer.article_number or ""),
                "yes" if answer.useful else "no",
                spreadsheet_text(answer.comment),
                answer.language,
            ]
        )
    return response


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ("created_at", "useful", "page_link", "short_comment", "language", "edition_slug", "article_number")
    list_filter = ("useful", "language", "edition_slug", "created_at")
    search_fields = ("page", "comment")
    fields = ("created_at", "page", "edition_slug", "article_number", "useful", "comment", "language")
    readonly_fields = fields
    actions = ["export_csv"]
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    @admin.display(description=_("page"), ordering="page")
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.page, Truncator(obj.page).chars(80))

    @admin.display(description=_("comment"))
    def short_comment(self, obj):
        return Truncator(obj.comment).chars(120)

    @admin.action(description=_("Export the selected answers as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return csv_response(queryset)

    def get_urls(self):
        extra = [
            path("export/", self.admin_site.admin_view(self.export_view), name="feedback_pagefeedback_export"),
            path("pages/", self.admin_site.admin_view(self.pages_view), name="feedback_pagefeedback_pages"),
        ]
        return extra + super().get_urls()

    def listed(self, request):
        """The answers the list shows with the same filters and search (the query string is the list's)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self.get_changelist_instance(request).get_queryset(request)

    def export_view(self, request):
        """Every answer the list shows, not only the page on screen."""
        try:
            return csv_response(self.listed(request))
        except IncorrectLookupParameters:
            return redirect(reverse("admin:feedback_pagefeedback_changelist") + "?e=1")

    def pages_view(self, request):
        """Per page: how many said yes, how many no, how many wrote a comment."""
        try:
            answers = self.listed(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:feedback_pagefeedback_changelist") + "?e=1")
        rows = (
            answers.order_by()
            .values("page")
            .annotate(
                total=Count("pk"),
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-total", "page")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Answers per page"),
            "opts": self.model._meta,
            "rows": rows,
            "filtered": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/feedback/pagefeedback/pages.html", context)
