"""Benchmark: the applications admin against Wagtail's own form submissions views, 100,000 rows each.

Run on PostgreSQL (the database is created and migrated if missing; data is loaded once):

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/rtw_admin_bench \
        .venv/bin/python bench/bench_admin.py [--rows 100000] [--runs 5]

Prints, median of ``--runs``: the listing page, a filtered search, the CSV and XLSX exports
(each export in its own subprocess, with its peak RSS), next to Wagtail's built-in submissions
listing and CSV export of 100,000 ``FormSubmission`` rows of the same form, and the listing's
SQL query count at several page sizes.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microsite.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REFERENCE_PREFIX = "BENCH-"
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan"]
STATUSES = ["received", "eligible", "not-eligible", "shortlisted", "interview", "offered", "placed"]
WHY = "I have been caring for my family and want to return to practice. " * 3
QUESTIONS = [
    ("Full name", "singleline"),
    ("Email address", "email"),
    ("Phone number", "singleline"),
    ("Current or last role", "singleline"),
    ("Years of experience", "number"),
    ("Why do you want to return?", "multiline"),
    ("Your CV", "file"),
]


def ensure_database():
    """Creates the PostgreSQL database named in DATABASE_URL when it does not exist."""
    import dj_database_url
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if "postgres" not in url:
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres:postgres@127.0.0.1:5432/rtw_admin_bench"
        )
    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def setup_django():
    import django

    django.setup()


def load(rows):
    """One programme and form, ``rows`` applications and ``rows`` FormSubmissions (loaded once)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
    from campaigns.models import CampaignPage
    from forms.factories import ApplicationFormFieldFactory, ApplicationFormPageFactory
    from forms.models import Application, ApplicationFormPage
    from tests.conftest import make_site_root
    from tests.reviews.conftest import make_group

    call_command("migrate", verbosity=0)
    page = ApplicationFormPage.objects.filter(slug="bench-apply").first()
    if page and Application.objects.filter(page=page).count() == rows:
        return page
    with transaction.atomic():
        Application.objects.filter(reference__startswith=REFERENCE_PREFIX).delete()
        if page:
            FormSubmission.objects.filter(page=page).delete()
        else:
            home = make_site_root()
            index = ProgrammeIndexPageFactory(parent=home, slug="bench-programmes")
            programme = CampaignPageFactory(
                parent=index, title="Bench programme", slug="bench-programme", places=50
            )
            page = ApplicationFormPageFactory(parent=programme, title="Apply", slug="bench-apply")
            for order, (label, field_type) in enumerate(QUESTIONS):
                ApplicationFormFieldFactory(page=page, label=label, field_type=field_type, sort_order=order)
            group = make_group("Bench programme reviewers", [programme])
            make_reviewer(group)
        programme = CampaignPage.objects.get(slug="bench-programme")
        now = timezone.now()
        generator = random.Random(4)
        batch_apps, batch_subs = [], []
        for n in range(rows):
            first = generator.choice(["Ada", "Grace", "Mary", "Alan", "Tim"])
            name = f"{first} {generator.choice(SURNAMES)} {n}"
            data = {
                "full_name": name,
                "email_address": f"applicant{n}@example.org",
                "phone_number": f"07700 9{n:05d}",
                "current_or_last_role": "Senior social worker",
                "years_of_experience": str(generator.randint(1, 30)),
                "why_do_you_want_to_return": WHY,
                "your_cv": f"cv-{n}.pdf",
            }
            submitted = now - timedelta(minutes=generator.randint(0, 60 * 24 * 60))
            batch_apps.append(
                Application(
                    page=page,
                    programme=programme,
                    form_data=data,
                    submit_time=submitted,
                    reference=f"{REFERENCE_PREFIX}{n:06d}",
                    status=generator.choice(STATUSES),
                    applicant_name=name,
                    applicant_email=data["email_address"],
                )
            )
            batch_subs.append(FormSubmission(page=page, form_data=data, submit_time=submitted))
            if len(batch_apps) == 5000:
                Application.objects.bulk_create(batch_apps)
                FormSubmission.objects.bulk_create(batch_subs)
                batch_apps, batch_subs = [], []
        Application.objects.bulk_create(batch_apps)
        FormSubmission.objects.bulk_create(batch_subs)
    spread_submit_times(page)
    return page


def spread_submit_times(page):
    """Spreads submit times over 60 days (auto_now_add overrides them on insert); same for both tables."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("application_forms_application", "wagtailforms_formsubmission"):
            cursor.execute(
                f"UPDATE {table} SET submit_time = now() - (((id * 7919) %% 86400) * interval '1 minute')"  # noqa: S608
                " WHERE page_id = %s",
                [page.pk],
            )
        cursor.execute("ANALYZE")


def make_reviewer(group):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    reviewer = User.objects.create_user("bench-reviewer", "reviewer@example.org", "x")
    reviewer.groups.add(group)
    User.objects.create_superuser("bench-admin", "admin@example.org", "x")


def builtin_view(request, page_id, results_only=False):
    """Wagtail's own SubmissionsListView over FormSubmission rows of the same form page."""
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.forms.views import SubmissionsListView

    from forms.models import ApplicationFormPage

    page = ApplicationFormPage.objects.get(pk=page_id)
    page.get_submission_class = lambda: FormSubmission  # bench only: the plain Wagtail submission model
    return SubmissionsListView.as_view()(request, form_page=page)


