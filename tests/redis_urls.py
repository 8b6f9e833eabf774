"""Redis database numbers for the tests, apart per test run.

A test run uses three Redis databases: ``TEST_REDIS_DB_OFFSET`` (default 10) and the two after
it, one per kind of test (``RATE_LIMITS``, ``PAGE_CACHE``, ``SHARED_CACHE``). ``make test`` runs
its pytest passes at once, giving them 1, 4 and 7, so one pass clearing or counting in Redis never
touches another's keys (a Redis server has databases 0 to 15 unless configured otherwise).
"""

import os

REDIS_HOST_URL = os.environ.get("TEST_REDIS_HOST_URL", "redis://127.0.0.1:6379")
RATE_LIMITS, PAGE_CACHE, SHARED_CACHE = 0, 1, 2


def redis_test_url(kind):
    """The URL of this test run's Redis database for ``kind`` (one of the three above)."""
    return f"{REDIS_HOST_URL}/{int(os.environ.get('TEST_REDIS_DB_OFFSET', '10')) + kind}"
