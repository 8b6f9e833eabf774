"""Fixtures shared by every test: the site root, the demo site, the S3 bucket, the browser, axe-core."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from tests.snapshots import committed_state, flush_tables_with_delete

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


#: Session fixtures that build a page tree once for the tests that share it (see SharedTree).
#: A tree built inside another (form_page_tree inside programme_tree) comes after it.
SHARED_TREES = (
    "demo_tree",
    "welsh_demo_tree",
    "programme_site_tree",
    "admin_site_tree",
    "programme_tree",
    "form_page_tree",
)
_shares = pytest.StashKey[tuple]()


def pytest_configure(config):
    flush_tables_with_delete()


def pytest_collection_modifyitems(config, items):
    """Skips tests marked ``postgres`` on SQLite and ``s3`` without the S3 server, saying why,
    and those marked ``one_pass`` on PostgreSQL: their child process gets neither the pass's
    database nor its storage (see ``pass_free_env``), so a second pass would repeat them exactly.

    Then puts the tests that share a tree next to each other, so each tree is built once.
    """
    on_postgres = "postgres" in os.environ.get("DATABASE_URL", "")
    on_s3 = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (second pass of make test)"))
        if "s3" in item.keywords and not on_s3:
            item.add_marker(pytest.mark.skip(reason="needs the S3 server (second pass of make test)"))
        if "one_pass" in item.keywords and on_postgres:
            reason = "a child process with settings of its own, the same in every pass: runs on SQLite"
            item.add_marker(pytest.mark.skip(reason=reason))
        item.stash[_shares] = shared_trees_of(item)
    group_tree_sharers(items)


def is_transactional(item):
    """Whether pytest-django runs the test outside a transaction (and flushes the database after)."""
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences") or marker.args[:1] == (True,)
    ):
        return True
    cls = getattr(item, "cls", None)
    if cls is not None and hasattr(cls, "_databases_support_transactions"):
        return True  # a Django test case class: it manages its own transactions
    transactional = {"transactional_db", "live_server", "django_db_reset_sequences"}
    return bool(transactional & set(getattr(item, "fixturenames", ())))


def shared_trees_of(item):
    """The shared trees the test may use as built (none for a test that commits or flushes)."""
    if is_transactional(item):
        return ()
    names = getattr(item, "fixturenames", ())
    return tuple(name for name in SHARED_TREES if name in names)


def group_tree_sharers(items):
    """Moves the tests sharing a tree to where the first of them is, keeping their order.

    pytest-django has already put the tests that run in a transaction first; sharers are
    such tests, so they stay within that first block. Order only saves time: a sharer
    that ends up apart from the others finds its tree rebuilt (SharedTree.keep_only).
    """
    for name in SHARED_TREES:
        sharers = [item for item in items if name in item.stash[_shares]]
        if len(sharers) < 2:
            continue
        first = items.index(sharers[0])
        moved = set(sharers)
        rest = [item for item in items if item not in moved]
        items[:] = rest[:first] + sharers + rest[first:]


class SharedTree:
    """Content built once for a run of tests, in a transaction rolled back after the run.

    What Django's ``setUpTestData`` does for a class, for any run of pytest tests: the tree is
    built inside an outer ``atomic`` block and each test's own transaction (pytest-django's
    ``db``) becomes a savepoint inside it, so what a test changes is rolled back and the next
    test finds the tree as built. Before a test that does not share the tree (or one that
    commits, as live-server tests do), the outer block is rolled back, so that test never
    sees the tree; the tree is built again for the next sharer.
    """

    open_trees = []  # a stack: the innermost block last
    registry = {}
    upcoming = ()  # the trees the test being set up shares

    def __init__(self, name, build, django_db_blocker):
        self.name = name
        self.build = build
        self.blocker = django_db_blocker
        self.atomic = None
        self.value = None

    @property
    def is_open(self):
        return self.atomic is not None

    def open(self):
        with self.blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                self.value = self.build()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        self.atomic = atomic
        SharedTree.open_trees.append(self)

    def close(self):
        """Rolls back this tree (and any opened inside it)."""
        while self.is_open:
            innermost = SharedTree.open_trees.pop()
            with self.blocker.unblock():
                transaction.set_rollback(True)
                innermost.atomic.__exit__(None, None, None)
            innermost.atomic = innermost.value = None

    def value_or_build(self):
        """The tree's value; built in the test's own transaction when the tree is not open."""
        return self.value if self.is_open else self.build()

    @classmethod
    def keep_only(cls, names):
        """Before the next test: rolls back the trees it does not share, builds those it does."""
        for tree in list(cls.open_trees):
            if tree.is_open and tree.name not in names:
                tree.close()
        for name in names:
            tree = cls.registry.get(name)
            if tree is not None and not tree.is_open:
                tree.open()


def shared_tree(name, build, django_db_blocker):
    """Body of a session fixture: a SharedTree, open for the test that first asks for it."""
    tree = SharedTree(name, build, django_db_blocker)
    SharedTree.registry[name] = tree
    if name in SharedTree.upcoming:
        tree.open()
    try:
        yield tree
    finally:
        tree.close()
        del SharedTree.registry[name]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    SharedTree.upcoming = item.stash.get(_shares, ())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        SharedTree.keep_only(nextitem.stash.get(_shares, ()) if nextitem else ())


def fresh_caches():
    """Empties the caches, which a rolled-back test may have filled with pages it changed."""
    cache.clear()
    Site.clear_site_root_paths_cache()


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


#: The variables by which make test's passes differ: their database and their S3 storage.
PASS_VARIABLES = {
    "DATABASE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
}


def pass_free_env(**env):
    """This environment without the pass's database and storage variables, plus ``env``.

    A child process started with it is the same in every pass (tests marked ``one_pass``).
    """
    inherited = {key: value for key, value in os.environ.items() if key not in PASS_VARIABLES}
    return {**inherited, **env}


def sign_in(client, username, password, address="127.0.0.1"):
    """Signs in through the admin's sign-in form, as a person does (django-axes counts it)."""
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def load_demo(**kwargs):
    """Loads the demo content; the one place the tests import the demo loader."""
    from demo.loader import load

    return load(**kwargs)


