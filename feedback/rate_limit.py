"""At most FEEDBACK_RATE_LIMIT answers from one client address in FEEDBACK_RATE_WINDOW seconds.

Counted in the database, which every worker on every machine shares whatever the cache (with the
default locmem cache each process would count on its own and let through as many times the limit).
The key is a keyed hash of the address (HMAC with the site's secret key): the address itself is never
kept. A window opens with an address's first answer and closes WINDOW seconds later; closed windows
are deleted at the next answer anyone sends, so no hash outlives its window by much.
"""

import datetime
import ipaddress

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from lawsite.client_address import client_address

from .models import RateWindow

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


def window_key(address: str) -> str:
    return salted_hmac(KEY_SALT, counted_as(address), algorithm="sha256").hexdigest()


def allow(request) -> bool:
    """Count this answer against its address; False when the address has used up its window."""
    key = window_key(client_address(request))
    now = timezone.now()
    RateWindow.objects.filter(ends_at__lte=now).delete()
    # One UPDATE adds one, atomically, however many workers count at once.
    if RateWindow.objects.filter(key=key).update(count=F("count") + 1):
        count = RateWindow.objects.filter(key=key).values_list("count", flat=True).first() or 1
    else:
        count = 1  # this answer opens a window
        try:
            with transaction.atomic():
                ends_at = now + datetime.timedelta(seconds=settings.FEEDBACK_RATE_WINDOW)
                RateWindow.objects.create(key=key, ends_at=ends_at, count=count)
        except IntegrityError:  # another worker opened it a moment ago: count in that one
            return allow(request)
    return count <= settings.FEEDBACK_RATE_LIMIT
