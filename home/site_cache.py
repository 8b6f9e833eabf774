"""What every public page shows (site settings, main menu, breadcrumbs), kept in Django's cache.

Kept because it pays (``bench/bench_routing.py``): 2 to 3 fewer queries on every public page,
a programme page 1.5x faster than computing menus and settings each time.

Entries are keyed by a generation that any change to a page, a view restriction, a site,
the settings, a snippet, an image or a document moves on (signals connected in
``HomeConfig.ready``): at once, for this process and the tests, and again when the
transaction commits, so no request can store data read before the change under the new
generation. With Redis (``REDIS_URL``) every app server sees the same generation, so none
serves an old menu after a publish; with the per-process local-memory cache, other
processes cannot see the change, so entries there last a minute only. The page cache
(``home.page_cache``) keys whole pages by the same generation.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "site-cache:generation"
SHARED_SECONDS = 3600
LOCAL_SECONDS = 60


def timeout():
    """An hour in a shared cache (Redis); a minute in a per-process one."""
    local = settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    return LOCAL_SECONDS if local else SHARED_SECONDS


def generation(request=None):
    """The current generation, read once per request."""
    value = getattr(request, "_site_cache_generation", None)
    if value is None:
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            value = cache.get(GENERATION_KEY)
        if request is not None:
            request._site_cache_generation = value
    return value


def key(request, name):
    """The cache key of ``name`` in the current generation."""
    return f"site-cache:{generation(request)}:{name}"


def get_or_set(request, name, compute):
    """The cached value of ``name`` in this generation, computed (and stored) on a miss."""
    cache_key = key(request, name)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout())
    return value


def new_generation(**kwargs):
    """Signal receiver: forgets every entry (now and when the transaction commits)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


def on_model_change(sender, instance, **kwargs):
    """Receiver for post_save and post_delete of anything a public page shows.

    Pages, view restrictions, sites, settings, snippets (partners, councils), images and
    documents. Renditions are not among them: pages create those as they render.
    """
    if isinstance(instance, shown_on_pages()):
        new_generation()


def shown_on_pages():
    """The model classes whose rows public pages show."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    fixed = (
        Page,
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
    )
    return fixed + tuple(get_snippet_models())
