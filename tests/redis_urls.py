"""Redis database numbers for the tests, apart per test run.

``make test`` runs its two pytest passes at once, each with its own ``TEST_REDIS_DB_OFFSET``
(0 and 1), so one pass clearing or counting in Redis never touches the other's keys.
"""

import os

REDIS_HOST_URL = os.environ.get("TEST_REDIS_HOST_URL", "redis://127.0.0.1:6379")


def redis_test_url(db):
    """The URL of Redis database ``db`` for this test run (``db`` plus the run's offset)."""
    return f"{REDIS_HOST_URL}/{db + int(os.environ.get('TEST_REDIS_DB_OFFSET', '0'))}"
