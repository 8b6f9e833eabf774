"""Benchmark: ``manage.py purge_expired_data`` on expired applications with files on the S3 server.

PostgreSQL (its own database, created and migrated if missing) and the S3 server (moto on
127.0.0.1:9000 unless ``AWS_S3_ENDPOINT_URL`` says otherwise, its own bucket), with
``bench.settings`` (production-like: ``DEBUG`` off, so Django keeps no query log). For each
size, loads that many expired applications, each with one CV object in the private storage,
runs the purge command in a child process as cron would, and prints rows/s (from the run's own
start and end times, without Django's start-up) and the child's own peak memory (``VmHWM``,
see ``bench/peak_rss.py``), beside the same child's for ``manage.py check`` and for the purge
with nothing due; then checks that nothing is left in the table or the bucket. Several sizes
show whether memory stays flat.

    .venv/bin/python bench/bench_purge.py [--sizes 2000 10000 100000] [--batch-size 500]

Loading puts one object per application on the S3 server, from 32 threads: with moto that
takes about as long as the purge itself.
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": "postgres://postgres:postgres@127.0.0.1:5432/rtw_purge_bench",
    "AWS_STORAGE_BUCKET_NAME": "rtw-purge-bench",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_S3_REGION_NAME": "eu-west-2",
}
for key, value in ENV.items():
    os.environ.setdefault(key, value)

PDF = b"%PDF-1.4\n% a small CV\n%%EOF\n"
CLOSED = dt.datetime(2024, 1, 31, 23, 59, tzinfo=dt.UTC)  # retention (6 months) ended long ago


def prepare():
    """Creates the database and bucket when missing, and migrates."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=config["HOST"], user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')
    s3 = s3_client()
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    if bucket not in {item["Name"] for item in s3.list_buckets().get("Buckets", [])}:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def s3_client():
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name="eu-west-2",
        config=Config(max_pool_connections=32),
    )


def form_page():
    """A programme whose application form closed in January 2024 (so everything in it is due)."""
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
    from forms.factories import ApplicationFormPageFactory
    from forms.models import ApplicationFormPage
    from tests.conftest import make_site_root

    existing = ApplicationFormPage.objects.filter(slug="bench-purge-apply").first()
    if existing:
        return existing
    home = make_site_root()
    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=home), title="Purge bench")
    return ApplicationFormPageFactory(
        parent=programme, slug="bench-purge-apply", opens_at=CLOSED - dt.timedelta(days=30), closes_at=CLOSED
    )


def load(rows):
    """``rows`` expired applications, each with a CV row and its object on the S3 server."""
    from forms.models import Application, ApplicationFile

    page = form_page()
    programme = page.get_programme()
    s3, bucket, keys = s3_client(), os.environ["AWS_STORAGE_BUCKET_NAME"], []
    for start in range(0, rows, 2000):
        applications = Application.objects.bulk_create(
            Application(
                page=page,
                programme=programme,
                reference=f"PB-{uuid.uuid4().hex[:12]}",
                form_data={"full_name": "Bench Applicant"},
                applicant_name="Bench Applicant",
                applicant_email=f"bench{start + number}@example.org",
            )
            for number in range(min(2000, rows - start))
        )
        files = [
            ApplicationFile(
                application=application,
                field_name="your_cv",
                file=f"applications/bench-{uuid.uuid4().hex}.pdf",
                original_name="cv.pdf",
                content_type="application/pdf",
                size=len(PDF),
            )
            for application in applications
        ]
        ApplicationFile.objects.bulk_create(files)
        keys += [f"private/{item.file.name}" for item in files]
    with ThreadPoolExecutor(32) as pool:
        list(pool.map(lambda key: s3.put_object(Bucket=bucket, Key=key, Body=PDF), keys))


def objects_left():
    paginator = s3_client().get_paginator("list_objects_v2")
    pages = paginator.paginate(
        Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"], Prefix="private/applications/bench-"
    )
    return sum(page.get("KeyCount", 0) for page in pages)


def run_command(*arguments):
    """Runs ``manage.py`` in a child process; returns (seconds, the child's own peak RSS in MB).

    The peak is the child's ``VmHWM`` written by ``bench/peak_rss.py`` as it exits, not
    ``ru_maxrss`` from ``os.wait4``: Linux gives a child at least its parent's high-water
    mark, so that would report this process's memory (with the rows it loaded), not the
    command's.
    """
    with tempfile.NamedTemporaryFile(prefix="rtw-purge-peak-") as peak_file:
        command = [sys.executable, "bench/peak_rss.py", peak_file.name, "manage.py", *arguments]
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        seconds = time.perf_counter() - started
        return seconds, int(Path(peak_file.name).read_text()) / 1024


def purge(batch_size):
    return run_command("purge_expired_data", "--batch-size", str(batch_size))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 10_000, 100_000])
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    prepare()
    from forms.models import Application, PurgeRun

    _, check_peak = run_command("check")
    idle_seconds, idle_peak = purge(args.batch_size)
    print(f"manage.py check: peak RSS {check_peak:.0f} MB (Django's and Wagtail's start-up)")
    print(
        f"The command with nothing due: {idle_seconds:.1f} s, peak RSS {idle_peak:.0f} MB "
        "(start-up, the S3 client and the queries finding nothing)"
    )
    print("rows     load s  command s  purge s  rows/s  peak RSS MB  over idle MB  rows left  objects left")
    for rows in args.sizes:
        started = time.perf_counter()
        load(rows)
        loaded = time.perf_counter() - started
        seconds, peak = purge(args.batch_size)
        run = PurgeRun.objects.first()  # the run's own start and end, without Django's start-up
        purging = (run.finished_at - run.started_at).total_seconds()
        left = Application.objects.filter(reference__startswith="PB-").count()
        print(
            f"{rows:<8} {loaded:>6.0f} {seconds:>9.1f} {purging:>8.1f} {rows / purging:>7.0f} {peak:>12.0f} "
            f"{peak - idle_peak:>13.0f} {left:>10} {objects_left():>13}",
            flush=True,
        )


if __name__ == "__main__":
    main()