urlpatterns = []  # filled in by bench_urls()


def bench_urls():
    """The project's URLs plus the built-in view at /bench-builtin/<page_id>/ (behind the same middleware)."""
    from django.urls import path

    from microsite import urls as project_urls

    global urlpatterns
    # The project's own list, not include(): it ends with i18n_patterns, which Django refuses
    # in an included URLconf.
    urlpatterns = [path("bench-builtin/<int:page_id>/", builtin_view), *project_urls.urlpatterns]


def client_for(username):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def timed_get(client, url, consume=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        if consume and response.streaming:
            for _ in response.streaming_content:
                pass
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries)


def median_time(client, url, runs, consume=False):
    timed_get(client, url, consume)  # warm-up
    results = [timed_get(client, url, consume) for _ in range(runs)]
    return statistics.median(elapsed for elapsed, _ in results), results[-1][1]


def rss_mb(field):
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MB, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(kind, page_id):
    """One export in this (fresh) process: prints seconds, the RSS before it and the peak RSS."""
    from django.test.utils import override_settings

    bench_urls()
    with override_settings(ROOT_URLCONF=__name__):
        if kind == "builtin-csv":
            client, url = client_for("bench-admin"), f"/bench-builtin/{page_id}/?export=csv"
        else:
            client, url = client_for("bench-reviewer"), f"/admin/applications/?export={kind}"
        client.get("/admin/")  # load URLs, templates and the admin once
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        before = rss_mb("VmRSS")
        elapsed, queries = timed_get(client, url, consume=True)
    peak = rss_mb("VmHWM")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak, "before_mb": before, "maxrss_mb": maxrss}))


def run_child(kind, page_id, runs):
    results = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--page", str(page_id)],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ,
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(result["seconds"] for result in results),
        "peak_mb": max(result["peak_mb"] for result in results),
        "before_mb": max(result["before_mb"] for result in results),
        "maxrss_mb": max(result["maxrss_mb"] for result in results),
    }


def page_size_queries(client, page_size):
    from reviews.admin import ApplicationAdmin as model_admin

    saved = model_admin.list_per_page
    model_admin.list_per_page = page_size
    try:
        return timed_get(client, "/admin/applications/")[1]
    finally:
        model_admin.list_per_page = saved


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child")
    parser.add_argument("--page", type=int)
    args = parser.parse_args()
    if args.child:
        setup_django()
        return child(args.child, args.page)
    ensure_database()
    setup_django()
    from django.test.utils import override_settings

    started = time.perf_counter()
    page = load(args.rows)
    print(
        f"data ready in {time.perf_counter() - started:.1f}s: "
        f"{args.rows:,} applications and {args.rows:,} FormSubmissions"
    )
    bench_urls()
    with override_settings(ROOT_URLCONF=__name__):
        reviewer, admin = client_for("bench-reviewer"), client_for("bench-admin")
        ours, ours_q = median_time(reviewer, "/admin/applications/", args.runs)
        builtin, builtin_q = median_time(admin, f"/bench-builtin/{page.pk}/", args.runs)
        search, search_q = median_time(
            reviewer,
            "/admin/applications/?q=Smith&status__exact=shortlisted&submitted_from=2000-01-01",
            args.runs,
        )
        sizes = {size: page_size_queries(reviewer, size) for size in (10, 50, 200)}
    exports = {
        kind: run_child(kind, page.pk, max(3, args.runs // 2)) for kind in ("csv", "builtin-csv", "xlsx")
    }
    report(ours, ours_q, builtin, builtin_q, search, search_q, sizes, exports, args)


def report(ours, ours_q, builtin, builtin_q, search, search_q, sizes, exports, args):
    print(f"\nmedian of {args.runs} runs (exports: median of {max(3, args.runs // 2)} subprocesses)")
    print(f"listing, ours (50 a page):             {ours * 1000:8.1f} ms  {ours_q} queries")
    print(f"listing, Wagtail built-in (20 a page): {builtin * 1000:8.1f} ms  {builtin_q} queries")
    print(f"  ratio ours/built-in: {ours / builtin:.2f} (goal <= 0.5)")
    print(f"filtered search, ours:                 {search * 1000:8.1f} ms  {search_q} queries")
    print(
        "listing queries by page size: "
        + ", ".join(f"{size} a page: {count}" for size, count in sizes.items())
    )
    print(f"  independent of page size: {len(set(sizes.values())) == 1}")
    for kind, label in (
        ("csv", "CSV export, ours"),
        ("builtin-csv", "CSV export, built-in"),
        ("xlsx", "XLSX export, ours"),
    ):
        result = exports[kind]
        print(
            f"{label:<24} {result['seconds']:7.2f} s  peak RSS {result['peak_mb']:6.1f} MB "
            f"(RSS before the request {result['before_mb']:.1f} MB; "
            f"growth {result['peak_mb'] - result['before_mb']:.1f} MB; "
            f"getrusage maxrss {result['maxrss_mb']:.1f} MB)"
        )
    ratio = exports["csv"]["seconds"] / exports["builtin-csv"]["seconds"]
    print(f"  CSV ratio ours/built-in: {ratio:.2f} (goal <= 0.5); peak RSS goal < 150 MB")


if __name__ == "__main__":
    main()
