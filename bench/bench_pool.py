"""Benchmark: searching the talent pool at /recruiters/ with 100,000 consenting profiles.

Run on PostgreSQL (the database is created and migrated if missing; data is loaded once):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rtw_pool_bench \\
        .venv/bin/python bench/bench_pool.py [--profiles 100000] [--runs 200]

Prints the p50 and p95 of the whole search page (a signed-in recruiter's GET, through every
middleware and the template) for a profession + region + skills words query, each run with
other words; the same for the search's own SQL; the SQL query count of a results page at
pages 1, 2 and 50; and whether PostgreSQL's plan uses the GIN index.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microsite.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench.bench_admin import ensure_database, setup_django, timed_get  # noqa: E402

REFERENCE_PREFIX = "POOLB-"
PROFESSIONS = ["social-work", "ict", "stem", "planning", "legal", "other"]
REGIONS = ["north-east", "north-west", "yorkshire", "east-midlands", "west-midlands", "east", "london"]
SKILLS = [
    "child protection",
    "court reports",
    "adult safeguarding",
    "mental health",
    "fostering assessments",
    "youth justice",
    "network administration",
    "cloud migration",
    "service desk leadership",
    "data modelling",
    "laboratory analysis",
    "project management",
    "budget management",
    "mentoring new starters",
    "welsh speaker",
    "planning appeals",
    "contract law",
    "team leadership",
    "coaching colleagues",
    "report writing",
]
QUERIES = ["child protection", "court", "safeguarding", "mentoring", "team leadership", "data", "welsh"]


def load(count):
    """``count`` applications with a consenting pool profile each, one or two regions (loaded once)."""
    from django.core.management import call_command
    from django.db import transaction

    from forms.models import Application, PoolProfile

    call_command("migrate", verbosity=0)
    if Application.objects.filter(reference__startswith=REFERENCE_PREFIX).count() == count:
        return
    with transaction.atomic():
        Application.objects.filter(reference__startswith=REFERENCE_PREFIX).delete()
        page, programme = bench_form()
        generator = random.Random(7)
        for start in range(0, count, 5000):
            numbers = range(start, min(start + 5000, count))
            applications = Application.objects.bulk_create(
                [bench_application(page, programme, number) for number in numbers]
            )
            profiles = PoolProfile.objects.bulk_create([bench_profile(a, generator) for a in applications])
            bench_regions(profiles, generator)


def bench_form():
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
    from forms.factories import ApplicationFormPageFactory
    from forms.models import ApplicationFormPage
    from tests.conftest import make_site_root

    page = ApplicationFormPage.objects.filter(slug="pool-bench-apply").first()
    if page is None:
        index = ProgrammeIndexPageFactory(parent=make_site_root(), slug="pool-bench-programmes")
        programme = CampaignPageFactory(parent=index, title="Pool bench", slug="pool-bench-programme")
        page = ApplicationFormPageFactory(parent=programme, slug="pool-bench-apply", offer_talent_pool=True)
    return page, page.get_parent().specific


def bench_application(page, programme, number):
    from forms.models import Application

    return Application(
        page=page,
        programme=programme,
        form_data={},
        reference=f"{REFERENCE_PREFIX}{number:06d}",
        applicant_name=f"Candidate {number}",
        applicant_email=f"candidate{number}@example.org",
    )


def bench_profile(application, generator):
    from django.utils import timezone

    from forms.models import PoolProfile
    from forms.pool import consent_ends

    now = timezone.now()
    profile = PoolProfile(
        application=application,
        profession=generator.choice(PROFESSIONS),
        years_of_experience=generator.randint(1, 30),
        skills_summary=", ".join(generator.sample(SKILLS, 3)).capitalize() + ".",
        availability="now",
        consented_at=now,
        consent_expires_at=consent_ends(now),
    )
    profile.regions_chosen = generator.sample(REGIONS, generator.choice([1, 2]))
    profile.search_text = profile.build_search_text(profile.regions_chosen)
    return profile


def bench_regions(profiles, generator):
    from forms.models import PoolRegion

    PoolRegion.objects.bulk_create(
        [
            PoolRegion(profile=profile, region=region)
            for profile in profiles
            for region in profile.regions_chosen
        ]
    )


def recruiter_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from recruiters.models import Recruiter, RecruitingOrganisation

    user, _ = get_user_model().objects.get_or_create(username="pool-bench@example.org")
    organisation, _ = RecruitingOrganisation.objects.get_or_create(name="Pool bench council", kind="council")
    Recruiter.objects.get_or_create(user=user, defaults={"organisation": organisation})
    client = Client()
    client.force_login(user)
    return client


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def query_string(generator):
    from urllib.parse import urlencode

    params = {
        "profession": generator.choice(PROFESSIONS),
        "region": generator.choice(REGIONS),
        "words": generator.choice(QUERIES),
    }
    return params, urlencode(params)


def time_pages(client, runs):
    generator = random.Random(11)
    times, queries = [], set()
    for _ in range(runs):
        _, query = query_string(generator)
        elapsed, count = timed_get(client, f"/recruiters/?{query}")
        times.append(elapsed)
        queries.add(count)
    return times, queries


def time_sql(runs):
    """The search's own SQL: a page of 20 with the total, and their regions (what the page runs)."""
    from recruiters.search import results_page, search

    generator = random.Random(11)
    times = []
    for _ in range(runs):
        params, _ = query_string(generator)
        start = time.perf_counter()
        results_page(search(**params), 1, 20)
        times.append(time.perf_counter() - start)
    return times


def explain():
    from recruiters.search import search

    plan = search(profession="social-work", region="yorkshire", words="child protection").explain()
    return "pool_search_text_fts" in plan, plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    ensure_database()
    setup_django()
    started = time.perf_counter()
    load(args.profiles)
    print(f"data ready in {time.perf_counter() - started:.1f}s: {args.profiles:,} consenting pool profiles")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE application_forms_poolprofile; ANALYZE application_forms_poolregion")
    client = recruiter_client()
    timed_get(
        client, "/recruiters/?profession=social-work&region=yorkshire&words=child+protection"
    )  # warm-up
    pages, page_queries = time_pages(client, args.runs)
    sql = time_sql(args.runs)
    per_page = {
        number: timed_get(client, f"/recruiters/?profession=social-work&words=management&page={number}")[1]
        for number in (1, 2, 50)
    }
    uses_index, plan = explain()
    print(f"\n{args.runs} searches, profession + region + words, each with other values")
    print(
        f"search page (whole request): p50 {percentile(pages, 0.5) * 1000:6.1f} ms  "
        f"p95 {percentile(pages, 0.95) * 1000:6.1f} ms  queries per page: {sorted(page_queries)}"
    )
    print(
        f"search SQL (20 rows + total, regions): p50 {percentile(sql, 0.5) * 1000:6.1f} ms  "
        f"p95 {percentile(sql, 0.95) * 1000:6.1f} ms  mean {statistics.mean(sql) * 1000:6.1f} ms"
    )
    print(f"queries per results page at pages 1, 2, 50: {per_page} (the search itself: 2)")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"GIN index used: {uses_index}")
    if "--plan" in sys.argv or not uses_index:
        print(plan)


if __name__ == "__main__":
    main()
