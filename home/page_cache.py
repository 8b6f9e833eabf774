"""Whole public pages for anonymous visitors, kept in Django's cache (Redis with ``REDIS_URL``).

``PageCacheMiddleware`` sits just after Django's SecurityMiddleware: a stored page is
answered before the CSP, session, CSRF, authentication and Wagtail's routing run. Kept
because it pays (``bench/bench_pages.py``).

Looked up only for a GET (not of a static file) without a session cookie or an
``Authorization`` header (signed-in users, and applicants with an application in progress,
always get a fresh page), whose query string holds only ``PAGE_CACHE_QUERY_PARAMETERS``
(the programme list's filters), one short value each. Stored only when a Wagtail page
answered it with a 200 that sets no cookie, used no CSRF token, is not ``Cache-Control``
private, no-store or no-cache (the application form's steps say no-store), varies on
nothing but the cookie and carries no CSP nonce (a nonce is only a nonce if every response
has its own).

The whole response is kept, headers included (a Content-Security-Policy stays with the
body it was made for). Entries are keyed by the site cache's generation
(``home.site_cache``), which any publish, unpublish, move, delete, snippet, image or
settings change moves on; and they never outlive the next moment a form opens, closes or
changes its "days left" (the ``page_cache_expiry`` Wagtail hook, which the forms app
registers), nor ``PAGE_CACHE_SECONDS`` (a minute at most in a per-process cache, as for
the site cache). ``Cache-Control: public`` lets a CDN keep the page for as long; Wagtail's
frontend cache (``WAGTAILFRONTENDCACHE``) purges a published page and, from here, the pages
above it that list it.
"""

import enum
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import urlencode
from wagtail import hooks

from home import site_cache

EXPIRY_HOOK = "page_cache_expiry"
CACHED_VIEWS = frozenset({"wagtail_serve"})
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
# Django's LocaleMiddleware adds Vary: Accept-Language to pages without a language prefix, but
# those are always English (prefix_default_language=False): the URL alone decides the language.
ALLOWED_VARY = frozenset({"", "cookie", "accept-encoding", "accept-language"})
QUERY_VALUE = re.compile(r"[\w-]{0,40}")
# Headers worked out again for each answer, never replayed from the cache.
PER_RESPONSE_HEADERS = frozenset({"cache-control", "x-cache"})


class CacheStatus(enum.StrEnum):
    """The ``X-Cache`` header: whether the page came from the page cache."""

    HIT = "hit"
    MISS = "miss"


class PageCacheMiddleware:
    """Answers anonymous GETs of public pages from the cache, and stores what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = lookup_key(request)
        if key is None:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None:
            return from_entry(entry)
        response = self.get_response(request)
        if is_shareable(request, response):
            store(request, key, response)
        return response


def lookup_key(request):
    """The cache key of this request's page, or None when the request must not use the cache."""
    if not settings.PAGE_CACHE_SECONDS or request.method != "GET":
        return None
    if request.path.startswith(settings.STATIC_URL):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    query = normalised_query(request.GET)
    if query is None:
        return None
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return site_cache.key(request, "page:" + hashlib.sha256(url.encode()).hexdigest())


def normalised_query(query_dict):
    """The allowed parameters, sorted and encoded; None if any other (or an odd value) is present."""
    pairs = []
    for name, values in query_dict.lists():
        if name not in settings.PAGE_CACHE_QUERY_PARAMETERS or len(values) != 1:
            return None
        if not QUERY_VALUE.fullmatch(values[0]):
            return None
        pairs.append((name, values[0]))
    return urlencode(sorted(pairs))


def is_shareable(request, response):
    """True when the response is a public page any anonymous visitor may be given."""
    match = request.resolver_match
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and match is not None
        and match.url_name in CACHED_VIEWS
        and not header_values(response, "Cache-Control") & UNCACHEABLE_DIRECTIVES
        and header_values(response, "Vary") <= ALLOWED_VARY
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def header_values(response, name):
    """The lower-cased directives (without their values) of a comma-separated header."""
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(response.get(name, ""))}


def store(request, key, response):
    seconds = lifetime(request, timezone.now())
    if seconds < 1:
        return
    set_public(response, seconds)
    response["X-Cache"] = CacheStatus.MISS.value  # WSGI servers take plain str only
    headers = [(name, value) for name, value in response.items() if name.lower() not in PER_RESPONSE_HEADERS]
    cache.set(key, (response.content, headers, time.time() + seconds), seconds)


def from_entry(entry):
    """The stored response, with the seconds it has left in its Cache-Control header."""
    content, headers, expires = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    set_public(response, max(int(expires - time.time()), 0))
    response["X-Cache"] = CacheStatus.HIT.value
    return response


def set_public(response, seconds):
    """Lets browsers keep the page briefly and shared caches (a CDN) for ``seconds``."""
    patch_cache_control(
        response, public=True, max_age=min(seconds, settings.PAGE_CACHE_BROWSER_SECONDS), s_maxage=seconds
    )


def lifetime(request, now):
    """Seconds a page stored ``now`` may be served: never past the next change of a form's state."""
    seconds = min(settings.PAGE_CACHE_SECONDS, site_cache.timeout())
    change = next_change(request, now)
    if change is not None:
        seconds = min(seconds, (change - now).total_seconds())
    return int(seconds)


def next_change(request, now):
    """The earliest moment after ``now`` that a ``page_cache_expiry`` hook gives, kept in the site cache."""
    key = site_cache.key(request, "page-cache-next-change")
    stored = cache.get(key)
    if stored is None or (stored[0] is not None and stored[0] <= now):
        moments = [moment for hook in hooks.get_hooks(EXPIRY_HOOK) if (moment := hook(now))]
        stored = (min(moments, default=None),)
        cache.set(key, stored, site_cache.timeout())
    return stored[0]


def purge_frontend_cache(page, include_page=False):
    """Purges ``page``'s live ancestors (and the page) from the CDN configured in ``WAGTAILFRONTENDCACHE``.

    Wagtail's frontend cache purges a page itself when it is published or unpublished;
    the pages above it (the programme list, the home page) list it too. Does nothing when
    no CDN is configured.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    pages = page.get_ancestors(inclusive=include_page).live().filter(depth__gt=1).specific()
    purge_pages_from_cache(pages)


def on_page_change(sender, instance, parent_page_before=None, **kwargs):
    """Receiver for page_published, page_unpublished and post_page_move: purges the pages listing it."""
    transaction.on_commit(lambda: purge_frontend_cache(instance))
    if parent_page_before is not None:
        transaction.on_commit(lambda: purge_frontend_cache(parent_page_before, include_page=True))
