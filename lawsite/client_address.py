"""The address a request comes from, for the sign-in lockout (django-axes).

Behind a reverse proxy every request reaches the site from the proxy's address, so the client's own
address must come from the X-Forwarded-For header; but a header any client can write is trusted only
when the operator says how many proxies of their own stand in front (DJANGO_TRUSTED_PROXY_COUNT,
default 0: use the connection's address). Each proxy appends the address it received the request
from, so with N trusted proxies the client's address is the N-th from the right; anything to its
left was written by the client and is ignored.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote  # the proxies did not add what they should: do not guess
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
