"""Wagtail's site and page lookups come from the site cache (moved and unpublished pages:
tests/home/test_routing_and_privacy.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def routing_queries(client, url):
    """The queries for the site, the active locale and the page a path leads to."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    lookups = ('FROM "wagtailcore_site"', 'FROM "wagtailcore_locale"', '"wagtailcore_page"."url_path"')
    return [query["sql"] for query in captured if any(lookup in query["sql"] for lookup in lookups)]


@pytest.mark.django_db
def test_second_request_finds_the_site_and_page_without_querying_them(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0  # as for applicants, who never get a page from the page cache
    url = "/programmes/come-back-to-social-work/apply/"
    assert routing_queries(client, url)
    assert routing_queries(client, url) == []


@pytest.mark.django_db
def test_a_path_no_page_answers_is_not_kept(client, demo_site, rf):
    from django.core.cache import cache

    from home import route_cache, site_cache

    assert client.get("/no-such-page/").status_code == 404
    request = rf.get("/no-such-page/")
    assert cache.get(site_cache.key(request, route_cache.route_name(request, "no-such-page/"))) is None
    assert client.get("/about/").status_code == 200
    request = rf.get("/about/")
    assert cache.get(site_cache.key(request, route_cache.route_name(request, "about/"))) is not None
