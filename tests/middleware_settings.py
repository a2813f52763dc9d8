"""The site's settings plus one middleware that reads the signed-in user before any view runs, as a
"last seen" stamp or an editors' preview switch would. With the database down, a request that
carries a session cookie then meets the outage in a middleware, not in a view (tests/test_faults.py).
"""

from lawsite.settings import *  # noqa: F403
from lawsite.settings import MIDDLEWARE


class ReadsTheUser:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:  # with a session cookie: the session, then the user
            request.user_seen = True
        return self.get_response(request)


MIDDLEWARE = [*MIDDLEWARE, "tests.middleware_settings.ReadsTheUser"]
