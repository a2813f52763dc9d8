"""At most FEEDBACK_RATE_LIMIT answers from one client address in FEEDBACK_RATE_WINDOW seconds.

Counted in Django's default cache, which every worker shares once CACHE_URL names Redis or memcached.
The key is a keyed hash of the address (HMAC with the site's secret key): the address itself is never
kept, in the cache or in the database. A window opens with an address's first answer and closes
WINDOW seconds later. A cache that cannot be reached lets answers through rather than turn visitors
away (see lawsite/caching.py: the cache is never what takes the site down).
"""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from lawsite.client_address import client_address

logger = logging.getLogger(__name__)

KEY_SALT = "feedback.rate_limit"


def counted_as(address: str) -> str:
    """One visitor's share: the address itself, or for IPv6 its /64 network (a single connection is
    usually given a whole /64, so counting addresses one by one would not limit anyone)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # an IPv4 visitor seen through an IPv6 socket
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def cache_key(address: str) -> str:
    return "feedback-rate:" + salted_hmac(KEY_SALT, counted_as(address), algorithm="sha256").hexdigest()


def allow(request) -> bool:
    """Count this answer against its address; False when the address has used up its window."""
    key = cache_key(client_address(request))
    window = settings.FEEDBACK_RATE_WINDOW
    try:
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # the window closed between add() and incr(): this answer opens a new one
            cache.set(key, 1, window)
            count = 1
    except Exception:  # noqa: BLE001 - a cache that is down must not take the form down
        logger.warning("cache unreachable; feedback not rate-limited", exc_info=True)
        return True
    return count <= settings.FEEDBACK_RATE_LIMIT
