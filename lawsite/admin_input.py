"""The admin answers bad input with a message, never a 500, whichever admin (ours, Django's, django-axes').

`AdminInputMiddleware` checks what the admin would otherwise hand on to the database as it came:
- A NUL character anywhere in the address, the query string or a posted form. PostgreSQL refuses text
  with NUL in it, and a search, a list filter, a date or a raw form value (the reviewer's comment) goes
  to it as it came; Django's form fields refuse NUL, raw parameters do not. Refused with a 400 page.
- The rows a list action is asked to act on. Django filters by them as they came (`pk__in`), and an id
  that is not a number, or one larger than the column holds, fails in the database. Refused with a
  message on the list, as Django says that no rows were selected.
- The year, month and day of a list's date hierarchy: Django checks that they make a date, not that
  they are small enough to try. A number too long for a date gets Django's answer to a bad filter.
Placed after the messages middleware (the signed-in user and the messages).
"""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
NUL = "\x00"
DATE_PARTS = ("year", "month", "day")
LONGEST_DATE_PART = 4  # a year: anything longer is no date Django can make


def has_nul(request) -> bool:
    if NUL in request.path:
        return True
    for query in (request.GET, request.POST):
        for name, values in query.lists():
            if NUL in name or any(NUL in value for value in values):
                return True
    return False


def is_pk(model, value: str) -> bool:
    """Whether `value` is a primary key the database can be asked about (numbers within its range)."""
    field = model._meta.pk
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


def refuse_nul(request):
    context = {
        **admin.site.each_context(request),
        "title": _("The request has a character the site cannot use"),
        "message": _(
            "The form or the address contains a hidden control character (NUL). Nothing was saved. "
            "Type the text again instead of pasting it, then try again."
        ),
    }
    return TemplateResponse(request, "admin/bad_request.html", context, status=400)


class AdminInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and has_nul(request):
            return refuse_nul(request).render()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)  # set on each ModelAdmin's own pages
        match = request.resolver_match
        if model_admin is None or match is None or not (match.url_name or "").endswith("_changelist"):
            return None
        if request.method == "POST" and ACTION_CHECKBOX_NAME in request.POST:
            selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
            if not all(is_pk(model_admin.model, value) for value in selected):
                messages.error(
                    request,
                    _("Some of the selected rows are not rows of this list, so nothing was done. Select them again."),
                )
                return HttpResponseRedirect(request.get_full_path())
        if model_admin.date_hierarchy:
            parts = [request.GET.get(f"{model_admin.date_hierarchy}__{part}", "") for part in DATE_PARTS]
            if any(len(part) > LONGEST_DATE_PART for part in parts):
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return None
