"""Page queries that public templates run on every request, each in a single SQL query."""

import hashlib
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

ROUTE_CACHE_SECONDS = 3600


def public_q():
    """Excludes pages in a private section inside the same query.

    Wagtail's ``PageQuerySet.public()`` first loads every view restriction (one query per
    call); this subquery asks the database whether any restricted page is the page itself
    or one of its ancestors (its path is a prefix of the page's path).
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(restricted_ancestor)


#: Paths longer than this take Wagtail's walk (no page here is that deep).
MAX_ROUTE_COMPONENTS = 10


class Route(NamedTuple):
    """The page that answers a path, the path components after its URL, and whether it was cached."""

    page: Page
    remaining: list
    cached: bool


def route_key(root, path_components):
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    return "page-route:v2:" + hashlib.sha256(url_path.encode()).hexdigest()


def find_route(root, path_components):
    """The specific page with the longest URL that begins ``root``'s URL plus ``path_components``.

    A page's sub-routes (a form's ``check/``) are found with the page: the one query asks
    for every prefix of the path (``url_path IN (...)``, deepest first), and the page routes
    the components after its URL as Wagtail's walk would. One query when the route is cached
    (the cache holds the page's id, type and URL and is checked against its current URL),
    two otherwise; Wagtail's own walk costs two queries per level. A page model's
    ``route_select_related`` names the foreign keys its template always shows (images),
    fetched in the same query. None when no prefix is a page, or the path is too long.
    """
    if not 0 < len(path_components) <= MAX_ROUTE_COMPONENTS:
        return None
    prefixes = {
        root.url_path + "".join(f"{component}/" for component in path_components[:length]): length
        for length in range(len(path_components), 0, -1)
    }
    cached = cache.get(route_key(root, path_components))
    if cached and cached[2] in prefixes:
        page = cached_page(*cached)
        if page is not None:
            return Route(page, path_components[prefixes[cached[2]] :], cached=True)
    found = (
        Page.objects.filter(url_path__in=prefixes)
        .order_by("-depth")
        .values_list("content_type_id", "id", "url_path")
        .first()
    )
    page = found and cached_page(*found)
    if not page:
        return None
    return Route(page, path_components[prefixes[found[2]] :], cached=False)


def remember_route(root, path_components, page):
    """Caches a path that ``page`` answered (never a path that gave 404, so no junk fills it)."""
    cache.set(
        route_key(root, path_components), (page.content_type_id, page.id, page.url_path), ROUTE_CACHE_SECONDS
    )


def cached_page(content_type_id, page_id, url_path):
    """The cached route's page if it still exists at ``url_path``, else None."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    related = getattr(model, "route_select_related", ())
    return model.objects.select_related(*related).filter(id=page_id, url_path=url_path).first()
