"""Work the tests run in other processes, as separate app servers would.

Run as ``python -m tests.forms.processes COMMAND …`` (see ``run``):

- ``count-posts STORE ADDRESS POSTS LIMIT``: POSTs from ADDRESS with no session, at most
  LIMIT per address, counted in STORE (``redis`` or ``database``); prints how many were let through.
"""

import datetime as dt
import os
import sqlite3
import subprocess  # noqa: S404 (runs this module with the test's own Python)
import sys

SETTINGS = "microsite.settings.test"
REDIS_URL = "redis://127.0.0.1:6379/0"
ONE_WINDOW = dt.datetime(2026, 11, 26, 12, 0, 1, tzinfo=dt.UTC)


def run(commands, database_urls):
    """Starts one process per command (each with its DATABASE_URL) together; returns their outputs."""
    processes = []
    for command, database_url in zip(commands, database_urls, strict=True):
        env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": SETTINGS}
        processes.append(
            subprocess.Popen(  # noqa: S603 (fixed arguments, this module)
                [sys.executable, "-m", "tests.forms.processes", *command],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=240)
        assert process.returncode == 0, stderr[-3000:]
        outputs.append(stdout.strip().splitlines()[-1])
    return outputs


def shared_database_url(connection, folder):
    """A DATABASE_URL another process can open: the test database, or a file copy of SQLite's.

    SQLite's test database lives in this process's memory, so its tables are copied to a file
    (from a ``transaction=True`` test: the copy waits for an open transaction to end).
    """
    if connection.vendor == "sqlite":
        path = folder / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def count_posts(store, address, posts, limit):
    import time_machine
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory, override_settings

    from forms import ratelimit

    caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    overrides = {"APPLICATION_RATE_LIMIT": limit, "APPLICATION_RATE_LIMIT_PER_ADDRESS": limit}
    if store == "redis":
        caches["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        overrides["APPLICATION_RATE_LIMIT_CACHE"] = "default"
    else:
        overrides["APPLICATION_RATE_LIMIT_CACHE"] = ""
    # Both processes count inside one window, whenever they start.
    with override_settings(CACHES=caches, **overrides), time_machine.travel(ONE_WINDOW, tick=False):
        let_through = 0
        for _ in range(posts):
            request = RequestFactory().post("/apply/", REMOTE_ADDR=address)
            request.session = SessionStore()
            let_through += bool(ratelimit.allow(request))
    print(let_through)


def main(command, *arguments):
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # responses carry their context, as in the tests
    if command == "count-posts":
        store, address, posts, limit = arguments
        count_posts(store, address, int(posts), int(limit))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
