"""Benchmark: what the hand-written routing and site cache save on an uncached public page.

    .venv/bin/python bench/bench_routing.py [--requests 300]

Builds the demo site in a throw-away SQLite database (production-like: DEBUG off, the
per-process cache warm), then serves the programme page, a council page and a form's
``check/`` step in-process with Django's test client, three ways in the same run:

- ``project``: as built (``HomePage.route`` in one query; menus and settings in ``home.site_cache``);
- ``wagtail routing``: ``HomePage.route`` replaced by Wagtail's own ``Page.route`` walk;
- ``no site cache``: ``home.site_cache.get_or_set`` computing every time.

Prints per page the median milliseconds per request and SQL queries per request, and each
variant's time as a ratio of the project's.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "microsite.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench_routing.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

from home import site_cache  # noqa: E402
from home.models import HomePage  # noqa: E402

PATHS = {
    "programme page": "/programmes/come-back-to-social-work/",
    "council page": "/programmes/come-back-to-social-work/information-for-councils/",
    "form check/ step": "/programmes/come-back-to-social-work/apply/check/",
}


def measure(client, path, requests):
    """(median ms per request over 5 rounds, SQL queries per request)."""
    client.get(path)  # warm the caches
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(requests // 5):
            client.get(path)
        rounds.append((time.perf_counter() - start) * 1000 / (requests // 5))
    with override_settings(DEBUG=True):
        reset_queries()
        client.get(path)
        queries = len(connection.queries)
    return statistics.median(rounds), queries


def variants():
    own_route, own_get_or_set = HomePage.route, site_cache.get_or_set
    yield "project", None
    HomePage.route = Page.route
    yield "wagtail routing", None
    HomePage.route = own_route
    site_cache.get_or_set = lambda request, name, compute: compute()
    yield "no site cache", None
    site_cache.get_or_set = own_get_or_set


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    client = Client()
    results = {}
    for name, _ in variants():
        results[name] = {label: measure(client, path, args.requests) for label, path in PATHS.items()}
    for label in PATHS:
        base_ms, _ = results["project"][label]
        print(f"\n{label} ({PATHS[label]})")
        for name, pages in results.items():
            ms, queries = pages[label]
            print(f"  {name:16} {ms:7.2f} ms/request  {queries:3d} queries  {ms / base_ms:5.2f}x project")


if __name__ == "__main__":
    main()
