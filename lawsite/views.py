"""Error pages in the visitor's language, with no dependency on the database for the 500 and 503 pages.

When the database cannot be reached, visitors get a calm 503 page instead of the 500 one, and the
browser and any CDN are asked to try again shortly. Django calls `handler500` (`server_error`) for an
exception raised anywhere in the request, in a view or in a middleware (the session, the signed-in
user, django-axes), and calls it inside its `except` block, so `sys.exc_info()` says what went wrong.
The error itself goes to the log (django.request), never to the visitor.
"""

import sys

from django.conf import settings
from django.db import DatabaseError, DataError, IntegrityError, InterfaceError, NotSupportedError, ProgrammingError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation

# A database that is down, restarting, out of connections or whose file is damaged raises a
# DatabaseError (OperationalError, InterfaceError, or the bare kind for "file is not a database");
# these four subclasses come from the request or the code instead, and stay 500s.
OUR_MISTAKES = (DataError, IntegrityError, NotSupportedError, ProgrammingError)


def database_unavailable(error) -> bool:
    if isinstance(error, InterfaceError):  # a connection that is gone (not a DatabaseError in Django)
        return True
    return isinstance(error, DatabaseError) and not isinstance(error, OUR_MISTAKES)


def language_from_path(path):
    codes = {code for code, _name in settings.LANGUAGES}
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in codes else settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def robots_txt(request):
    """Everything public may be crawled, except the admin and the pages made from a query (answers,
    searches, print views: many addresses for the same words); the sitemap lists the rest."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    parts = ("search/", "check/result/", "check/r/", "ai-law/*/check/result/", "feedback/")
    lines += [f"Disallow: /{code}/{part}" for code, _name in settings.LANGUAGES for part in parts]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def standalone_page(request, template):
    # Kept minimal on purpose: no context processors, no database, nothing that can fail again.
    with translation.override(language_from_path(request.path)):
        return loader.get_template(template).render({"LANGUAGE_CODE": translation.get_language()})


def server_error(request):
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return HttpResponseServerError(standalone_page(request, "500.html"))


def service_unavailable(request):
    response = HttpResponse(standalone_page(request, "503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response
