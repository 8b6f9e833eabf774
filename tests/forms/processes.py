"""Work the tests run in other processes, as separate app servers would.

Run as ``python -m tests.forms.processes COMMAND …`` (see ``run``):

- ``count-posts STORE ADDRESS POSTS LIMIT``: POSTs from ADDRESS with no session, at most
  LIMIT per address, counted in STORE (``redis`` or ``database``); prints how many were let through.
- ``confirm-twice ROUNDS``: on the database of ``DATABASE_URL``, sends the same confirm request
  from two threads at once, ROUNDS times; prints each request's outcome as JSON.
"""

import datetime as dt
import json
import os
import sqlite3
import subprocess  # noqa: S404 (runs this module with the test's own Python)
import sys
import threading

from tests.redis_urls import RATE_LIMITS, redis_test_url

SETTINGS = "microsite.settings.test"
REDIS_URL = redis_test_url(RATE_LIMITS)
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


def confirm_twice(rounds):
    """Each round: one applicant's answers checked, then the confirm POSTed twice at once."""
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
    from tests.conftest import make_site_root
    from tests.forms.conftest import make_form_page

    # One person may apply more than once here: these processes test places and tokens, not duplicates.
    page = make_form_page(
        CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=make_site_root())),
        allow_duplicate_applications=True,
    )
    outcomes = [confirm_round(page, number) for number in range(rounds)]
    print(json.dumps(outcomes))


def confirm_round(page, number):
    from django.db import connection
    from django.test import Client

    from forms.models import Application
    from tests.forms.conftest import answers, pdf

    first = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
    first.post(page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = first.get(page.url + "check/").context["draft_token"]
    barrier = threading.Barrier(2)
    results = []

    def confirm():
        twin = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        twin.cookies["sessionid"] = first.cookies["sessionid"].value
        barrier.wait(timeout=30)
        try:
            response = twin.post(page.url + "check/", {"token": token})
            results.append([response.status_code, response.get("Location", "")])
        except Exception as error:  # reported to the test
            results.append([500, repr(error)[:200]])
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return {"results": results, "applications": Application.objects.filter(submission_token=token).count()}


def main(command, *arguments):
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # responses carry their context, as in the tests
    if command == "count-posts":
        store, address, posts, limit = arguments
        count_posts(store, address, int(posts), int(limit))
    elif command == "confirm-twice":
        confirm_twice(int(arguments[0]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
