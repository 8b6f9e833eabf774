"""Requests per second for public pages, cached and uncached, against two floors, in one run.

Stack: gunicorn (2 sync workers) on 127.0.0.1, PostgreSQL, Redis (``REDIS_URL``, database 13)
as Django's cache, DEBUG off (``bench.settings``); load from wrk (installed by
``scripts/bench.sh`` where missing) on loopback. In alternating rounds, so every target sees
the same background load:

- **bare**: a Django view returning a few bytes, behind the project's whole middleware
  (the page cache's lookup included: a miss, as the bare view is never stored);
- **cached**: the social work programme page, answered by the page cache;
- **uncached**: the same page with a query parameter the page cache ignores
  (``?bench=1``), so Wagtail routes and renders it each time;
- **plain Wagtail page**: a page type with a StreamField and the project's base template,
  the root of its own Site (``plain.localhost``), served by Wagtail's default routing,
  also with ``?bench=1``. bakerydemo cannot be downloaded here; this stands in for its
  home page.

Prints each rate, cached/bare (goal at least 0.8) and uncached/plain (goal for a later step:
at least 4, reported only).

    .venv/bin/python bench/bench_pages.py [--seconds 5] [--rounds 3] [--connections 32]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")

from bench.bench_applications import prepare_database, start_gunicorn  # noqa: E402

PROGRAMME = "/programmes/come-back-to-social-work/"
PLAIN_HOST = "plain.localhost"
RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
TOTAL = re.compile(r"(\d+) requests in")
NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def add_plain_site():
    """A plain Wagtail page with a StreamField as the root of the plain.localhost site."""
    from django.db import connections
    from wagtail.models import Page, Site

    from bench.plainform.models import PlainContentPage

    plain = PlainContentPage.objects.first()
    if plain is None:
        paragraph = "<p>Councils are looking for people who left the profession to come back.</p>"
        plain = PlainContentPage(
            title="Plain Wagtail page",
            slug="plain-wagtail-page",
            body=[("heading", "Come back to work"), *[("paragraph", paragraph)] * 8],
        )
        Page.get_first_root_node().add_child(instance=plain)
        plain.save_revision().publish()
    Site.objects.update_or_create(
        hostname=PLAIN_HOST,
        port=80,
        defaults={"root_page": plain, "site_name": "Plain", "is_default_site": False},
    )
    connections.close_all()


def targets(base):
    """(name, URL, extra wrk arguments) of each measured page."""
    return [
        ("bare Django view, same middleware", f"{base}/bench/bare/", []),
        ("programme page, cached", f"{base}{PROGRAMME}", []),
        ("programme page, uncached", f"{base}{PROGRAMME}?bench=1", []),
        ("plain Wagtail page, uncached", f"{base}/?bench=1", ["-H", f"Host: {PLAIN_HOST}"]),
    ]


def wrk(url, extra, seconds, connections):
    """(requests, seconds, non-2xx responses) of one wrk run."""
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", *extra, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = NON_2XX.search(output)
    return int(TOTAL.search(output).group(1)), seconds, int(errors.group(1)) if errors else 0


def check_cache(base):
    """The cached target really is a page-cache hit, and the others really are not."""
    import requests

    for _ in range(2):
        cached = requests.get(f"{base}{PROGRAMME}", timeout=30)
    uncached = requests.get(f"{base}{PROGRAMME}?bench=1", timeout=30)
    plain = requests.get(f"{base}/?bench=1", headers={"Host": PLAIN_HOST}, timeout=30)
    assert cached.headers.get("X-Cache") == "hit", cached.headers
    assert "X-Cache" not in uncached.headers and "X-Cache" not in plain.headers
    assert "Plain Wagtail page" in plain.text, plain.text[:300]
    return {"cached": len(cached.content), "uncached": len(uncached.content), "plain": len(plain.content)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (scripts/bench.sh installs the Debian package)")
    (BASE_DIR / ".run").mkdir(exist_ok=True)
    prepare_database()
    add_plain_site()
    base = f"http://127.0.0.1:{args.port}"
    server = start_gunicorn(args.port)
    totals = {name: [0, 0, 0] for name, _url, _extra in targets(base)}
    try:
        sizes = check_cache(base)
        for _name, url, extra in targets(base):  # warm-up: renditions, routes, connections
            wrk(url, extra, 2, args.connections)
        for _round in range(args.rounds):
            for name, url, extra in targets(base):
                for i, value in enumerate(wrk(url, extra, args.seconds, args.connections)):
                    totals[name][i] += value
    finally:
        server.terminate()
        server.wait(timeout=30)
    rates = {name: requests / seconds for name, (requests, seconds, _errors) in totals.items()}
    print(
        f"Stack: gunicorn 2 sync workers on {base}, PostgreSQL, Redis cache ({os.environ['REDIS_URL']}), "
        f"wrk {args.connections} connections, {args.rounds} rounds of {args.seconds} s per target"
    )
    for name, (requests, seconds, errors) in totals.items():
        print(f"{name}: {rates[name]:.1f} requests/s ({requests} in {seconds} s, non-2xx {errors})")
    print(f"Page sizes (bytes): {sizes}")
    cached_ratio = rates["programme page, cached"] / rates["bare Django view, same middleware"]
    uncached_ratio = rates["programme page, uncached"] / rates["plain Wagtail page, uncached"]
    print(f"Ratio cached programme page / bare Django view: {cached_ratio:.2f} (goal: at least 0.8)")
    print(
        f"Ratio uncached programme page / plain Wagtail page: {uncached_ratio:.2f} "
        "(reported; goal for a later step: at least 4 against bakerydemo's home page)"
    )


if __name__ == "__main__":
    main()
