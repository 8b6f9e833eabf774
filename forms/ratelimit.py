"""A per-IP limit on application POSTs, counted in the shared cache (Redis in production).

The client address is ``REMOTE_ADDR``: behind a proxy, set it from the proxy's header
there (e.g. gunicorn's ``--forwarded-allow-ips``). Keys hold a hash, never the address.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return digest


def allow(request):
    """Counts one submission from the client; False once it passes the limit in this window."""
    window = settings.APPLICATION_RATE_LIMIT_WINDOW
    bucket = int(time.time() // window)
    key = f"rtw:apply-rate:{client_key(request)}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        count = 1
    return count <= settings.APPLICATION_RATE_LIMIT


def retry_after():
    window = settings.APPLICATION_RATE_LIMIT_WINDOW
    return window - int(time.time() % window)
