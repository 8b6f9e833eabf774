"""Page queries that public templates run on every request, each in a single SQL query."""

import hashlib

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


def find_page_by_path(root, path_components):
    """The specific page at ``root``'s URL plus ``path_components``, or None.

    One query when the route is cached (the cache holds only the page's id and type and is
    checked against the page's current URL), two otherwise; Wagtail's own walk down the
    tree costs two queries per level. A page model's ``route_select_related`` names the
    foreign keys its template always shows (images), fetched in the same query.
    """
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    key = "page-route:" + hashlib.sha256(url_path.encode()).hexdigest()
    cached = cache.get(key)
    if cached:
        page = cached_page(*cached, url_path=url_path)
        if page is not None:
            return page
    found = Page.objects.filter(url_path=url_path).values_list("content_type_id", "id").first()
    if found is None:
        return None
    cache.set(key, found, ROUTE_CACHE_SECONDS)
    return cached_page(*found, url_path=url_path)


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
