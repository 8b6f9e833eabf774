"""Limits on application POSTs: per applicant session, with a higher ceiling per client address.

Everyone behind one address (a library, a council office) shares the address ceiling
(``APPLICATION_RATE_LIMIT_PER_ADDRESS``), while one session is held to
``APPLICATION_RATE_LIMIT``; a POST that starts a session counts towards the address only.
Counts are kept where every app server sees them: the shared cache named by
``APPLICATION_RATE_LIMIT_CACHE`` (Redis), else the database (``PostCount``), never in one
process. Hand-written, not django-ratelimit: its checks refuse the database cache (no atomic
increment), and the database is our store when there is no Redis.
Keys hold a hash, never the address or the session key.
"""

import datetime as dt
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import caches

EXPIRY_MARGIN = 5  # seconds a count outlives its window, so it is never missed at the edge


def client_address(request):
    """The client's address: the X-Forwarded-For entry the outermost trusted proxy added.

    With ``TRUSTED_PROXY_COUNT`` proxies in front of the app, each appends the address it
    was sent from, so the client's is that many from the right (what a client writes
    further left is ignored). Without proxies, or when the header is short, ``REMOTE_ADDR``.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [item for item in forwarded if item]
    if proxies > 0 and len(forwarded) >= proxies:
        address = forwarded[-proxies]
    return counted_address(address)


def counted_address(address):
    """IPv6 addresses by their /64 (one household or device has a whole /64), IPv4 as they are."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def allow(request):
    """Counts one POST from the request's address and session; False once either is over its limit."""
    window = settings.APPLICATION_RATE_LIMIT_WINDOW
    bucket = int(time.time() // window)
    limits = [("address", client_address(request), settings.APPLICATION_RATE_LIMIT_PER_ADDRESS)]
    if request.session.session_key:
        limits.append(("session", request.session.session_key, settings.APPLICATION_RATE_LIMIT))
    return within_limits(limits, bucket, window)


def allow_alert_request(request):
    """Counts one email-alert request from the request's address; False once it is over
    ``ALERT_RATE_LIMIT_PER_ADDRESS`` in the window (each request may send an email)."""
    window = settings.APPLICATION_RATE_LIMIT_WINDOW
    bucket = int(time.time() // window)
    limits = [("alert-address", client_address(request), settings.ALERT_RATE_LIMIT_PER_ADDRESS)]
    return within_limits(limits, bucket, window)


def within_limits(limits, bucket, window):
    allowed = True
    for kind, value, limit in limits:  # every count goes up, even after one is over
        allowed = hit(hashed(kind, value, bucket), (bucket + 1) * window) <= limit and allowed
    return allowed


def hashed(kind, value, bucket):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"rtw:apply-rate:{digest}:{bucket}"


def hit(key, window_end):
    """Adds one to ``key``'s count, in the shared cache or the database; returns the count."""
    alias = settings.APPLICATION_RATE_LIMIT_CACHE
    if not alias:
        from forms.models import PostCount

        expires_at = dt.datetime.fromtimestamp(window_end + EXPIRY_MARGIN, tz=dt.UTC)
        return PostCount.objects.hit(key, expires_at)
    cache = caches[alias]
    timeout = window_end + EXPIRY_MARGIN - int(time.time())
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def retry_after():
    """Seconds until the current window ends and the counts start again."""
    window = settings.APPLICATION_RATE_LIMIT_WINDOW
    return window - int(time.time() % window)
