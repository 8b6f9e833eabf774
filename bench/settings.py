"""Benchmark settings: production-like (DEBUG off, PostgreSQL, S3, database task backend) on
loopback, plus the bench-only ``plainform`` app holding a plain Wagtail FormPage to compare with.

``bench/bench_applications.py`` and ``bench/bench_pages.py`` use this module; no production
app gains a model.
"""

import os

from microsite.settings.base import *  # noqa: F403
from microsite.settings.base import BASE_DIR, INSTALLED_APPS, STORAGES, TEMPLATES

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-key-never-used-in-production")  # noqa: S105
# plain.localhost: the site of bench_pages.py's plain Wagtail page (Wagtail's own routing).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "plain.localhost"]
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench.plainform"]
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One client address sends every request of the benchmark: no limit per session or per address.
APPLICATION_RATE_LIMIT = 10_000_000
APPLICATION_RATE_LIMIT_PER_ADDRESS = 10_000_000
