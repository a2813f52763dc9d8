"""When the database cannot be reached, visitors get a calm 503 page in their language.

The page is rendered without the database and without context processors, and asks the browser
and any CDN to try again shortly. The error itself goes to the log, never to the visitor.
"""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

from .views import language_from_path

logger = logging.getLogger(__name__)
UNAVAILABLE = (OperationalError, InterfaceError)


def unavailable_response(request):
    with translation.override(language_from_path(request.path)):
        html = loader.get_template("503.html").render({"LANGUAGE_CODE": translation.get_language()})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except UNAVAILABLE:
            logger.exception("database unavailable")
            return unavailable_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE) or (
            isinstance(exception, DatabaseError) and "unable to open database" in str(exception)
        ):
            logger.error("database unavailable: %s", exception)
            return unavailable_response(request)
        return None
