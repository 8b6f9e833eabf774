"""Fixtures shared by every test: the site root, the S3 bucket, the browser, axe-core."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    """Skips tests marked ``postgres`` on SQLite and ``s3`` without the S3 server, saying why."""
    on_postgres = "postgres" in os.environ.get("DATABASE_URL", "")
    on_s3 = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (second pass of make test)"))
        if "s3" in item.keywords and not on_s3:
            item.add_marker(pytest.mark.skip(reason="needs the S3 server (second pass of make test)"))


@pytest.fixture(scope="session", autouse=True)
def s3_buckets():
    """Creates the S3 bucket(s) on the S3 server when the run uses S3 storage."""
    if not settings.AWS_STORAGE_BUCKET_NAME:
        return
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=settings.AWS_S3_ENDPOINT_URL,
        region_name=settings.AWS_S3_REGION_NAME,
    )
    existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
    for name in {settings.AWS_STORAGE_BUCKET_NAME, settings.AWS_PRIVATE_STORAGE_BUCKET_NAME}:
        if name not in existing:
            client.create_bucket(
                Bucket=name,
                CreateBucketConfiguration={"LocationConstraint": settings.AWS_S3_REGION_NAME},
            )


def make_site_root():
    """Returns the site's HomePage, recreating the tree root and Site after a flush."""
    from home.models import HomePage

    # The default locale is the site language ("en-gb"), as Wagtail's first migration makes it.
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        for child in root.get_children():
            child.delete()
        root.refresh_from_db()
        home = HomePage(title="Return to Work", slug="home", introduction="Back to work after a break.")
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.exclude(root_page=home).delete()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Return to Work"},
    )
    Site.clear_site_root_paths_cache()
    return home


@pytest.fixture
def home_page(db):
    """The site's home page (a HomePage at the root of the default Site)."""
    return make_site_root()


@pytest.fixture
def live_home_page(transactional_db):
    """The home page for live-server tests, whose flush removes Wagtail's root page and Site."""
    return make_site_root()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab (own cookies) for one test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, context=None):
    """Runs axe-core on the page and returns its violations as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. "
        f"{violation['nodes'][0]['html'][:200]})"
        for violation in results.response["violations"]
    ]


def run_python(args, env):
    """Runs the project's Python in the project folder with exactly ``env``; returns the result."""
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def sign_in(client, username, password, address="127.0.0.1"):
    """Signs in through the admin's sign-in form, as a person does (django-axes counts it)."""
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def demo_site(home_page):
    """The demo content (three programmes, council pages, articles, forms) on the home page."""
    from demo.loader import load

    load()
    return home_page