def build_demo_site():
    """The site root and the demo content on it; returns the home page's id."""
    home = make_site_root()
    load_demo()
    return home.pk


@pytest.fixture(scope="session")
def demo_tree(django_db_setup, django_db_blocker):
    """The demo site, built once for the tests that use ``demo_site`` (see SharedTree)."""
    yield from shared_tree("demo_tree", build_demo_site, django_db_blocker)


@pytest.fixture
def live_demo(transactional_db):
    """The demo content, committed, for live-server tests; returns the home page's id.

    Built by the first such test of the run, then copied back for each (tests/snapshots.py).
    """
    home_id = committed_state("demo", build_demo_site)
    fresh_caches()
    return home_id


@pytest.fixture
def live_welsh_demo(transactional_db):
    """``live_demo`` with the Welsh programme and form (as ``make run --welsh`` loads it)."""
    home_id = committed_state("demo_welsh", lambda: (build_demo_site(), add_welsh_programme())[0])
    fresh_caches()
    return home_id


@pytest.fixture
def demo_site(db, demo_tree):
    """The demo content (three programmes, council pages, articles, forms) on the home page.

    Built once and shared: what a test changes is rolled back after it.
    """
    from home.models import HomePage

    home_id = demo_tree.value_or_build()
    fresh_caches()
    yield HomePage.objects.get(pk=home_id)
    fresh_caches()


def add_welsh_programme():
    from demo.welsh import welsh_programme

    welsh_programme()


def add_programme_site():
    from demo.loader import load_programme_site

    load_programme_site()


@pytest.fixture(scope="session")
def welsh_demo_tree(demo_tree, django_db_blocker):
    """The Welsh programme and form added to the demo, once for the tests that share it."""
    yield from shared_tree("welsh_demo_tree", add_welsh_programme, django_db_blocker)


@pytest.fixture(scope="session")
def programme_site_tree(demo_tree, django_db_blocker):
    """Come Back to Social Work on its own Site, added to the demo once for the tests that share it."""
    yield from shared_tree("programme_site_tree", add_programme_site, django_db_blocker)


@pytest.fixture
def welsh_demo_site(demo_site, welsh_demo_tree):
    """The demo with the Welsh programme and form (as ``make run --welsh`` loads it)."""
    welsh_demo_tree.value_or_build()
    fresh_caches()
    return demo_site


@pytest.fixture
def programme_site(demo_site, programme_site_tree):
    """The demo with Come Back to Social Work on its own Site (as ``make run`` loads it)."""
    programme_site_tree.value_or_build()
    fresh_caches()
    return demo_site


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request to a Welsh page leaves Welsh active in the thread (LocaleMiddleware never resets
    it); later tests, and the management commands they call, expect the site's English."""
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)
