"""Which site and page answer a path, kept in the site cache (``home.site_cache``).

Wagtail works out the site (a query), the active locale (a query), the home page's own type
(a query) and then the page (one query with ``home.queries.find_route``) for every request:
four queries before a page does anything, on every step of an application. This middleware
keeps what Wagtail found (the site and the route: the page, with the part of the path after
its URL) under the site cache's generation, which any page, site or view restriction change
moves on, and hands it to Wagtail through the per-request attributes Wagtail reads first
(``Site.find_for_request``, ``Page.route_for_request``; private to Wagtail, so check them on
each Wagtail upgrade: tests/home/test_route_cache.py fails if they stop being read). Kept
because it pays: a profile put 40% of an application's app-server time in these lookups
(``bench/README.md``, "Routes, questions and the Redis client from the cache").

Only plain routes are kept: a routable page's sub-route (a view function in its arguments)
and a path no page answers (so no junk fills the cache) are worked out each time. Each
request gets its own copy of the page (the cache holds it pickled), so nothing one request
sets on a page reaches another.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page

from home import site_cache


class RouteCacheMiddleware:
    """Serves Wagtail's site and page lookups for a path from the site cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_args[0] if view_args else view_kwargs["path"]  # serve(request, path)
        key = site_cache.key(request, route_name(request, path))
        cached = cache.get(key)
        if cached is not None:
            request._wagtail_site, request._wagtail_route_for_request = cached
        elif found := plain_route(request, path):
            cache.set(key, found, site_cache.timeout())
        return None


def route_name(request, path):
    """The site cache entry of this host, port, language and path."""
    where = f"{request.get_host()}:{request.get_port()}:{translation.get_language()}:{path}"
    return "route:" + hashlib.sha256(where.encode()).hexdigest()


def plain_route(request, path):
    """(site, route) as Wagtail finds them for this request, or None if not worth keeping."""
    route = Page.route_for_request(request, path)
    if route is None or route.args:
        return None
    return request._wagtail_site, route
