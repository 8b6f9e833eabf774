"""With REDIS_URL set, as the README says to do whenever more than one process serves the
site, the cache is Redis and every page still works (the Redis on 127.0.0.1:6379, or
a database number of its own, see tests.redis_urls, and a key prefix per test)."""

import uuid

import pytest

from microsite.settings.base import cache_settings
from tests.redis_urls import SHARED_CACHE, redis_test_url

from .production import COMPLETE, start_production

TEST_REDIS_URL = redis_test_url(SHARED_CACHE)
APPLY = "/programmes/come-back-to-social-work/apply/"


@pytest.fixture
def redis_client():
    """A client of its own to look into Redis (imported here, so a missing package fails the test)."""
    import redis

    return redis.Redis.from_url(TEST_REDIS_URL)


@pytest.fixture
def redis_cache(settings, redis_client):
    """Django's cache as production builds it from REDIS_URL, under a prefix of this test's own."""
    prefix = f"rtw-test-{uuid.uuid4().hex[:12]}"
    caches = cache_settings(TEST_REDIS_URL)
    caches["default"]["KEY_PREFIX"] = prefix
    settings.CACHES = caches
    settings.APPLICATION_RATE_LIMIT_CACHE = "default"  # as production sets it with REDIS_URL
    yield prefix
    keys = redis_client.keys(f"{prefix}:*")
    if keys:
        redis_client.delete(*keys)


@pytest.mark.one_pass
def test_production_settings_with_redis_url_share_the_cache_with_other_processes():
    key = f"rtw-test-{uuid.uuid4().hex}"
    # No django.setup(): the cache is made from the settings alone (loading the apps costs 3 s of CPU).
    code = f"from django.core.cache import cache; cache.set({key!r}, 'seen by every app server', 60)"
    result = start_production(code=code, **COMPLETE, REDIS_URL=TEST_REDIS_URL)
    assert result.returncode == 0, result.stderr
    import redis

    redis_client = redis.Redis.from_url(TEST_REDIS_URL)
    stored = redis_client.keys(f"*:{key}")
    redis_client.delete(*stored)
    assert len(stored) == 1


@pytest.mark.django_db
def test_public_pages_and_an_application_post_work_with_the_redis_cache(
    client, demo_site, redis_cache, redis_client
):
    for path in ("/", "/programmes/", "/programmes/come-back-to-social-work/", "/about/", APPLY):
        assert client.get(path).status_code == 200, path
    assert client.post(APPLY + "eligibility/", {}).status_code == 200  # the step again, with its errors
    keys = {key.decode() for key in redis_client.keys(f"{redis_cache}:*")}
    assert any(key.endswith(":site-cache:generation") for key in keys)
    assert any(":rtw:apply-rate:" in key for key in keys)
